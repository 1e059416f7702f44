package org.arxiv.submission.agent.stream;

/**
 * The stream rejects a checkpointed sequence number as a start position, typically because the
 * record has aged out of the stream's retention period.
 */
public class StaleCheckpointException extends RuntimeException {

  public StaleCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
