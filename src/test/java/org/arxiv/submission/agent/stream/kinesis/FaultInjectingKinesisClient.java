package org.arxiv.submission.agent.stream.kinesis;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.CreateStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DeleteStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DeleteStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.MergeShardsRequest;
import software.amazon.awssdk.services.kinesis.model.MergeShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.SplitShardRequest;
import software.amazon.awssdk.services.kinesis.model.SplitShardResponse;

/**
 * A Kinesis client that passes calls to a real one (kinesalite) but replaces chosen calls with
 * a fault: an exception, or a changed response. Calls are numbered per operation from 1 over the
 * client's lifetime, and every request is recorded so tests can check what was sent. Only the
 * operations that the agent and the tests use are implemented. The SDK's other default methods
 * throw {@link UnsupportedOperationException}.
 */
final class FaultInjectingKinesisClient implements KinesisClient {

  /** What happens instead of a call: throw, or return a response, possibly from the real call. */
  @FunctionalInterface
  interface Fault<Q, R> {
    R apply(Q request, Function<Q, R> real);
  }

  private final KinesisClient real;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, Fault<?, ?>>> faults = new ConcurrentHashMap<>();
  private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, List<Runnable>> observers = new ConcurrentHashMap<>();

  FaultInjectingKinesisClient(KinesisClient real) {
    this.real = real;
  }

  /** Replaces call number {@code call} (from 1) of {@code operation} with {@code fault}. */
  <Q, R> void inject(String operation, int call, Fault<Q, R> fault) {
    faults.computeIfAbsent(operation, key -> new ConcurrentHashMap<>()).put(call, fault);
  }

  /** Makes call number {@code call} of {@code operation} throw {@code error}. */
  void fail(String operation, int call, RuntimeException error) {
    inject(operation, call, (request, realCall) -> {
      throw error;
    });
  }

  /** Runs {@code observer} before every call of {@code operation}. */
  void observe(String operation, Runnable observer) {
    observers.computeIfAbsent(operation, key -> new CopyOnWriteArrayList<>()).add(observer);
  }

  /** Returns how many calls of {@code operation} were made. */
  int calls(String operation) {
    AtomicInteger count = counts.get(operation);
    return count == null ? 0 : count.get();
  }

  /** Returns the requests of one type, in the order they were made. */
  <Q extends SdkRequest> List<Q> requests(Class<Q> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static ProvisionedThroughputExceededException throttled() {
    return ProvisionedThroughputExceededException.builder()
        .message("Rate exceeded for shard (injected)")
        .statusCode(400)
        .build();
  }

  static ExpiredIteratorException expired() {
    return ExpiredIteratorException.builder()
        .message("Iterator expired (injected)")
        .statusCode(400)
        .build();
  }

  static SdkClientException networkError() {
    return SdkClientException.builder()
        .message("Unable to execute HTTP request: Connection reset (injected)")
        .cause(new IOException("Connection reset (injected)"))
        .build();
  }

  @SuppressWarnings("unchecked")
  private <Q extends SdkRequest, R> R call(String operation, Q request, Function<Q, R> realCall) {
    requests.add(request);
    observers.getOrDefault(operation, List.of()).forEach(Runnable::run);
    int number = counts.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
    Fault<Q, R> fault = (Fault<Q, R>) faults.getOrDefault(operation, Map.of()).get(number);
    return fault == null ? realCall.apply(request) : fault.apply(request, realCall);
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return call("GetRecords", request, real::getRecords);
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    return call("GetShardIterator", request, real::getShardIterator);
  }

  @Override
  public PutRecordsResponse putRecords(PutRecordsRequest request) {
    return call("PutRecords", request, real::putRecords);
  }

  @Override
  public ListShardsResponse listShards(ListShardsRequest request) {
    return call("ListShards", request, real::listShards);
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    return call("DescribeStream", request, real::describeStream);
  }

  @Override
  public DescribeStreamSummaryResponse describeStreamSummary(
      DescribeStreamSummaryRequest request) {
    return call("DescribeStreamSummary", request, real::describeStreamSummary);
  }

  @Override
  public CreateStreamResponse createStream(CreateStreamRequest request) {
    return call("CreateStream", request, real::createStream);
  }

  @Override
  public DeleteStreamResponse deleteStream(DeleteStreamRequest request) {
    return call("DeleteStream", request, real::deleteStream);
  }

  @Override
  public SplitShardResponse splitShard(SplitShardRequest request) {
    return call("SplitShard", request, real::splitShard);
  }

  @Override
  public MergeShardsResponse mergeShards(MergeShardsRequest request) {
    return call("MergeShards", request, real::mergeShards);
  }

  @Override
  public String serviceName() {
    return real.serviceName();
  }

  @Override
  public void close() {
    real.close();
  }
}
