package org.arxiv.submission.agent.domain.event;

import org.arxiv.submission.agent.domain.HoldType;

/** Removes the hold added by the event with id {@code holdEventId}. */
public record RemoveHold(
    String holdEventId,
    HoldType holdType,
    String removalReason)
    implements EventData {

  public RemoveHold {
    if (holdEventId == null) {
      holdEventId = "";
    }
    if (holdType == null) {
      holdType = HoldType.PATCH;
    }
    if (removalReason == null) {
      removalReason = "";
    }
  }
}
