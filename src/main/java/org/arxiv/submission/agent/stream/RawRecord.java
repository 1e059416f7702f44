package org.arxiv.submission.agent.stream;

import java.time.Instant;

/**
 * A record as read from a shard, before decoding.
 *
 * @param shardId the shard it was read from
 * @param sequenceNumber the Kinesis sequence number, a decimal string of up to 128 digits
 * @param partitionKey the partition key it was put with
 * @param data the record payload
 * @param arrival the approximate arrival time, or null when the stream does not report it
 */
public record RawRecord(
    String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant arrival) {}
