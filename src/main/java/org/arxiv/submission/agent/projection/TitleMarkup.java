package org.arxiv.submission.agent.projection;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds HTML in a title that titles may not contain. Titles may use the tags {@code br sup sub
 * hr em strong h} without attributes. Any other tag, an attribute, a comment, a declaration or
 * a processing instruction is disallowed.
 *
 * <p>A {@code '<'} that does not start a complete tag, as in {@code "x < y"} or a trailing
 * {@code "a<b"}, is text.
 */
final class TitleMarkup {

  static final Set<String> ALLOWED_TAGS = Set.of("br", "sup", "sub", "hr", "em", "strong", "h");

  // A start or end tag: the name runs to whitespace, '/' or '>', as in an HTML tokenizer.
  private static final Pattern TAG = Pattern.compile("</?([A-Za-z][^\\s/>]*)([^>]*)>");

  // What may follow the tag name of an allowed tag: blanks and a self-closing slash.
  private static final Pattern NO_ATTRIBUTES = Pattern.compile("\\s*/?\\s*");

  // Comments, declarations such as <!DOCTYPE ...>, CDATA sections and processing instructions.
  private static final Pattern OTHER_MARKUP = Pattern.compile("<[!?]");

  private TitleMarkup() {}

  /** Returns a disallowed piece of markup in the title, or empty when there is none. */
  static Optional<String> findDisallowed(String title) {
    Matcher tag = TAG.matcher(title);
    while (tag.find()) {
      if (!isAllowed(tag)) {
        return Optional.of(tag.group());
      }
    }

    Matcher other = OTHER_MARKUP.matcher(title);
    if (other.find()) {
      return Optional.of(otherMarkup(title, other.start()));
    }
    return Optional.empty();
  }

  private static boolean isAllowed(Matcher tag) {
    String name = tag.group(1).toLowerCase(Locale.ROOT);
    return ALLOWED_TAGS.contains(name) && NO_ATTRIBUTES.matcher(tag.group(2)).matches();
  }

  private static String otherMarkup(String title, int start) {
    int end = title.indexOf('>', start);
    return end < 0 ? title.substring(start) : title.substring(start, end + 1);
  }
}
