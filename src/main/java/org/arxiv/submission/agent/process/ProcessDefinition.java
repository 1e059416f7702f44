package org.arxiv.submission.agent.process;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.arxiv.submission.agent.domain.Agent;

/**
 * A named, ordered list of steps. Everything a process emits is created by the System agent
 * named after the process.
 *
 * @param services the network services the process calls, empty for a process that needs none;
 *     the dry run runs only processes without services
 */
public record ProcessDefinition(String name, List<Step> steps, Set<ExternalService> services) {

  public ProcessDefinition {
    steps = List.copyOf(steps);
    services = services.isEmpty() ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(services));
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("process " + name + " has no steps");
    }
  }

  /** Returns a process that calls no network service. */
  public ProcessDefinition(String name, List<Step> steps) {
    this(name, steps, Set.of());
  }

  /** Returns this process marked as calling the given services. */
  public ProcessDefinition withServices(ExternalService... services) {
    return new ProcessDefinition(name, steps, Set.of(services));
  }

  public Agent agent() {
    return Agent.system(name);
  }

  /** Returns the step with the given index, 0 for the first. */
  public Step step(int index) {
    return steps.get(index);
  }
}
