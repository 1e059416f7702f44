package org.arxiv.submission.agent.process.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.gcardone.junidecode.Junidecode;

/**
 * Title tokens and their Jaccard similarity, computed as the original agent does: lower-case,
 * transliterate to ASCII, turn punctuation into spaces, split on whitespace and drop stopwords.
 *
 * <p>Transliteration uses JUnidecode which, like the original's Python Unidecode, ports the
 * tables of Perl's Text::Unidecode. NOTE: the original did not pin its Unidecode version and the
 * tables have drifted apart, so some characters transliterate differently and a similarity near
 * the threshold may differ from the original's. For example JUnidecode 0.5.2 writes {@code つ}
 * as "tu" where newer Python Unidecode tables write "tsu", and it writes "[?]" (punctuation,
 * so a space here) for characters that newer tables drop or transliterate, such as {@code ≈}.
 * Code points outside the Basic Multilingual Plane, which JUnidecode would map one UTF-16 half
 * at a time, are NFKC-normalised first (mathematical letters become plain letters) and dropped
 * when that leaves no character in the plane.
 */
public final class TitleTokens {

  /** Words ignored when comparing titles. */
  public static final Set<String> STOPWORDS = Set.of("a", "an", "and", "as", "at", "by", "for",
      "from", "in", "of", "on", "s", "the", "to", "with", "is", "was", "if", "then", "that",
      "these", "those", "them", "thus");

  private static final Pattern PUNCTUATION =
      Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");
  // Python's str.split() also splits ASCII text on the separators \x1c to \x1f.
  private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\x0b\\f\\r\\x1c-\\x1f]+");

  private TitleTokens() {}

  /** Returns the distinct non-stopword tokens of a title, in order of first appearance. */
  public static Set<String> tokens(String title) {
    String text = transliterate(title.toLowerCase(Locale.ROOT));
    text = PUNCTUATION.matcher(text).replaceAll(" ");
    Set<String> tokens = new LinkedHashSet<>();
    for (String token : WHITESPACE.split(text)) {
      if (!token.isEmpty() && !STOPWORDS.contains(token)) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /**
   * Returns |a ∩ b| / |a ∪ b|. Two empty sets give 0, where the original would divide by zero.
   * The similar-titles process rejects a title without tokens before it compares.
   */
  public static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new LinkedHashSet<>(a);
    union.addAll(b);
    if (union.isEmpty()) {
      return 0.0;
    }
    long common = a.stream().filter(b::contains).count();
    return (double) common / union.size();
  }

  /** Returns the Jaccard similarity of the token sets of two titles. */
  public static double similarity(String first, String second) {
    return jaccard(tokens(first), tokens(second));
  }

  /**
   * Returns the text with every non-ASCII code point replaced by its Unidecode transliteration.
   * No second lower-casing follows, so a transliteration such as "Liang" keeps its capital.
   */
  static String transliterate(String text) {
    StringBuilder ascii = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> ascii.append(transliterate(codePoint)));
    return ascii.toString();
  }

  private static String transliterate(int codePoint) {
    if (codePoint < 0x80) {
      return Character.toString(codePoint);
    }
    if (Character.isBmpCodePoint(codePoint)) {
      return Junidecode.unidecode(Character.toString(codePoint));
    }
    String normalized = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC);
    if (normalized.codePoints().allMatch(Character::isBmpCodePoint)) {
      return transliterate(normalized);
    }
    return "";
  }
}
