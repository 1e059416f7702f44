package org.arxiv.submission.agent.domain.event;

import org.arxiv.submission.agent.domain.HoldType;

/** Waives a kind of hold. */
public record AddWaiver(
    HoldType waiverType,
    String waiverReason)
    implements EventData {

  public AddWaiver {
    if (waiverType == null) {
      waiverType = HoldType.SOURCE_OVERSIZE;
    }
    if (waiverReason == null) {
      waiverReason = "";
    }
  }
}
