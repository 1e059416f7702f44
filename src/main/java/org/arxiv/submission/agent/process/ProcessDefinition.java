package org.arxiv.submission.agent.process;

import java.util.List;
import org.arxiv.submission.agent.domain.Agent;

/**
 * A named, ordered list of steps. Everything a process emits is created by the System agent
 * named after the process.
 */
public record ProcessDefinition(String name, List<Step> steps) {

  public ProcessDefinition {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("process " + name + " has no steps");
    }
  }

  public Agent agent() {
    return Agent.system(name);
  }

  /** Returns the step with the given index, 0 for the first. */
  public Step step(int index) {
    return steps.get(index);
  }
}
