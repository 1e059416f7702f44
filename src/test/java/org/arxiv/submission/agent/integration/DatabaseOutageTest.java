package org.arxiv.submission.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's MariaDB connections cut while records flow, through a proxy that the test
 * controls: the agent keeps running, commits nothing and skips nothing while the database is
 * gone, and once it is back, dispatches every record exactly once.
 */
class DatabaseOutageTest {

  private static final int COPIES = 10;

  /** The consumer's error line for each failed attempt at a record during the outage. */
  private static final String UNAVAILABLE = "Agent database unavailable";

  /** The coordinator's error line for each failed try at the lease table. */
  private static final String BOOKKEEPING_FAILED = "Lease bookkeeping failed";

  @TempDir
  Path folder;

  @Test
  void consumerPausesThroughOutageThenCatchesUp() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(2)) {
      URI server = URI.create(database.url().substring("jdbc:".length()));
      try (TcpProxy proxy = TcpProxy.start(server.getHost(), server.getPort())) {
        runThroughOutage(database, stream, proxy, server);
      }
    }
  }

  private void runThroughOutage(TestDatabase database, TestStream stream, TcpProxy proxy,
      URI server) throws Exception {
    Map<String, String> direct = InProcessAgent.settings(stream, database, "publisher");
    Cli.publish(Cli.writeConfig(folder.resolve("publish.properties"), direct), folder,
        Cli.sampleCopies(folder, COPIES));
    int expectedRuns = DispatchAssertions.expectedTriggers(stream.allRecords()).size();

    String proxied = "jdbc:mariadb://127.0.0.1:" + proxy.port() + server.getPath();
    Map<String, String> settings =
        InProcessAgent.settings(stream, proxied, database, "agent-a");
    // Fail fast on a missing database, so each attempt during the outage takes about 2 s.
    settings.put("AGENT_DATABASE_CONNECT_TIMEOUT_MS", "1000");
    Path config = Cli.writeConfig(folder.resolve("agent.properties"), settings);

    try (AgentProcess agent = AgentProcess.start(config, folder.resolve("agent.log"),
        "run", "--until-idle", "--duration", "170")) {
      Await.until("the agent has started a tenth of the processes", Duration.ofSeconds(60),
          () -> !agent.isAlive() || runs(database) >= expectedRuns / 10);
      assertThat(agent.isAlive()).as("agent alive before the outage; log:\n%s",
          agent.logTail()).isTrue();

      proxy.cut();
      Await.until("the consumer reports the outage", Duration.ofSeconds(30),
          () -> !agent.isAlive() || agent.logLines(UNAVAILABLE) >= 1);
      Map<String, TestDatabase.Checkpoint> checkpoints = database.checkpoints(stream.name());
      long runsAtOutage = runs(database);
      assertThat(runsAtOutage).as("runs when the database went away").isLessThan(expectedRuns);
      // The coordinator tries the lease table every second, and each try waits about 1 s for a
      // connection, so six failed tries keep the database away for more than 10 s. That is
      // longer than the run command's interval between sweeps of the job queue, and longer
      // than the 3 s leases.
      Await.until("the coordinator has failed six times", Duration.ofSeconds(60),
          () -> !agent.isAlive() || agent.logLines(BOOKKEEPING_FAILED) >= 6);
      assertThat(agent.isAlive()).as("agent alive during the outage; log:\n%s",
          agent.logTail()).isTrue();
      assertThat(database.checkpoints(stream.name())).as("checkpoints during the outage")
          .isEqualTo(checkpoints);
      assertThat(runs(database)).as("runs during the outage").isEqualTo(runsAtOutage);
      assertThat(proxy.refusedConnections()).as("connections refused during the outage")
          .isPositive();
      assertThat(agent.logLines("expired while the agent database was unavailable"))
          .as("shards whose readers stopped when their leases ran out; log:\n%s",
              agent.logTail()).isPositive();

      proxy.restore();
      int exitCode = agent.awaitExit(Duration.ofSeconds(200));
      assertThat(exitCode).as("exit code; log:\n%s", agent.logTail()).isZero();
    }

    DispatchAssertions.assertExactlyOnce(database, stream);
    assertThat(database.quarantined()).as("records quarantined because of the outage")
        .isEmpty();
  }

  private static long runs(TestDatabase database) {
    return database.countOrMissing("SELECT COUNT(*) FROM process_run");
  }
}
