package org.arxiv.submission.agent.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A datetime as Python's {@code datetime.isoformat()} writes it on the stream.
 *
 * <p>The text form is part of every event id, so it must survive a round trip unchanged: the
 * fraction is left out when the microseconds are zero, otherwise it has exactly six digits, and
 * the offset is written as {@code +00:00}, never {@code Z}. A naive datetime (no offset) keeps
 * having none.
 */
public record Timestamp(LocalDateTime local, ZoneOffset offset) implements Comparable<Timestamp> {

  // Python's fromisoformat (3.7 to 3.10) accepts these shapes; the stream only uses the first.
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{3}|\\d{6}))?)?"
              + "([+-]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{6})?)?)?");

  public Timestamp {
    Objects.requireNonNull(local, "local");
    local = local.truncatedTo(ChronoUnit.MICROS);
  }

  /** Returns the current time in UTC with microsecond precision, as the original's save() does. */
  public static Timestamp now(Clock clock) {
    return of(clock.instant());
  }

  /** Returns the UTC timestamp of the given instant, truncated to microseconds. */
  public static Timestamp of(Instant instant) {
    return new Timestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), ZoneOffset.UTC);
  }

  /**
   * Parses the isoformat text of a datetime.
   *
   * @throws IllegalArgumentException naming the text when it is not an ISO-8601 datetime
   */
  public static Timestamp parse(String text) {
    Matcher m = ISO.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid datetime: \"" + text + "\"");
    }
    try {
      String seconds = m.group(4) == null ? "00" : m.group(4);
      String fraction = m.group(5) == null ? "" : "." + padMicros(m.group(5));
      LocalDateTime local =
          LocalDateTime.parse(m.group(1) + "T" + m.group(2) + ":" + m.group(3) + ":" + seconds
              + fraction);
      ZoneOffset offset = m.group(6) == null ? null : ZoneOffset.of(m.group(6).substring(0, 6));
      return new Timestamp(local, offset);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("invalid datetime: \"" + text + "\"", e);
    }
  }

  private static String padMicros(String digits) {
    return digits.length() == 3 ? digits + "000" : digits;
  }

  /** Returns the instant; a naive datetime is taken to be UTC. */
  public Instant toInstant() {
    return local.toInstant(offset == null ? ZoneOffset.UTC : offset);
  }

  /** Returns the text exactly as Python's {@code isoformat()} writes it. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(32);
    text.append(local.format(DateTimeFormatter.ISO_LOCAL_DATE)).append('T');
    text.append(String.format(Locale.ROOT, "%02d:%02d:%02d", local.getHour(), local.getMinute(),
        local.getSecond()));
    int micros = local.getNano() / 1000;
    if (micros != 0) {
      text.append('.').append(String.format(Locale.ROOT, "%06d", micros));
    }
    if (offset != null) {
      text.append(offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
    }
    return text.toString();
  }

  @Override
  public int compareTo(Timestamp other) {
    return toInstant().compareTo(other.toInstant());
  }
}
