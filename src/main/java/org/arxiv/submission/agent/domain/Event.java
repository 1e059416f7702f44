package org.arxiv.submission.agent.domain;

import java.util.Objects;
import org.arxiv.submission.agent.domain.event.EventData;

/**
 * One event in the life of a submission: the fields every event has, the submission states
 * before and after it, and the fields of its type.
 *
 * <p>{@code submissionId} is null for {@code CreateSubmission} on the stream, and {@code
 * created}, {@code before} and {@code after} are null until the event is applied.
 */
public record Event(
    Agent creator,
    Timestamp created,
    Agent proxy,
    Agent client,
    Long submissionId,
    boolean committed,
    Submission before,
    Submission after,
    String eventVersion,
    EventData data) {

  /** The event version that the original's producers stamp on every event. */
  public static final String CORE_VERSION = "0.0.0";

  public Event {
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(data, "data");
    eventVersion = eventVersion == null ? CORE_VERSION : eventVersion;
  }

  /** Returns a new, not yet applied event by {@code creator} for the given submission. */
  public static Event create(Agent creator, Long submissionId, EventData data) {
    return new Event(creator, null, null, null, submissionId, false, null, null, CORE_VERSION,
        data);
  }

  public String eventType() {
    return data.eventType();
  }

  /**
   * Returns the event id: the hex SHA-1 of {@code created:event_type:agent_identifier}, with the
   * creator's identifier as carried (empty for most users and clients).
   *
   * @throws IllegalStateException when the event has no {@code created} time yet
   */
  public String eventId() {
    if (created == null) {
      throw new IllegalStateException(eventType() + " event has no created time, so no id yet");
    }
    return Hashing.sha1Hex(created + ":" + eventType() + ":" + creator.agentIdentifier());
  }

  /** Returns a copy with the given time, submission id and states, as applying it sets them. */
  public Event applied(Timestamp created, Long submissionId, Submission before, Submission after) {
    return new Event(creator, created, proxy, client, submissionId, committed, before, after,
        eventVersion, data);
  }
}
