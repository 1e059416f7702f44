package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** States of a proposal. */
public enum ProposalStatus implements WireValues.WireEnum {
  PENDING("pending"),
  REJECTED("rejected"),
  ACCEPTED("accepted");

  private final String wireValue;

  ProposalStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @JsonValue
  @Override
  public String wireValue() {
    return wireValue;
  }

  @JsonCreator
  public static ProposalStatus fromWire(String value) {
    return WireValues.fromWire(ProposalStatus.class, value);
  }
}
