package org.arxiv.submission.agent.projection;

import java.time.Clock;
import java.util.Objects;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.CreateSubmission;

/**
 * Applies events to submission states: the validation that may reject an event, and the
 * projection that turns the state before an event into the state after it.
 *
 * <p>The projection reproduces the original system's {@code after} states, including the key
 * order of every object it adds. It never changes the state it is given. Instances are
 * immutable and safe to share between threads.
 */
public final class Projector {

  private final EventHandlers handlers = EventHandlers.create();

  /**
   * Validates the event against {@code before} and returns the new state after it. The new
   * state's {@code updated} is the event's created time, and it takes the event's submission id
   * when it has none.
   *
   * @param event an event with its created time set, because that time fixes the event id
   * @param before the current state, or null for {@code CreateSubmission}, which ignores it
   * @param clock the clock for the one wall-clock stamp, {@code submitted} of FinalizeSubmission
   * @throws InvalidEvent when the event does not apply to {@code before}
   * @throws IllegalArgumentException when the event has no created time
   */
  public Submission apply(Event event, Submission before, Clock clock) throws InvalidEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(clock, "clock");
    if (event.created() == null) {
      throw new IllegalArgumentException(event.eventType()
          + " event has no created time; set it before applying the event");
    }

    Submission after;
    if (event.data() instanceof CreateSubmission) {
      after = Submission.created(event);
    } else {
      validate(event, before);
      after = before.copy();
      handlers.project(event, after, clock);
    }

    after.put("updated", event.created().toString());
    if (after.submissionId() == null && event.submissionId() != null) {
      after.set("submission_id", StateObjects.integer(event.submissionId()));
    }
    return after;
  }

  /**
   * Applies the event as {@link #apply} does and returns it with its states set. The returned
   * event takes the new state's submission id when it has none, and refers to {@code before}
   * itself, not to a copy.
   *
   * @throws InvalidEvent when the event does not apply to {@code before}
   */
  public Event applied(Event event, Submission before, Clock clock) throws InvalidEvent {
    Submission after = apply(event, before, clock);
    Long submissionId = event.submissionId() != null ? event.submissionId() : after.submissionId();
    return event.applied(event.created(), submissionId, before, after);
  }

  /**
   * Rejects the event if it does not apply to the state; changes nothing. {@code
   * CreateSubmission} is never rejected.
   *
   * @param state the current state, which may be null only for {@code CreateSubmission}
   * @throws InvalidEvent naming the event type and the reason
   */
  public void validate(Event event, Submission state) throws InvalidEvent {
    if (event.data() instanceof CreateSubmission) {
      return;
    }
    if (state == null) {
      throw new InvalidEvent(event.data(),
          "there is no submission to apply it to; only CreateSubmission starts one");
    }
    handlers.validate(event, state);
  }
}
