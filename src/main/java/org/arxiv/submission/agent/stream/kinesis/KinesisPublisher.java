package org.arxiv.submission.agent.stream.kinesis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arxiv.submission.agent.stream.RecordTooLargeException;
import org.arxiv.submission.agent.stream.StreamPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts records with PutRecords, in requests of at most {@value #MAX_REQUEST_RECORDS} records
 * and {@value #MAX_REQUEST_BYTES} bytes, sent one after another in input order.
 *
 * <p>Every record is checked against the 1 MiB limit before anything is sent, so an oversize
 * record rejects the whole call with {@link RecordTooLargeException} and nothing is put.
 *
 * <p>Order per partition key: PutRecords may reject some entries of a request (throttling or an
 * internal failure) and accept the others. When an entry fails, the retry sends it again
 * together with every later entry of the same partition key, in input order, even the ones
 * that were accepted. The last copy of each record is then in order, and the returned sequence
 * number is that copy's. A later entry that had been accepted thus appears twice in the shard,
 * once before the failed entry, so consumers must tolerate duplicates (they do anyway, because
 * delivery is at least once). Entries of other keys are not sent again.
 *
 * <p>Throttling, network errors and 5xx responses are retried with {@link Backoff} until they
 * succeed or the thread is interrupted. A request whose response was lost may have been
 * applied, so its retry can duplicate records too. Other errors reach the caller as the SDK's
 * exception, and the records before the failing request stay put.
 */
public final class KinesisPublisher implements StreamPublisher {

  /** Kinesis limit on one record: data plus partition key, 1 MiB. */
  public static final int MAX_RECORD_BYTES = 1024 * 1024;

  /** Kinesis limit on the entries of one PutRecords request. */
  public static final int MAX_REQUEST_RECORDS = 500;

  /** Kinesis limit on one PutRecords request: data plus partition keys, 5 MiB. */
  public static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;

  /** Kinesis limit on a partition key, in Unicode characters. */
  public static final int MAX_PARTITION_KEY_LENGTH = 256;

  private static final Logger log = LoggerFactory.getLogger(KinesisPublisher.class);

  private final StreamContext context;
  private final RetryLog retryLog;

  KinesisPublisher(StreamContext context) {
    this.context = context;
    this.retryLog = new RetryLog(log, context.meters(), context.clock(), context.streamName(),
        null);
  }

  @Override
  public List<String> publish(List<OutgoingRecord> records) throws InterruptedException {
    int[] sizes = validate(records);
    String[] sequenceNumbers = new String[records.size()];
    for (List<Integer> request : splitIntoRequests(sizes)) {
      putWithRetries(records, request, sequenceNumbers);
    }
    return Collections.unmodifiableList(Arrays.asList(sequenceNumbers));
  }

  /** Checks every record and returns the sizes (data plus partition key) in bytes. */
  static int[] validate(List<OutgoingRecord> records) {
    int[] sizes = new int[records.size()];
    for (int i = 0; i < records.size(); i++) {
      OutgoingRecord record = records.get(i);
      if (record == null || record.data() == null) {
        throw new IllegalArgumentException("record " + i + " or its data is null");
      }
      String key = record.partitionKey();
      if (key == null || key.isEmpty()
          || key.codePointCount(0, key.length()) > MAX_PARTITION_KEY_LENGTH) {
        throw new IllegalArgumentException("record " + i + " has an invalid partition key \""
            + key + "\": expected 1 to " + MAX_PARTITION_KEY_LENGTH + " characters");
      }
      long size = (long) record.data().length + key.getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_RECORD_BYTES) {
        throw new RecordTooLargeException(key, size, MAX_RECORD_BYTES);
      }
      sizes[i] = (int) size;
    }
    return sizes;
  }

  /** Groups consecutive records into requests within the count and byte limits. */
  static List<List<Integer>> splitIntoRequests(int[] sizes) {
    List<List<Integer>> requests = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (current.size() == MAX_REQUEST_RECORDS || bytes + sizes[i] > MAX_REQUEST_BYTES) {
        requests.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(i);
      bytes += sizes[i];
    }
    if (!current.isEmpty()) {
      requests.add(current);
    }
    return requests;
  }

  private void putWithRetries(List<OutgoingRecord> records, List<Integer> request,
      String[] sequenceNumbers) throws InterruptedException {
    List<Integer> pending = request;
    int retry = 0;
    while (!pending.isEmpty()) {
      PutRecordsResponse response;
      try {
        response = context.client().putRecords(toRequest(records, pending));
      } catch (RuntimeException e) {
        backOff(KinesisErrors.classify(e), e, e.toString(), retry++);
        continue;
      }
      List<Integer> retried = applyResults(records, pending, response, sequenceNumbers);
      if (!retried.isEmpty()) {
        backOff(entryErrorKind(response), null, describeFailures(response), retry++);
      } else {
        retryLog.recovered("PutRecords", retry);
      }
      pending = retried;
    }
  }

  private PutRecordsRequest toRequest(List<OutgoingRecord> records, List<Integer> indexes) {
    List<PutRecordsRequestEntry> entries = new ArrayList<>(indexes.size());
    for (int index : indexes) {
      OutgoingRecord record = records.get(index);
      entries.add(PutRecordsRequestEntry.builder()
          .partitionKey(record.partitionKey())
          .data(SdkBytes.fromByteArray(record.data()))
          .build());
    }
    return PutRecordsRequest.builder().streamName(context.streamName()).records(entries).build();
  }

  /**
   * Stores the sequence numbers of accepted entries and returns the input indexes to send
   * again: each failed entry and every later entry of its partition key, in input order.
   */
  static List<Integer> applyResults(List<OutgoingRecord> records, List<Integer> sent,
      PutRecordsResponse response, String[] sequenceNumbers) {
    List<PutRecordsResultEntry> results = response.records();
    if (results.size() != sent.size()) {
      throw new IllegalStateException("PutRecords returned " + results.size()
          + " results for " + sent.size() + " entries");
    }
    Set<String> blockedKeys = new HashSet<>();
    List<Integer> retried = new ArrayList<>();
    for (int position = 0; position < sent.size(); position++) {
      int index = sent.get(position);
      String key = records.get(index).partitionKey();
      if (results.get(position).errorCode() != null) {
        blockedKeys.add(key);
        retried.add(index);
      } else if (blockedKeys.contains(key)) {
        retried.add(index);
      } else {
        sequenceNumbers[index] = results.get(position).sequenceNumber();
      }
    }
    return retried;
  }

  // Kinesis reports only throttling and internal failures per entry, and both are transient.
  private static KinesisErrors.Kind entryErrorKind(PutRecordsResponse response) {
    for (PutRecordsResultEntry result : response.records()) {
      String code = result.errorCode();
      if (code != null && !code.contains("Throttl") && !code.contains("ThroughputExceeded")) {
        return KinesisErrors.Kind.SERVER;
      }
    }
    return KinesisErrors.Kind.THROTTLED;
  }

  private static String describeFailures(PutRecordsResponse response) {
    for (PutRecordsResultEntry result : response.records()) {
      if (result.errorCode() != null) {
        return response.failedRecordCount() + " entries failed, first with "
            + result.errorCode() + ": " + result.errorMessage();
      }
    }
    return response.failedRecordCount() + " entries failed";
  }

  private void backOff(KinesisErrors.Kind kind, RuntimeException error, String description,
      int retry) throws InterruptedException {
    if (kind == KinesisErrors.Kind.INTERRUPTED) {
      Thread.interrupted();
      InterruptedException interrupted =
          new InterruptedException("interrupted during PutRecords to " + context.streamName());
      interrupted.initCause(error);
      throw interrupted;
    }
    if (error != null && !KinesisErrors.isTransient(kind)) {
      throw error;
    }
    Duration delay = context.backoff().delay(retry);
    retryLog.retrying("PutRecords", kind, retry, delay, description);
    context.sleeper().sleep(delay);
  }
}
