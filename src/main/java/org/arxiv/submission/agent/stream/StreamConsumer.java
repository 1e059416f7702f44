package org.arxiv.submission.agent.stream;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.arxiv.submission.agent.runner.Dispatcher;
import org.arxiv.submission.agent.runner.JobQueue;
import org.arxiv.submission.agent.store.CheckpointStore;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.LeaseStore;
import org.arxiv.submission.agent.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes every shard of a stream (or one configured shard) that this instance can lease.
 *
 * <p>A coordinator thread renews the leases it holds, takes free or expired leases of shards
 * that are ready, and runs one {@link ShardConsumer} thread per leased shard. A shard is ready
 * when it is not finished and every parent it names is finished, so a child shard of a split
 * or merge is read only after its parents.
 */
public final class StreamConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

  private final EventStream stream;
  private final String onlyShard;
  private final StartPosition defaultStart;
  private final Database database;
  private final Dispatcher dispatcher;
  private final CheckpointStore checkpoints;
  private final LeaseStore leases;
  private final JobQueue queue;
  private final ConsumerSettings settings;
  private final ConsumerMetrics metrics;
  private final Map<String, String> waitingFor = new ConcurrentHashMap<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final ConsumerContext context;
  /** When each held lease was last renewed, in {@link System#nanoTime()}. */
  private final Map<String, Long> renewedAt = new ConcurrentHashMap<>();
  private volatile boolean allShardsFinished;
  private Thread coordinator;

  private record Running(ShardConsumer consumer, Thread thread) {}

  public StreamConsumer(EventStream stream, String onlyShard, StartPosition defaultStart,
      Database database, Dispatcher dispatcher, CheckpointStore checkpoints, LeaseStore leases,
      JobQueue queue, ConsumerSettings settings, ConsumerMetrics metrics) {
    this.stream = stream;
    this.onlyShard = onlyShard;
    this.defaultStart = defaultStart;
    this.database = database;
    this.dispatcher = dispatcher;
    this.checkpoints = checkpoints;
    this.leases = leases;
    this.queue = queue;
    this.settings = settings;
    this.metrics = metrics;
    this.context = new ConsumerContext(stream, database, dispatcher, checkpoints, leases, queue,
        settings, metrics, stopping);
  }

  /** Starts the coordinator thread. */
  public void start() {
    log.info("Consuming stream {} as {} ({})", stream.name(), settings.owner(),
        onlyShard == null ? "all shards" : "shard " + onlyShard);
    coordinator = new Thread(this::coordinate, "consumer-coordinator");
    coordinator.start();
  }

  private void coordinate() {
    Duration tick = settings.leaseDuration().dividedBy(3);
    boolean started = false;
    String lastError = null;
    while (!stopping.get()) {
      try {
        balance();
        lastError = null;
        if (!started) {
          log.info("Consumer started. Status: {}", metrics.describe());
          started = true;
        }
      } catch (StoreException e) {
        metrics.databaseUnavailable();
        dropExpiredLeases();
        log.error("Lease bookkeeping failed: {}; trying again in {} ms. Status: {}",
            e.getMessage(), tick.toMillis(), metrics.describe());
      } catch (StreamUnavailableException e) {
        log.error("{}; trying again in {} ms. Status: {}", e.getMessage(), tick.toMillis(),
            metrics.describe());
      } catch (RuntimeException e) {
        // The stack trace once per run of the same error, so an outage does not flood the log.
        boolean repeated = e.toString().equals(lastError);
        lastError = e.toString();
        log.error("Listing or leasing shards of {} failed: {}; trying again in {} ms. Status: {}",
            stream.name(), e.toString(), tick.toMillis(), metrics.describe(),
            repeated ? null : e);
      }
      sleepQuietly(tick);
    }
  }

  private void balance() {
    reapEnded();
    renewHeld();
    List<ShardInfo> shards = stream.listShards().stream()
        .filter(s -> onlyShard == null || s.shardId().equals(onlyShard))
        .toList();
    Map<String, CheckpointStore.Checkpoint> saved = database.inTransaction(
        c -> checkpoints.list(c, stream.name())).stream()
        .collect(Collectors.toMap(CheckpointStore.Checkpoint::shardId, cp -> cp));
    Set<String> finished = new HashSet<>();
    saved.values().stream().filter(CheckpointStore.Checkpoint::shardFinished)
        .forEach(cp -> finished.add(cp.shardId()));
    allShardsFinished = shards.stream().allMatch(s -> finished.contains(s.shardId()));
    List<ShardInfo> ready = shards.stream()
        .filter(s -> !finished.contains(s.shardId()) && parentsFinished(s, shards, finished))
        .toList();
    int target = fairShare(ready.size());
    if (running.size() > target) {
      shed(running.size() - target);
      return;
    }
    for (ShardInfo shard : ready) {
      if (stopping.get() || running.size() >= target) {
        return;
      }
      if (running.containsKey(shard.shardId())) {
        continue;
      }
      boolean acquired = database.inTransaction(c -> leases.acquire(c, stream.name(),
          shard.shardId(), settings.owner(), settings.leaseDuration()));
      if (acquired) {
        waitingFor.remove(shard.shardId());
        startShard(shard.shardId(), saved.get(shard.shardId()));
      } else {
        logLeaseHolder(shard.shardId());
      }
    }
  }

  // Says once per holder which instance keeps a shard this one waits for, such as a killed
  // instance whose lease has not expired yet.
  private void logLeaseHolder(String shardId) {
    database.inTransaction(c -> leases.list(c, stream.name())).stream()
        .filter(lease -> lease.shardId().equals(shardId) && lease.owner() != null)
        .findFirst()
        .filter(lease -> !lease.owner().equals(waitingFor.put(shardId, lease.owner())))
        .ifPresent(lease -> log.info("Shard {} is leased by {} until {}; waiting until that"
            + " instance releases it or the lease expires", shardId, lease.owner(),
            lease.expires()));
  }

  /**
   * Returns how many of the ready shards this instance should hold: an even share among the
   * instances that announced themselves, rounded up so that every shard has a reader.
   */
  private int fairShare(int readyShards) {
    int instances = database.inTransaction(c -> {
      leases.heartbeat(c, stream.name(), settings.owner(), settings.leaseDuration());
      return leases.liveInstances(c, stream.name());
    });
    return (readyShards + Math.max(1, instances) - 1) / Math.max(1, instances);
  }

  // Stops readers beyond this instance's share; their leases are released once they stop, and
  // another instance takes the shards from their checkpoints.
  private void shed(int count) {
    running.keySet().stream().sorted(java.util.Comparator.reverseOrder()).limit(count)
        .forEach(shardId -> {
          log.info("Handing shard {} over to another instance to balance the load", shardId);
          running.get(shardId).consumer().leaseLost();
        });
  }

  // A parent that the stream no longer lists (trimmed) cannot hold anything back.
  private static boolean parentsFinished(ShardInfo shard, List<ShardInfo> all,
      Set<String> finished) {
    Set<String> listed = all.stream().map(ShardInfo::shardId).collect(Collectors.toSet());
    for (String parent : new String[] {shard.parentShardId(), shard.adjacentParentShardId()}) {
      if (parent != null && listed.contains(parent) && !finished.contains(parent)) {
        return false;
      }
    }
    return true;
  }

  private void startShard(String shardId, CheckpointStore.Checkpoint checkpoint) {
    StartPosition start = checkpoint != null && checkpoint.sequenceNumber() != null
        ? new StartPosition.AfterSequenceNumber(checkpoint.sequenceNumber())
        : defaultStart;
    ShardConsumer consumer = new ShardConsumer(context, shardId, start);
    Thread thread = new Thread(consumer, "shard-" + shardId);
    running.put(shardId, new Running(consumer, thread));
    renewedAt.put(shardId, System.nanoTime());
    metrics.leaseHeld(shardId, true);
    log.info("Took the lease of shard {} of stream {}", shardId, stream.name());
    thread.start();
  }

  // While the database is away no lease can be renewed, so another instance may take a shard
  // once its lease has run out. That shard's reader stops, and its lease metric drops to 0.
  private void dropExpiredLeases() {
    long now = System.nanoTime();
    for (Map.Entry<String, Running> entry : running.entrySet()) {
      Long renewed = renewedAt.get(entry.getKey());
      if (renewed != null && now - renewed > settings.leaseDuration().toNanos()) {
        renewedAt.remove(entry.getKey());
        log.warn("The lease of shard {} expired while the agent database was unavailable;"
            + " stopping its reader, which resumes from the checkpoint once a lease is taken"
            + " again", entry.getKey());
        entry.getValue().consumer().leaseLost();
        metrics.leaseHeld(entry.getKey(), false);
      }
    }
  }

  private void renewHeld() {
    for (Map.Entry<String, Running> entry : running.entrySet()) {
      boolean renewed = database.inTransaction(c -> leases.renew(c, stream.name(),
          entry.getKey(), settings.owner(), settings.leaseDuration()));
      if (renewed) {
        renewedAt.computeIfPresent(entry.getKey(), (shardId, last) -> System.nanoTime());
      } else {
        log.warn("Lost the lease of shard {}; stopping its reader", entry.getKey());
        entry.getValue().consumer().leaseLost();
        metrics.leaseHeld(entry.getKey(), false);
      }
    }
  }

  private void reapEnded() {
    for (Map.Entry<String, Running> entry : running.entrySet()) {
      if (!entry.getValue().thread().isAlive()) {
        running.remove(entry.getKey());
        renewedAt.remove(entry.getKey());
        releaseLease(entry.getKey());
      }
    }
  }

  private void releaseLease(String shardId) {
    database.inTransaction(c -> {
      leases.release(c, stream.name(), shardId, settings.owner());
      return null;
    });
    metrics.leaseHeld(shardId, false);
  }

  /**
   * Returns whether every leased shard is caught up and at least one shard has been read, so
   * nothing is waiting on the stream for this instance.
   *
   * <p>A reader that has finished its closed shard does not count as caught up, because the
   * shard's children become ready only then. The coordinator removes the reader and leases
   * the children on its next pass, and until they have read to their tip they are not caught
   * up either.
   */
  public boolean isCaughtUp() {
    if (allShardsFinished) {
      return true;
    }
    if (running.isEmpty()) {
      return false;
    }
    return running.values().stream()
        .allMatch(r -> r.consumer().isCaughtUp() && !r.consumer().isFinished());
  }

  /** Returns the ids of the shards this instance is reading. */
  public Set<String> heldShards() {
    return Set.copyOf(running.keySet());
  }

  /** Stops between records, waits for the shard readers and releases their leases. */
  @Override
  public void close() {
    stopping.set(true);
    if (coordinator != null) {
      coordinator.interrupt();
      joinQuietly(coordinator);
    }
    for (Map.Entry<String, Running> entry : running.entrySet()) {
      joinQuietly(entry.getValue().thread());
      try {
        releaseLease(entry.getKey());
      } catch (StoreException e) {
        log.warn("Could not release the lease of shard {}: {}; it expires by itself",
            entry.getKey(), e.getMessage());
      }
    }
    running.clear();
    try {
      database.inTransaction(c -> {
        leases.release(c, stream.name(), LeaseStore.INSTANCE_PREFIX + settings.owner(),
            settings.owner());
        return null;
      });
    } catch (StoreException e) {
      log.warn("Could not withdraw instance {}: {}", settings.owner(), e.getMessage());
    }
    log.info("Stopped consuming stream {}. Status: {}", stream.name(), metrics.describe());
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.set(true);
    }
  }
}
