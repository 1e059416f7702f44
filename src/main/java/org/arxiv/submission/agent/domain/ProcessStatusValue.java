package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle states of a process, as AddProcessStatus events carry them. */
public enum ProcessStatusValue implements WireValues.WireEnum {
  PENDING("pending"),
  IN_PROGRESS("in_progress"),
  FAILED_TO_START("failed_to_start"),
  FAILED("failed"),
  FAILED_TO_END("failed_to_end"),
  SUCCEEDED("succeeded"),
  TERMINATED("terminated");

  private final String wireValue;

  ProcessStatusValue(String wireValue) {
    this.wireValue = wireValue;
  }

  @JsonValue
  @Override
  public String wireValue() {
    return wireValue;
  }

  @JsonCreator
  public static ProcessStatusValue fromWire(String value) {
    return WireValues.fromWire(ProcessStatusValue.class, value);
  }
}
