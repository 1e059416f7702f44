package org.arxiv.submission.agent.domain.event;

import org.arxiv.submission.agent.domain.HoldType;

/** Places a hold on the submission. */
public record AddHold(
    HoldType holdType,
    String holdReason)
    implements EventData {

  public AddHold {
    if (holdType == null) {
      holdType = HoldType.PATCH;
    }
    if (holdReason == null) {
      holdReason = "";
    }
  }
}
