package org.arxiv.submission.agent.rules;

import java.util.List;
import java.util.Objects;
import org.arxiv.submission.agent.domain.event.EventData;

/**
 * A rule that starts the process named {@code processName} when an event of exactly {@code
 * eventType} (not a subtype) meets {@code condition}. The policy settings named in {@code
 * paramKeys} become the process parameters, in that order.
 */
public record Rule(
    Class<? extends EventData> eventType,
    Condition condition,
    List<String> paramKeys,
    String processName) {

  public Rule {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(processName, "processName");
    paramKeys = List.copyOf(paramKeys);
    for (String key : paramKeys) {
      if (!PolicyConfig.KEYS.contains(key)) {
        throw new IllegalArgumentException("rule for " + processName
            + " names unknown policy key \"" + key + "\"; expected one of " + PolicyConfig.KEYS);
      }
    }
  }

  /** Returns the event type name, for example {@code SetTitle}. */
  public String eventTypeName() {
    return eventType.getSimpleName();
  }
}
