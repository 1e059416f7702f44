package org.arxiv.submission.agent.domain.event;

/** The submitter states whether they are an author. */
public record ConfirmAuthorship(Boolean submitterIsAuthor) implements EventData {

  public ConfirmAuthorship {
    if (submitterIsAuthor == null) {
      submitterIsAuthor = Boolean.TRUE;
    }
  }
}
