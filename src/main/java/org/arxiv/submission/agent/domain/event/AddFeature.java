package org.arxiv.submission.agent.domain.event;

/** Adds a feature annotation; the type stays a string, as in the original. */
public record AddFeature(
    String featureType,
    Number featureValue)
    implements EventData {

  public AddFeature {
    if (featureType == null) {
      featureType = "words";
    }
    if (featureValue == null) {
      featureValue = 0;
    }
  }
}
