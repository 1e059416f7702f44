package org.arxiv.submission.agent.process;

import java.util.List;
import java.util.Set;
import org.arxiv.submission.agent.domain.Agent;

/**
 * A named, ordered list of steps. Everything a process emits is created by the System agent
 * named after the process.
 *
 * @param services the settings of the network services the process calls, empty for a process
 *     that needs none; the dry run runs only processes without services
 */
public record ProcessDefinition(String name, List<Step> steps, Set<String> services) {

  public ProcessDefinition {
    steps = List.copyOf(steps);
    services = Set.copyOf(services);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("process " + name + " has no steps");
    }
  }

  /** Returns a process that calls no network service. */
  public ProcessDefinition(String name, List<Step> steps) {
    this(name, steps, Set.of());
  }

  /** Returns this process marked as calling the services set by the given settings. */
  public ProcessDefinition withServices(String... settings) {
    return new ProcessDefinition(name, steps, Set.of(settings));
  }

  public Agent agent() {
    return Agent.system(name);
  }

  /** Returns the step with the given index, 0 for the first. */
  public Step step(int index) {
    return steps.get(index);
  }
}
