package org.arxiv.submission.agent.domain.event;

import java.util.List;

/** Adds the classifier's category probabilities. */
public record AddClassifierResults(
    String classifier,
    List<ClassifierResult> results)
    implements EventData {

  public AddClassifierResults {
    if (classifier == null) {
      classifier = "classic";
    }
    results = results == null ? List.of() : List.copyOf(results);
  }
}
