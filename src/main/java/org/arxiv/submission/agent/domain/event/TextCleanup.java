package org.arxiv.submission.agent.domain.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text normalisation that the original's metadata events apply whenever they are built,
 * including when they are decoded from the stream. Python's {@code \s} and {@code \w} match
 * Unicode characters, so every pattern here uses {@link Pattern#UNICODE_CHARACTER_CLASS}.
 */
final class TextCleanup {

  private static final int U = Pattern.UNICODE_CHARACTER_CLASS;
  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", U);
  private static final Pattern TRAILING_PERIOD = Pattern.compile("\\s*\\.[\\s.]*$", U);
  private static final Pattern EDGE_WHITESPACE = Pattern.compile("^\\s+|\\s+$", U);

  private static final Pattern SPACES_BEFORE_NEWLINE = Pattern.compile("[ ]+\\n");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s+", U);
  private static final Pattern SOFT_LINE_BREAK = Pattern.compile("(\\S)\\n(\\S)", U);
  private static final Pattern SPACE_RUN = Pattern.compile("(?<!\\n)[ ]{2,}");
  private static final Pattern TEX_LINE_BREAK = Pattern.compile("\\s*\\\\\\\\(\\n|$)", U);
  private static final Pattern LONE_PERIOD_LINE = Pattern.compile("\\n\\.\\n");
  private static final Pattern TRAILING_PERIOD_LINE = Pattern.compile("\\n\\.$");

  private static final Pattern MSC_PREFIX =
      Pattern.compile(
          "^MSC([\\s:\\-]{0,4}(classification|class|number))?([\\s:\\-]{0,4}\\(?2000\\)?)?"
              + "[\\s:\\-]*",
          U | Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMA_SPACING = Pattern.compile("\\s*,\\s*", U);
  private static final Pattern ACM_PREFIX =
      Pattern.compile("^ACM-class:\\s*", U | Pattern.CASE_INSENSITIVE);
  private static final Pattern ACM_CLASS_DIGIT = Pattern.compile("^([A-K])(\\d)");
  private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+$");

  private static final Pattern COMMA_RUN = Pattern.compile(",(\\s*,)+", U);
  private static final Pattern WORD_PAREN = Pattern.compile("(\\w)\\(", U);
  private static final Pattern PAREN_WORD = Pattern.compile("\\)(\\w)", U);
  private static final Pattern AND_WORD = Pattern.compile("\\b[Aa][Nn][Dd]\\b", U);

  private TextCleanup() {}

  /** Replaces each run of whitespace by one space and trims the ends. */
  static String collapseWhitespace(String text) {
    return strip(WHITESPACE_RUN.matcher(text).replaceAll(" "));
  }

  /** Removes a final period together with the whitespace and periods around it. */
  static String stripTrailingPeriod(String text) {
    return TRAILING_PERIOD.matcher(text).replaceAll("");
  }

  static String strip(String text) {
    return EDGE_WHITESPACE.matcher(text).replaceAll("");
  }

  /** Normalises an abstract: paragraphs become a newline and two spaces, line breaks spaces. */
  static String cleanAbstract(String text) {
    String value = strip(text);
    value = SPACES_BEFORE_NEWLINE.matcher(value).replaceAll("\n");
    value = PARAGRAPH_BREAK.matcher(value).replaceAll("\n  ");
    value = SOFT_LINE_BREAK.matcher(value).replaceAll("$1 $2");
    value = value.replace('\t', ' ');
    value = SPACE_RUN.matcher(value).replaceAll(" ");
    value = TEX_LINE_BREAK.matcher(value).replaceAll("$1");
    value = LONE_PERIOD_LINE.matcher(value).replaceAll("\n");
    value = TRAILING_PERIOD_LINE.matcher(value).replaceAll("");
    return value;
  }

  static String cleanMscClass(String text) {
    String value = stripTrailingPeriod(collapseWhitespace(text));
    value = value.replace(';', ',');
    value = COMMA_SPACING.matcher(value).replaceAll(", ");
    return MSC_PREFIX.matcher(value).replaceFirst("");
  }

  static String cleanAcmClass(String text) {
    String value = stripTrailingPeriod(collapseWhitespace(text));
    value = ACM_PREFIX.matcher(value).replaceFirst("");
    value = value.replace(',', ';');
    List<String> parts = new ArrayList<>();
    for (String part : value.split(";", -1)) {
      String cleaned = strip(part).toUpperCase(Locale.ROOT);
      cleaned = TRAILING_DOTS.matcher(cleaned).replaceAll("");
      cleaned = ACM_CLASS_DIGIT.matcher(cleaned).replaceFirst("$1.$2");
      if (cleaned.endsWith("M")) {
        cleaned = cleaned.substring(0, cleaned.length() - 1) + "m";
      }
      parts.add(cleaned);
    }
    return String.join("; ", parts);
  }

  static String cleanJournalReference(String text) {
    return text.replace("PHYSICAL REVIEW LETTERS", "Physical Review Letters")
        .replace("PHYSICAL REVIEW", "Physical Review")
        .replace("OPTICS LETTERS", "Optics Letters");
  }

  /** Normalises an authors display string: spacing, commas, parentheses and "and". */
  static String cleanAuthorsDisplay(String text) {
    String value = WHITESPACE_RUN.matcher(text).replaceAll(" ");
    value = COMMA_RUN.matcher(value).replaceAll(",");
    value = WORD_PAREN.matcher(value).replaceAll("$1 (");
    value = PAREN_WORD.matcher(value).replaceAll(") $1");
    value = AND_WORD.matcher(value).replaceAll("and");
    return strip(value);
  }
}
