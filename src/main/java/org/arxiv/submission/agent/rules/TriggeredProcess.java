package org.arxiv.submission.agent.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A process that a rule started for an event, with the rule's parameters as a JSON object whose
 * keys are in the rule's order. Each instance has its own parameter object.
 */
public record TriggeredProcess(String processName, ObjectNode params) {

  public TriggeredProcess {
    Objects.requireNonNull(processName, "processName");
    Objects.requireNonNull(params, "params");
  }
}
