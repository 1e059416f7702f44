package org.arxiv.submission.agent.stream;

/** A record exceeds the stream's record size limit (1 MiB on Kinesis) and cannot be put. */
public class RecordTooLargeException extends RuntimeException {

  public RecordTooLargeException(String message) {
    super(message);
  }
}
