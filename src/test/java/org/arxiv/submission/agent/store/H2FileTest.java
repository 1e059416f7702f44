package org.arxiv.submission.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file database opened from a second process. While another agent has it open, opening
 * fails with a message that gives the reason. After that agent is killed, every commit it made
 * is still in the file.
 */
class H2FileTest {

  @TempDir
  Path folder;

  @Test
  void inUseThenKilledKeepsCommits() throws Exception {
    String url = "jdbc:h2:file:" + folder.resolve("agent").toAbsolutePath();
    DatabaseSettings settings = new DatabaseSettings(url, null, null, 2, Duration.ofSeconds(2));
    Process holder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), H2Holder.class.getName(), url))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("holder output").isEqualTo("ready");

      assertThatThrownBy(() -> Database.open(settings))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("AGENT_DATABASE_URL=" + url)
          .hasMessageContaining("in use by another agent process");

      Writer in = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8);
      in.write("halt\n");
      in.flush();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).as("holder halted").isTrue();
      assertThat(holder.exitValue()).isEqualTo(9);
    } finally {
      holder.destroyForcibly();
    }

    try (Database database = Database.open(settings)) {
      Optional<CheckpointStore.Checkpoint> checkpoint = database.inTransaction(c ->
          new CheckpointStore(Clock.systemUTC()).find(c, H2Holder.STREAM, H2Holder.SHARD));
      assertThat(checkpoint).as("checkpoint committed just before the halt").isPresent();
      assertThat(checkpoint.get().sequenceNumber()).isEqualTo("2");
    }
  }

  @Test
  void urlGetsTheOptionsTheAgentNeeds() {
    assertThat(Dialect.completeUrl("jdbc:h2:file:./data/agent"))
        .isEqualTo("jdbc:h2:file:./data/agent;WRITE_DELAY=0");
    assertThat(Dialect.completeUrl("jdbc:h2:file:/a;write_delay=100"))
        .isEqualTo("jdbc:h2:file:/a;write_delay=100");
    assertThat(Dialect.completeUrl("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
    assertThat(Dialect.completeUrl("jdbc:mysql://db:3306/agent"))
        .isEqualTo("jdbc:mysql://db:3306/agent?permitMysqlScheme");
    assertThat(Dialect.completeUrl("jdbc:mysql://db:3306/agent?useSsl=true"))
        .isEqualTo("jdbc:mysql://db:3306/agent?useSsl=true&permitMysqlScheme");
    assertThat(Dialect.completeUrl("jdbc:mariadb://db:3306/agent"))
        .isEqualTo("jdbc:mariadb://db:3306/agent");
  }

  @Test
  void refusedConnectionNamesTheSetting() {
    DatabaseSettings settings = new DatabaseSettings("jdbc:mariadb://127.0.0.1:1/agent", "agent",
        "secret-password", 2, Duration.ofSeconds(2));
    assertThatThrownBy(() -> Database.open(settings))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("AGENT_DATABASE_URL=jdbc:mariadb://127.0.0.1:1/agent")
        .hasMessageContaining("AGENT_DATABASE_USER=agent")
        .hasMessageNotContaining("secret-password");
  }
}
