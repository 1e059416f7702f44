package org.arxiv.submission.agent.domain.event;

/** Sets the title, with runs of whitespace collapsed. */
public record SetTitle(String title) implements EventData {

  public SetTitle {
    if (title == null) {
      title = "";
    }
    title = TextCleanup.collapseWhitespace(title);
  }
}
