package org.arxiv.submission.agent.wire;

/** A stream record that cannot be decoded; the message says why, for logs and quarantine. */
public class RecordDecodeException extends Exception {

  public RecordDecodeException(String message) {
    super(message);
  }

  public RecordDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
