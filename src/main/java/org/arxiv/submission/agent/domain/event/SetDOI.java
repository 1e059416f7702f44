package org.arxiv.submission.agent.domain.event;

/** Sets one or more DOIs. */
public record SetDOI(String doi) implements EventData {

  public SetDOI {
    if (doi == null) {
      doi = "";
    }
    doi = TextCleanup.collapseWhitespace(doi);
  }
}
