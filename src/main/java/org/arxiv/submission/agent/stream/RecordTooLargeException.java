package org.arxiv.submission.agent.stream;

/** A record exceeds the stream's record size limit (1 MiB on Kinesis) and cannot be put. */
public class RecordTooLargeException extends RuntimeException {

  private final String partitionKey;
  private final long sizeBytes;
  private final long limitBytes;

  public RecordTooLargeException(String message) {
    super(message);
    this.partitionKey = null;
    this.sizeBytes = -1;
    this.limitBytes = -1;
  }

  /** Creates the exception for a record of {@code sizeBytes} over a limit of {@code limitBytes}. */
  public RecordTooLargeException(String partitionKey, long sizeBytes, long limitBytes) {
    super("record with partition key " + partitionKey + " is " + sizeBytes
        + " bytes (data plus partition key), over the limit of " + limitBytes + " bytes");
    this.partitionKey = partitionKey;
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }

  /** Returns the record's partition key, or null when the message alone describes it. */
  public String partitionKey() {
    return partitionKey;
  }

  /** Returns the record's size in bytes, or -1 when unknown. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** Returns the stream's limit in bytes, or -1 when unknown. */
  public long limitBytes() {
    return limitBytes;
  }
}
