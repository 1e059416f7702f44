package org.arxiv.submission.agent.domain;

/** Looks up enum members by the string value they have on the wire. */
public final class WireValues {

  /** An enum whose members have a fixed string value on the wire. */
  public interface WireEnum {
    String wireValue();
  }

  private WireValues() {}

  /**
   * Returns the member whose wire value is {@code value}.
   *
   * @throws IllegalArgumentException naming the value and the enum when no member has it
   */
  public static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String value) {
    for (E member : type.getEnumConstants()) {
      if (member.wireValue().equals(value)) {
        return member;
      }
    }
    throw new IllegalArgumentException(
        "invalid " + type.getSimpleName() + " value \"" + value + "\"");
  }
}
