package org.arxiv.submission.agent.process.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The classic classifier, which suggests categories for the plain text of a paper. */
public interface ClassifierService {

  /** Returns the classifier's suggestions, flags and counts for the text. */
  Classification classify(String plainText) throws Exception;

  /**
   * The classifier's response.
   *
   * @param suggestions categories with their log-odds scores, in the classifier's order
   * @param flags content flags by key ({@code language}, {@code charset}, {@code linenos} and
   *     others), in the classifier's order, with values that become the flag data
   * @param counts text statistics, or null when the response had none
   */
  record Classification(List<Suggestion> suggestions, Map<String, JsonNode> flags,
      Counts counts) {

    public Classification {
      suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
      flags = flags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }
  }

  /** One suggested category with its log-odds score. */
  record Suggestion(String category, double logOdds) {}

  /** Character, page, stopword and word counts of the text. */
  record Counts(long chars, long pages, long stops, long words) {}
}
