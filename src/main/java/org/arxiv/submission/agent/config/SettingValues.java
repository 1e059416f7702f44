package org.arxiv.submission.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Typed access to configuration values by name. A missing or blank value means "not set", so
 * an empty environment variable falls back to the default. Every error names the setting.
 */
public final class SettingValues {

  private static final DateTimeFormatter START_AT_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private final Function<String, String> lookup;

  public SettingValues(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /** Returns the trimmed value, or null when it is missing or blank. */
  public String optional(String name) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }

  public String string(String name, String fallback) {
    String value = optional(name);
    return value == null ? fallback : value;
  }

  /** Parses true/false, 1/0 or yes/no, in any case. */
  public boolean bool(String name, boolean fallback) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw invalid(name, value, "expected true, false, 1, 0, yes or no");
    };
  }

  public int integer(String name, int fallback, int min, int max) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(name, value, "expected a whole number from " + min + " to " + max);
    }
    if (parsed < min || parsed > max) {
      throw invalid(name, value, "expected a whole number from " + min + " to " + max);
    }
    return parsed;
  }

  /** Reads a number of milliseconds from 1 to {@code maxMillis}. */
  public Duration millis(String name, long fallbackMillis, long maxMillis) {
    return millis(name, fallbackMillis, 1, maxMillis);
  }

  /** Reads a number of milliseconds from {@code minMillis} to {@code maxMillis}. */
  public Duration millis(String name, long fallbackMillis, long minMillis, long maxMillis) {
    String value = optional(name);
    if (value == null) {
      return Duration.ofMillis(fallbackMillis);
    }
    String expected = "expected milliseconds from " + minMillis + " to " + maxMillis;
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(name, value, expected);
    }
    if (parsed < minMillis || parsed > maxMillis) {
      throw invalid(name, value, expected);
    }
    return Duration.ofMillis(parsed);
  }

  /** Reads a time as {@code yyyy-MM-ddTHH:mm:ss} in UTC, or null when not set. */
  public Instant utcTime(String name) {
    String value = optional(name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value, START_AT_FORMAT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw invalid(name, value, "expected yyyy-MM-ddTHH:mm:ss in UTC, e.g. 2020-03-02T14:01:03");
    }
  }

  /** Reads an absolute http or https URI, or null when not set. */
  public URI httpUri(String name) {
    String value = optional(name);
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below with the same message as a URI of the wrong scheme.
    }
    throw invalid(name, value, "expected an http or https URL such as http://127.0.0.1:4567");
  }

  public static IllegalArgumentException invalid(String name, String value, String expected) {
    return new IllegalArgumentException(
        "invalid " + name + " \"" + value + "\": " + expected);
  }
}
