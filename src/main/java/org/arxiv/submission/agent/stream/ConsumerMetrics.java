package org.arxiv.submission.agent.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.arxiv.submission.agent.runner.Dispatcher;

/**
 * The consumer's metrics: records handled per shard and outcome (their rate is records per
 * second), records and milliseconds behind the tip per shard where the stream reports them,
 * and the shards this instance holds leases on.
 */
public final class ConsumerMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> millisBehind = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> recordsBehind = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> leaseHeld = new ConcurrentHashMap<>();

  public ConsumerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  void recordBatch(String shardId, ShardBatch batch) {
    if (batch.millisBehindLatest() != null) {
      gauge(millisBehind, "agent.shard.millis.behind.latest", shardId)
          .set(batch.millisBehindLatest());
    }
    if (batch.recordsBehind() != null) {
      gauge(recordsBehind, "agent.shard.records.behind", shardId).set(batch.recordsBehind());
    }
  }

  void recordHandled(String shardId, Dispatcher.Outcome outcome) {
    registry.counter("agent.records", "shard", shardId, "outcome",
        outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
  }

  void databaseUnavailable() {
    registry.counter("agent.database.unavailable").increment();
  }

  void staleCheckpoint(String shardId) {
    registry.counter("agent.shard.stale.checkpoints", "shard", shardId).increment();
  }

  void leaseHeld(String shardId, boolean held) {
    gauge(leaseHeld, "agent.shard.lease.held", shardId).set(held ? 1 : 0);
  }

  /**
   * Returns a one-line account of the consumer for logs: per shard the records handled, the
   * lag where known and whether this instance holds the lease, then the quarantined total.
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    java.util.Set<String> shards = new java.util.TreeSet<>(leaseHeld.keySet());
    shards.addAll(millisBehind.keySet());
    shards.addAll(recordsBehind.keySet());
    for (String shardId : shards) {
      double handled = registry.find("agent.records").tag("shard", shardId).counters().stream()
          .mapToDouble(c -> c.count()).sum();
      AtomicLong records = recordsBehind.get(shardId);
      AtomicLong millis = millisBehind.get(shardId);
      AtomicLong held = leaseHeld.get(shardId);
      text.append(shardId).append(": ").append((long) handled).append(" records")
          .append(records == null ? "" : ", " + records.get() + " records behind")
          .append(millis == null ? "" : ", " + millis.get() + " ms behind")
          .append(held != null && held.get() == 1 ? ", leased" : ", not leased").append("; ");
    }
    return text.append(count(Dispatcher.Outcome.QUARANTINED)).append(" quarantined").toString();
  }

  /** Returns the number of records handled with the given outcome, over all shards. */
  public long count(Dispatcher.Outcome outcome) {
    return (long) registry.find("agent.records")
        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private AtomicLong gauge(Map<String, AtomicLong> values, String name, String shardId) {
    return values.computeIfAbsent(shardId, id -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder(name, value, AtomicLong::get).tag("shard", id).register(registry);
      return value;
    });
  }
}
