package org.arxiv.submission.agent.runner;

import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.ProcessStatusValue;
import org.arxiv.submission.agent.domain.event.AddProcessStatus;
import org.arxiv.submission.agent.process.ProcessDefinition;

/** Builds the AddProcessStatus events that record a process's lifecycle. */
final class ProcessStatusEvents {

  private ProcessStatusEvents() {}

  /**
   * Returns a status event created by the process's System agent.
   *
   * @param step the step name, or null before the first step
   * @param reason why the process failed, or null
   */
  static Event of(ProcessDefinition process, String processId, long submissionId, String step,
      ProcessStatusValue status, String reason) {
    return Event.create(process.agent(), submissionId,
        new AddProcessStatus(processId, process.name(), step, status, reason));
  }
}
