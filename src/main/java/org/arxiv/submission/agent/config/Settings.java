package org.arxiv.submission.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The agent's settings, each named like the environment variable that sets it (the original's
 * names where it had them). A value comes from the environment, else from the configuration
 * file (Java properties with the same keys), else from the caller's default.
 */
public final class Settings {

  /** Keys whose values are secrets: they are never logged or printed. */
  private static final Set<String> SECRETS =
      Set.of("AGENT_DATABASE_PASSWORD", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
          "SMTP_PASSWORD", "JWT_SECRET");

  private final Map<String, String> values;
  private final Path file;
  private final Set<String> fileKeys;
  private final Map<String, String> environment;
  private Settings reloaded;
  private long reloadedModified;

  private Settings(Map<String, String> values, Path file, Set<String> fileKeys,
      Map<String, String> environment) {
    this.values = Map.copyOf(values);
    this.file = file;
    this.fileKeys = Set.copyOf(fileKeys);
    this.environment = environment;
  }

  /**
   * Loads the file (if given) and overlays the environment.
   *
   * @throws IllegalArgumentException when the file cannot be read
   */
  public static Settings load(Path file, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    Set<String> fileKeys = new HashSet<>();
    if (file != null) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read configuration file " + file + ": " + e.getMessage(), e);
      }
      fileKeys.addAll(properties.stringPropertyNames());
      fileKeys.forEach(k -> values.put(k, properties.getProperty(k)));
    }
    environment.forEach((key, value) -> {
      if (value != null) {
        values.put(key, value);
      }
    });
    return new Settings(values, file, fileKeys, Map.copyOf(environment));
  }

  /** Returns settings with exactly these values, for tests and embedded use. */
  public static Settings of(Map<String, String> values) {
    return new Settings(values, null, Set.of(), Map.of());
  }

  /** Returns the configuration file given with {@code --config}, or null. */
  public Path file() {
    return file;
  }

  /** Returns the keys set in the configuration file, whether or not the environment wins. */
  public Set<String> fileKeys() {
    return fileKeys;
  }

  /** Returns the names of the environment variables. */
  public Set<String> environmentKeys() {
    return environment.keySet();
  }

  /** Returns the value, or null when it is unset or blank. */
  public String get(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String get(String key, String fallback) {
    String value = get(key);
    return value == null ? fallback : value;
  }

  /** Returns the lookup function that component settings are built from. */
  public Function<String, String> lookup() {
    return this::get;
  }

  /**
   * Returns a lookup that reads the configuration file again whenever it has changed, so that
   * credentials rotated in the file are used without a restart. An unreadable file keeps the
   * values read last.
   */
  public Function<String, String> liveLookup() {
    return key -> current().get(key);
  }

  private synchronized Settings current() {
    if (file == null) {
      return this;
    }
    long modified = file.toFile().lastModified();
    if (reloaded == null || modified != reloadedModified) {
      try {
        reloaded = load(file, environment);
        reloadedModified = modified;
      } catch (IllegalArgumentException e) {
        return reloaded == null ? this : reloaded;
      }
    }
    return reloaded;
  }

  /**
   * Returns an integer setting.
   *
   * @throws IllegalArgumentException naming the key when the value is not an integer
   */
  public int getInt(String key, int fallback) {
    String value = get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be an integer, got \"" + printable(key) + "\"", e);
    }
  }

  /** Returns a duration setting given in milliseconds. */
  public Duration getMillis(String key, long fallbackMillis) {
    return Duration.ofMillis(getInt(key, (int) fallbackMillis));
  }

  /** Returns the value as it may be shown in logs and messages: secrets are masked. */
  public String printable(String key) {
    String value = values.get(key);
    if (value == null) {
      return null;
    }
    return SECRETS.contains(key) ? "***" : value;
  }
}
