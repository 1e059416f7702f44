package org.arxiv.submission.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command configured to read a shard that the stream does not have. */
class UnknownShardTest {

  @TempDir
  Path folder;

  @Test
  void runStopsAndNamesTheShards() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        TestStream stream = TestStream.create(2)) {
      Map<String, String> settings = InProcessAgent.settings(stream, database, "agent-a");
      settings.put("KINESIS_SHARD_ID", "7");
      Path config = Cli.writeConfig(folder.resolve("agent.properties"), settings);

      Cli.Result result = Cli.run("--config", config.toString(), "run", "--until-idle",
          "--duration", "30");

      assertThat(result.exitCode()).isNotZero();
      assertThat(result.err()).contains("KINESIS_SHARD_ID",
          "has no shard shardId-000000000007", TestStream.SHARD_0, TestStream.SHARD_1);
    }
  }
}
