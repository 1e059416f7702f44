package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of content flag. */
public enum ContentFlagType implements WireValues.WireEnum {
  LOW_STOP("low stopwords"),
  LOW_STOP_PERCENT("low stopword percentage"),
  LANGUAGE("language"),
  CHARACTER_SET("character set"),
  LINE_NUMBERS("line numbers");

  private final String wireValue;

  ContentFlagType(String wireValue) {
    this.wireValue = wireValue;
  }

  @JsonValue
  @Override
  public String wireValue() {
    return wireValue;
  }

  @JsonCreator
  public static ContentFlagType fromWire(String value) {
    return WireValues.fromWire(ContentFlagType.class, value);
  }
}
