package org.arxiv.submission.agent.domain.event;

/** Sets the submitter's comments. */
public record SetComments(String comments) implements EventData {

  public SetComments {
    if (comments == null) {
      comments = "";
    }
    comments = TextCleanup.stripTrailingPeriod(TextCleanup.collapseWhitespace(comments));
  }
}
