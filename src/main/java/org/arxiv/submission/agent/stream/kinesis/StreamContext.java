package org.arxiv.submission.agent.stream.kinesis;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The client, stream name, clock, sleeper, backoff and meters shared by one stream's readers. */
record StreamContext(
    KinesisClient client,
    String streamName,
    Clock clock,
    Sleeper sleeper,
    Backoff backoff,
    MeterRegistry meters) {}
