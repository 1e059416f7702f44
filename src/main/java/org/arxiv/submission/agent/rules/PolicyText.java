package org.arxiv.submission.agent.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses the text forms of policy settings. A null lookup result keeps the default, and every
 * error names the key and the configured text.
 */
final class PolicyText {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+(_\\d+)*");
  // Plain or exponent notation only: Java's parser would also take "NaN", "0x1p3" and "1d".
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(_\\d+)*\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final Function<String, String> lookup;

  PolicyText(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  double decimal(String key, double fallback) {
    String text = raw(key);
    if (text == null) {
      return fallback;
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw invalid(key, text, "a decimal number such as 0.5");
    }
    return Double.parseDouble(text.replace("_", ""));
  }

  int integer(String key, int fallback) {
    long value = longInteger(key, fallback);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid(key, raw(key), "an integer of at most " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  long longInteger(String key, long fallback) {
    String text = raw(key);
    if (text == null) {
      return fallback;
    }
    if (!INTEGER.matcher(text).matches()) {
      throw invalid(key, text, "an integer such as 400");
    }
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw invalid(key, text, "an integer of at most " + Long.MAX_VALUE);
    }
  }

  boolean bool(String key, boolean fallback) {
    String text = raw(key);
    if (text == null) {
      return fallback;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> throw invalid(key, text, "1, 0, true or false");
    };
  }

  String string(String key, String fallback) {
    String text = raw(key);
    return text == null ? fallback : text;
  }

  List<String> list(String key, List<String> fallback) {
    String text = raw(key);
    if (text == null) {
      return fallback;
    }
    List<String> items = new ArrayList<>();
    if (text.isEmpty()) {
      return items;
    }
    for (String item : text.split(",", -1)) {
      String trimmed = item.strip();
      if (trimmed.isEmpty()) {
        throw invalid(key, text, "comma-separated items such as cs.CE,cs.XX, none empty");
      }
      items.add(trimmed);
    }
    return items;
  }

  Map<String, String> map(String key, Map<String, String> fallback) {
    String text = raw(key);
    if (text == null) {
      return fallback;
    }
    Map<String, String> map = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return map;
    }
    for (String pair : text.split(",", -1)) {
      String[] parts = pair.split(":", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw invalid(key, text, "comma-separated key:value pairs such as cs.LG:stat.ML");
      }
      if (map.put(parts[0].strip(), parts[1].strip()) != null) {
        throw invalid(key, text, "each key once, but " + parts[0].strip() + " repeats");
      }
    }
    return map;
  }

  private String raw(String key) {
    String text = lookup.apply(key);
    return text == null ? null : text.strip();
  }

  private static IllegalArgumentException invalid(String key, String text, String expected) {
    return new IllegalArgumentException(
        "invalid " + key + " \"" + text + "\": expected " + expected);
  }
}
