package org.arxiv.submission.agent.domain.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Sets the abstract, normalised to the original's paragraph layout. */
public record SetAbstract(@JsonProperty("abstract") String abstractText) implements EventData {

  public SetAbstract {
    if (abstractText == null) {
      abstractText = "";
    }
    abstractText = TextCleanup.cleanAbstract(abstractText);
  }
}
