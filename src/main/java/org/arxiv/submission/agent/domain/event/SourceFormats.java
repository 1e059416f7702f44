package org.arxiv.submission.agent.domain.event;

import java.util.Set;

/** Source package formats; {@code null} stands for the original's UNKNOWN member. */
public final class SourceFormats {

  private static final Set<String> KNOWN = Set.of("invalid", "tex", "pdftex", "ps", "html", "pdf");

  private SourceFormats() {}

  /** Rejects a format that is neither null nor one of the known wire values. */
  static void validate(String format) {
    if (format != null && !KNOWN.contains(format)) {
      throw new IllegalArgumentException(
          "invalid source_format \"" + format + "\"; expected one of " + KNOWN + " or null");
    }
  }
}
