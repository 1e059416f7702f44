package org.arxiv.submission.agent.projection;

import org.arxiv.submission.agent.domain.event.EventData;

/**
 * The rejection of an event that does not apply to the current state of its submission. The
 * message is {@code "Invalid <event_type>: <reason>"}.
 *
 * <p>The exception is checked because rejection is an expected outcome that every caller must
 * handle: a save rolls back all of its events, and an API request fails with the reason.
 */
public final class InvalidEvent extends Exception {

  private final String eventType;
  private final String reason;

  public InvalidEvent(String eventType, String reason) {
    super("Invalid " + eventType + ": " + reason);
    this.eventType = eventType;
    this.reason = reason;
  }

  public InvalidEvent(EventData data, String reason) {
    this(data.eventType(), reason);
  }

  /** Returns the type of the rejected event, for example {@code SetTitle}. */
  public String eventType() {
    return eventType;
  }

  /** Returns why the event was rejected, without the event type. */
  public String reason() {
    return reason;
  }
}
