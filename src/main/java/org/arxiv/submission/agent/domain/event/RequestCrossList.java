package org.arxiv.submission.agent.domain.event;

import java.util.List;

/** Requests cross-lists for an announced submission. */
public record RequestCrossList(List<String> categories) implements EventData {

  public RequestCrossList {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
