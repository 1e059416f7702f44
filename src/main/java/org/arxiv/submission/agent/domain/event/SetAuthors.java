package org.arxiv.submission.agent.domain.event;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Sets the authors. When no display string is given, the authors' display names are joined
 * with commas; the display string is then normalised either way.
 */
public record SetAuthors(List<Author> authors, String authorsDisplay) implements EventData {

  public SetAuthors {
    authors = authors == null ? List.of() : List.copyOf(authors);
    if (authorsDisplay == null || authorsDisplay.isEmpty()) {
      authorsDisplay =
          authors.stream().map(Author::display).filter(Objects::nonNull)
              .collect(Collectors.joining(", "));
    }
    authorsDisplay = TextCleanup.cleanAuthorsDisplay(authorsDisplay);
  }
}
