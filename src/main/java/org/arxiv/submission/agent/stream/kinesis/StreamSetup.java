package org.arxiv.submission.agent.stream.kinesis;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/** Makes sure the stream exists and is usable: creates it if allowed and waits for ACTIVE. */
final class StreamSetup {

  /**
   * The waiter's polling interval. The SDK's default waiter polls every 10 s, which made each
   * create in tests take about 10 s although kinesalite was ready within milliseconds.
   */
  static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private static final Logger log = LoggerFactory.getLogger(StreamSetup.class);

  private final KinesisClient client;
  private final KinesisSettings settings;

  StreamSetup(KinesisClient client, KinesisSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  void awaitActive() {
    String name = settings.streamName();
    StreamStatus status = status();
    if (status == null) {
      createOrFail();
      status = StreamStatus.CREATING;
    }
    if (status == StreamStatus.DELETING) {
      throw new IllegalStateException("Kinesis stream " + name + " is being deleted");
    }
    // UPDATING means a reshard or another change in progress, and the stream stays usable.
    if (status == StreamStatus.CREATING) {
      waitUntilActive();
    }
    log.info("stream {}: ready ({})", name, status == StreamStatus.CREATING ? "created" : status);
  }

  /** Returns the stream's status, or null when the stream does not exist. */
  private StreamStatus status() {
    try {
      return client.describeStreamSummary(DescribeStreamSummaryRequest.builder()
              .streamName(settings.streamName())
              .build())
          .streamDescriptionSummary()
          .streamStatus();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private void createOrFail() {
    String name = settings.streamName();
    if (!settings.createStream()) {
      throw new IllegalStateException("Kinesis stream " + name + " not found. Create it, or set"
          + " KINESIS_CREATE_STREAM=true to let the agent create it");
    }
    try {
      client.createStream(request -> request.streamName(name).shardCount(settings.createShards()));
      log.info("stream {}: created with {} shards", name, settings.createShards());
    } catch (ResourceInUseException e) {
      // Another agent instance created it between our check and our request.
      log.info("stream {}: already being created by another client", name);
    }
  }

  private void waitUntilActive() {
    Duration timeout = settings.timeouts().streamWait();
    int attempts = (int) Math.max(1, timeout.toMillis() / POLL_INTERVAL.toMillis());
    WaiterOverrideConfiguration waiting = WaiterOverrideConfiguration.builder()
        .backoffStrategy(FixedDelayBackoffStrategy.create(POLL_INTERVAL))
        .maxAttempts(attempts)
        .waitTimeout(timeout)
        .build();
    try (KinesisWaiter waiter = KinesisWaiter.builder()
        .client(client)
        .overrideConfiguration(waiting)
        .build()) {
      // Limit 1: the waiter needs only the status, not the shard list.
      WaiterResponse<DescribeStreamResponse> response = waiter.waitUntilStreamExists(
          DescribeStreamRequest.builder().streamName(settings.streamName()).limit(1).build());
      response.matched().exception().ifPresent(error -> {
        throw new IllegalStateException("Kinesis stream " + settings.streamName()
            + " did not become ACTIVE: " + error, error);
      });
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      throw new IllegalStateException("Kinesis stream " + settings.streamName()
          + " did not become ACTIVE within " + timeout.toMillis() + " ms: " + e.getMessage(), e);
    }
  }
}
