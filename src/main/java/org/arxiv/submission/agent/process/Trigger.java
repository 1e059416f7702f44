package org.arxiv.submission.agent.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;

/**
 * What made a rule start a process: the event, the submission states before and after it, and
 * the rule's parameters as a JSON object whose keys keep the rule's order.
 */
public record Trigger(Event event, Submission before, Submission after, ObjectNode params) {

  public Trigger {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(params, "params");
  }

  /** Returns the creator of the triggering event. */
  public Agent actor() {
    return event.creator();
  }
}
