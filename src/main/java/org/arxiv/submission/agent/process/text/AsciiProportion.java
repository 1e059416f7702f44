package org.arxiv.submission.agent.process.text;

/** The share of ASCII characters in a text, counted in Unicode code points. */
public final class AsciiProportion {

  private AsciiProportion() {}

  /**
   * Returns the number of code points below 128 divided by the number of code points. Code
   * points, not UTF-16 units, are counted, so a character outside the Basic Multilingual Plane
   * counts once, as in the original's Python.
   *
   * @throws IllegalArgumentException when the text is empty, which has no proportion
   */
  public static double of(String text) {
    long total = text.codePoints().count();
    if (total == 0) {
      throw new IllegalArgumentException("cannot compute the ASCII proportion of empty text");
    }
    long ascii = text.codePoints().filter(codePoint -> codePoint < 128).count();
    return (double) ascii / total;
  }
}
