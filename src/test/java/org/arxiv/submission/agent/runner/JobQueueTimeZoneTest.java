package org.arxiv.submission.agent.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TimeZone;
import org.arxiv.submission.agent.AgentRuntime;
import org.arxiv.submission.agent.TestDatabases;
import org.arxiv.submission.agent.config.Settings;
import org.arxiv.submission.agent.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

/**
 * The job queue on MariaDB, whose DATETIME columns have no zone, from a JVM in a zone east of
 * UTC: a command that only queues (retry, redrive, run --workers 0) stores UTC, as the workers
 * read it, so the job is due now and not hours later.
 */
class JobQueueTimeZoneTest {

  @Test
  void clientQueuesInUtcOnMariaDb() throws Exception {
    DatabaseSettings database = TestDatabases.create(TestDatabases.Kind.MARIADB);
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
    try (AgentRuntime runtime = AgentRuntime.open(Settings.of(Map.of(
            "AGENT_DATABASE_URL", database.url(), "AGENT_DATABASE_USER", database.user())),
        Clock.systemUTC(), new SimpleMeterRegistry());
        JobQueue queue = runtime.openQueue(0)) {
      queue.enqueueStep("process-in-tokyo", 0);

      LocalDateTime stored = runtime.database().inTransaction(c -> {
        try (Statement statement = c.createStatement();
            ResultSet rows = statement.executeQuery("SELECT CAST(execution_time AS CHAR)"
                + " FROM scheduled_tasks WHERE task_instance = 'process-in-tokyo'")) {
          rows.next();
          return LocalDateTime.parse(rows.getString(1).replace(' ', 'T'));
        }
      });
      LocalDateTime utcNow = LocalDateTime.now(ZoneOffset.UTC);
      assertThat(Duration.between(stored, utcNow).abs())
          .as("stored %s against UTC now %s", stored, utcNow)
          .isLessThan(Duration.ofMinutes(5));
    } finally {
      TimeZone.setDefault(original);
    }
  }
}
