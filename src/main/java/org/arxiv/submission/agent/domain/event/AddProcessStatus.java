package org.arxiv.submission.agent.domain.event;

import org.arxiv.submission.agent.domain.ProcessStatusValue;

/** Records a state of a process run by the agent. */
public record AddProcessStatus(
    String processId,
    String process,
    String step,
    ProcessStatusValue status,
    String reason)
    implements EventData {

  public AddProcessStatus {
    if (status == null) {
      status = ProcessStatusValue.PENDING;
    }
  }
}
