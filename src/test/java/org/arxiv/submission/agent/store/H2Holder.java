package org.arxiv.submission.agent.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * A separate JVM for {@link H2FileTest}: opens the H2 file database given as the argument,
 * commits a checkpoint, prints {@code ready} and waits. On the line {@code halt} it commits a
 * second checkpoint and halts at once, as {@code kill -9} would stop it.
 */
public final class H2Holder {

  static final String STREAM = "events";
  static final String SHARD = "shardId-000000000000";

  private H2Holder() {}

  public static void main(String[] args) throws Exception {
    Database database = Database.open(
        new DatabaseSettings(args[0], null, null, 2, Duration.ofSeconds(5)));
    CheckpointStore checkpoints = new CheckpointStore(Clock.systemUTC());
    commit(database, checkpoints, "1");
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    if ("halt".equals(in.readLine())) {
      commit(database, checkpoints, "2");
      Runtime.getRuntime().halt(9);
    }
    database.close();
  }

  private static void commit(Database database, CheckpointStore checkpoints, String sequence) {
    database.inTransaction(connection -> {
      checkpoints.save(connection, STREAM, SHARD, sequence);
      return null;
    });
  }
}
