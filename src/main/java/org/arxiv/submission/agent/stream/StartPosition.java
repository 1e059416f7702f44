package org.arxiv.submission.agent.stream;

import java.time.Instant;

/**
 * Where to start reading a shard: after a checkpointed sequence number, or by the configured
 * start type when the shard has no checkpoint.
 */
public sealed interface StartPosition {

  /** The records after the given sequence number; a stored checkpoint always wins. */
  record AfterSequenceNumber(String sequenceNumber) implements StartPosition {}

  /** The oldest record still kept. */
  record TrimHorizon() implements StartPosition {}

  /** Only records put after the reader starts. */
  record Latest() implements StartPosition {}

  /** The records put at or after the given time (UTC). */
  record AtTimestamp(Instant timestamp) implements StartPosition {}
}
