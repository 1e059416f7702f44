package org.arxiv.submission.agent.stream;

import java.util.concurrent.atomic.AtomicBoolean;
import org.arxiv.submission.agent.runner.Dispatcher;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.store.CheckpointStore;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.LeaseStore;

/**
 * The parts that the stream consumer shares with each of its shard readers.
 *
 * @param stopping set once the consumer stops, which every reader checks between records
 */
record ConsumerContext(EventStream stream, Database database, Dispatcher dispatcher,
    CheckpointStore checkpoints, LeaseStore leases, JobQueue queue, ConsumerSettings settings,
    ConsumerMetrics metrics, AtomicBoolean stopping) {}
