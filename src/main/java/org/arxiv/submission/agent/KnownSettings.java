package org.arxiv.submission.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arxiv.submission.agent.config.AgentSettings;
import org.arxiv.submission.agent.config.Settings;
import org.arxiv.submission.agent.process.ExternalService;
import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.stream.kinesis.KinesisSettings;

/**
 * The names of the settings the agent reads, used to warn about keys that have no effect, such
 * as a misspelt name in the {@code --config} file.
 */
public final class KnownSettings {

  /** Every key that some component reads. */
  public static final Set<String> READ = Stream.of(AgentSettings.KEYS, KinesisSettings.KEYS,
          PolicyConfig.KEYS).flatMap(Collection::stream).collect(Collectors.toUnmodifiableSet());

  /**
   * Keys of the original agent's network services and secrets that this agent names but does
   * not read, because it includes no client for those services.
   */
  public static final Set<String> NOT_READ = Stream.concat(
          Stream.of(ExternalService.values()).map(ExternalService::setting),
          Stream.of("SMTP_PASSWORD", "JWT_SECRET"))
      .collect(Collectors.toUnmodifiableSet());

  /** Prefixes of the environment variables that are checked; others belong to other tools. */
  private static final List<String> AGENT_PREFIXES = List.of("AGENT_", "KINESIS_");

  private KnownSettings() {}

  /**
   * Returns one warning for each key that has no effect: every such key of the configuration
   * file, and every such environment variable whose name starts with {@code AGENT_} or {@code
   * KINESIS_}. The warnings name keys and never show values.
   */
  public static List<String> warnings(Settings settings) {
    List<String> warnings = new ArrayList<>();
    for (String key : new TreeSet<>(settings.fileKeys())) {
      warning(key, "in " + settings.file()).ifPresent(warnings::add);
    }
    for (String key : new TreeSet<>(settings.environmentKeys())) {
      if (AGENT_PREFIXES.stream().anyMatch(key::startsWith)) {
        warning(key, "in the environment").ifPresent(warnings::add);
      }
    }
    return warnings;
  }

  private static Optional<String> warning(String key, String source) {
    if (READ.contains(key)) {
      return Optional.empty();
    }
    if (NOT_READ.contains(key)) {
      return Optional.of("Setting " + key + " " + source + " has no effect: this agent "
          + "includes no client for the service it configures");
    }
    return Optional.of("Unknown setting " + key + " " + source + " is ignored");
  }
}
