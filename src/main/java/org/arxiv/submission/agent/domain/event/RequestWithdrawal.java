package org.arxiv.submission.agent.domain.event;

/** Requests the withdrawal of an announced submission. */
public record RequestWithdrawal(String reason) implements EventData {

  public RequestWithdrawal {
    if (reason == null) {
      reason = "";
    }
  }
}
