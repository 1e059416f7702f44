package org.arxiv.submission.agent.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.arxiv.submission.agent.stream.ShardInfo;
import org.arxiv.submission.agent.stream.StreamUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.AccessDeniedException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Finds, creates and lists streams on kinesalite. */
class KinesisStreamSetupTest {

  private KinesaliteStream test;

  @AfterEach
  void deleteStream() {
    if (test != null) {
      test.close();
    }
  }

  private StreamStatus status() {
    return test.realClient.describeStreamSummary(request -> request.streamName(test.name()))
        .streamDescriptionSummary()
        .streamStatus();
  }

  @Test
  void missingStreamFailsWithoutCreate() {
    Map<String, String> variables = KinesaliteStream.variables(1);
    variables.put("KINESIS_CREATE_STREAM", "false");
    test = KinesaliteStream.unopened(variables);

    assertThatThrownBy(test.stream::awaitActive)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(test.name())
        .hasMessageContaining("not found")
        .hasMessageContaining("KINESIS_CREATE_STREAM");
    assertThat(test.client.calls("CreateStream")).isZero();
  }

  @Test
  void missingStreamIsCreatedQuickly() {
    test = KinesaliteStream.unopened(KinesaliteStream.variables(3));

    long started = System.nanoTime();
    test.stream.awaitActive();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(status()).isEqualTo(StreamStatus.ACTIVE);
    assertThat(test.stream.listShards()).hasSize(3);
    assertThat(test.client.calls("CreateStream")).isEqualTo(1);
    assertThat(test.client.calls("DescribeStream")).isPositive();
    // The SDK's default waiter polls every 10 s, so a slow result means it is back in use.
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void activeStreamIsNotCreated() {
    test = KinesaliteStream.create(1);
    KinesaliteStream second = KinesaliteStream.unopened(
        Map.of("KINESIS_STREAM", test.name(),
            "KINESIS_ENDPOINT", KinesaliteStream.endpoint().toString(),
            "AWS_ACCESS_KEY_ID", "test-key", "AWS_SECRET_ACCESS_KEY", "test-secret"));

    second.stream.awaitActive();

    assertThat(second.client.calls("CreateStream")).isZero();
    assertThat(second.client.calls("DescribeStream")).isZero();
    second.realClient.close();
  }

  @Test
  void concurrentCreateIsTolerated() {
    test = KinesaliteStream.unopened(KinesaliteStream.variables(1));
    // Another agent creates the stream after our check found none.
    test.client.fail("DescribeStreamSummary", 1,
        ResourceNotFoundException.builder().message("not found").statusCode(400).build());
    test.realClient.createStream(request -> request.streamName(test.name()).shardCount(1));

    test.stream.awaitActive();

    assertThat(test.client.calls("CreateStream")).isEqualTo(1);
    assertThat(status()).isEqualTo(StreamStatus.ACTIVE);
  }

  @Test
  void otherDescribeErrorIsRaised() {
    test = KinesaliteStream.unopened(KinesaliteStream.variables(1));
    test.client.fail("DescribeStreamSummary", 1,
        AccessDeniedException.builder().message("denied").statusCode(400).build());

    assertThatThrownBy(test.stream::awaitActive).isInstanceOf(AccessDeniedException.class);
    assertThat(test.client.calls("CreateStream")).isZero();
  }

  @Test
  void failedListShardsNamesTheStream() {
    test = KinesaliteStream.create(1);
    test.client.fail("ListShards", 1, FaultInjectingKinesisClient.networkError());

    assertThatThrownBy(() -> test.stream.listShards())
        .isInstanceOf(StreamUnavailableException.class)
        .hasMessageStartingWith("ListShards of stream " + test.name() + " failed: ");
    assertThat(test.stream.listShards()).hasSize(1);
  }

  @Test
  void listShardsFollowsNextToken() {
    test = KinesaliteStream.create(5);
    // kinesalite never pages, so the first response is cut after two shards.
    test.client.<ListShardsRequest, ListShardsResponse>inject("ListShards", 1, (request, real) -> {
      ListShardsResponse all = real.apply(request);
      return all.toBuilder().shards(all.shards().subList(0, 2)).nextToken("page-2").build();
    });
    test.client.<ListShardsRequest, ListShardsResponse>inject("ListShards", 2, (request, real) -> {
      ListShardsResponse all = real.apply(ListShardsRequest.builder()
          .streamName(test.name())
          .build());
      return all.toBuilder().shards(all.shards().subList(2, 5)).build();
    });

    List<ShardInfo> shards = test.stream.listShards(2);

    assertThat(shards).hasSize(5);
    assertThat(shards).extracting(ShardInfo::shardId).doesNotHaveDuplicates().isSorted();
    List<ListShardsRequest> requests = test.client.requests(ListShardsRequest.class);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).streamName()).isEqualTo(test.name());
    assertThat(requests.get(0).maxResults()).isEqualTo(2);
    assertThat(requests.get(1).streamName()).isNull();
    assertThat(requests.get(1).nextToken()).isEqualTo("page-2");
  }

  @Test
  void createAwaitUseAndClose() throws Exception {
    Map<String, String> variables = KinesaliteStream.variables(2);
    KinesisSettings settings = KinesisSettings.fromLookup(variables::get, Clock.systemUTC());
    test = KinesaliteStream.unopened(variables);

    try (KinesisEventStream stream =
        KinesisEventStream.create(settings, variables::get, new SimpleMeterRegistry())) {
      stream.awaitActive();
      assertThat(stream.name()).isEqualTo(settings.streamName());
      assertThat(stream.listShards()).hasSize(2);
      assertThat(stream.publisher().publish(KinesaliteStream.records(4, 2))).hasSize(4);
    }
    assertThat(status()).isEqualTo(StreamStatus.ACTIVE);
  }
}
