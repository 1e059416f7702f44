package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of user flag. */
public enum UserFlagType implements WireValues.WireEnum {
  RATE("rate");

  private final String wireValue;

  UserFlagType(String wireValue) {
    this.wireValue = wireValue;
  }

  @JsonValue
  @Override
  public String wireValue() {
    return wireValue;
  }

  @JsonCreator
  public static UserFlagType fromWire(String value) {
    return WireValues.fromWire(UserFlagType.class, value);
  }
}
