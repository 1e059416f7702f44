package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of metadata flag; the character-set member is written with an underscore, unlike the content flag's. */
public enum MetadataFlagType implements WireValues.WireEnum {
  POSSIBLE_DUPLICATE_TITLE("possible duplicate title"),
  LANGUAGE("language"),
  CHARACTER_SET("character_set");

  private final String wireValue;

  MetadataFlagType(String wireValue) {
    this.wireValue = wireValue;
  }

  @JsonValue
  @Override
  public String wireValue() {
    return wireValue;
  }

  @JsonCreator
  public static MetadataFlagType fromWire(String value) {
    return WireValues.fromWire(MetadataFlagType.class, value);
  }
}
