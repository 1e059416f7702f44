package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of feature annotation that the classifier's counts produce. */
public enum FeatureType implements WireValues.WireEnum {
  CHARACTER_COUNT("chars"),
  PAGE_COUNT("pages"),
  STOPWORD_COUNT("stops"),
  STOPWORD_PERCENT("%stop"),
  WORD_COUNT("words");

  private final String wireValue;

  FeatureType(String wireValue) {
    this.wireValue = wireValue;
  }

  @JsonValue
  @Override
  public String wireValue() {
    return wireValue;
  }

  @JsonCreator
  public static FeatureType fromWire(String value) {
    return WireValues.fromWire(FeatureType.class, value);
  }
}
