package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of hold, which are also the kinds of waiver. */
public enum HoldType implements WireValues.WireEnum {
  PATCH("patch"),
  SOURCE_OVERSIZE("source_oversize"),
  PDF_OVERSIZE("pdf_oversize");

  private final String wireValue;

  HoldType(String wireValue) {
    this.wireValue = wireValue;
  }

  @JsonValue
  @Override
  public String wireValue() {
    return wireValue;
  }

  @JsonCreator
  public static HoldType fromWire(String value) {
    return WireValues.fromWire(HoldType.class, value);
  }
}
