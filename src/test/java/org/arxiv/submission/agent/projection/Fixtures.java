package org.arxiv.submission.agent.projection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.RecordDecodeException;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.assertj.core.api.AbstractThrowableAssert;

/** States, agents and events for projection tests, taken from the sample records. */
final class Fixtures {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2020-03-03T10:00:00Z"), ZoneOffset.UTC);

  /** The created time of every test event. */
  static final Timestamp CREATED = Timestamp.parse("2020-03-03T09:59:58.123456+00:00");

  static final Agent SYSTEM = Agent.system("TestProcess");

  private static final Projector PROJECTOR = new Projector();

  private Fixtures() {}

  static StreamRecord record(int line) {
    try {
      return RecordCodec.decode(Samples.recordLines().get(line - 1));
    } catch (RecordDecodeException e) {
      throw new IllegalStateException("sample line " + line + " does not decode", e);
    }
  }

  /** Returns submission 1 complete and working, just before it is finalized. */
  static Submission working() {
    return record(25).before().copy();
  }

  /** Returns submission 1 right after it was finalized. */
  static Submission submitted() {
    return record(25).after().copy();
  }

  /** Returns submission 3, working, with two flags and one hold. */
  static Submission flagged() {
    return record(66).after().copy();
  }

  /** Returns submission 1 as announced, with its snapshot in {@code versions}. */
  static Submission announced() {
    Submission state = submitted();
    state.put("status", Submission.ANNOUNCED);
    state.put("arxiv_id", "2003.01234");
    ArrayNode versions = state.list("versions");
    versions.add(state.toJson().deepCopy());
    return state;
  }

  /** Returns the submitter of submission 1, who is endorsed for astro-ph.*. */
  static Agent submitter() {
    return record(25).event().creator();
  }

  /** Returns the submitter of submission 1 with other endorsements. */
  static Agent userEndorsedFor(String... endorsements) {
    ObjectNode json = submitter().toJson();
    ArrayNode list = json.putArray("endorsements");
    for (String endorsement : endorsements) {
      list.add(endorsement);
    }
    return Agent.fromJson(json);
  }

  static Event event(Agent creator, EventData data) {
    return new Event(creator, CREATED, null, null, 1L, false, null, null, null, data);
  }

  static Submission apply(Submission before, EventData data) throws InvalidEvent {
    return apply(before, event(submitter(), data));
  }

  static Submission apply(Submission before, Event event) throws InvalidEvent {
    return PROJECTOR.apply(event, before, CLOCK);
  }

  /** Asserts that the submitter's event is rejected and returns the assertion on the error. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      Submission before, EventData data) {
    return assertRejected(before, event(submitter(), data));
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      Submission before, Event event) {
    return assertThatThrownBy(() -> PROJECTOR.apply(event, before, CLOCK))
        .isInstanceOf(InvalidEvent.class)
        .hasMessageStartingWith("Invalid " + event.eventType() + ": ");
  }
}
