package org.arxiv.submission.agent.stream;

import java.util.List;

/** Appends records to the stream, keeping the order of records with the same partition key. */
public interface StreamPublisher {

  /** A record to put: the partition key (the submission id) and the payload. */
  record OutgoingRecord(String partitionKey, byte[] data) {}

  /**
   * Puts the records, in order per partition key, and returns their sequence numbers in input
   * order. Entries that the stream rejects transiently are retried.
   *
   * @throws RecordTooLargeException when a record exceeds the stream's size limit; nothing of
   *     the batch is put in that case
   */
  List<String> publish(List<OutgoingRecord> records) throws InterruptedException;
}
