package org.arxiv.submission.agent.projection;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.EventTypes;

/** The validation and the projection of every event type, looked up by the event's class. */
final class EventHandlers {

  /** Rejects an event that does not apply to the state. It must not change the state. */
  @FunctionalInterface
  interface Validation<E extends EventData> {
    void validate(E data, Event event, Submission state) throws InvalidEvent;
  }

  /** Changes a copy of the state as a valid event demands. */
  @FunctionalInterface
  interface Projection<E extends EventData> {
    void project(E data, Event event, Submission after, Clock clock);
  }

  private record Handler<E extends EventData>(
      Class<E> type, Validation<E> validation, Projection<E> projection) {

    void validate(Event event, Submission state) throws InvalidEvent {
      validation.validate(type.cast(event.data()), event, state);
    }

    void project(Event event, Submission after, Clock clock) {
      projection.project(type.cast(event.data()), event, after, clock);
    }
  }

  private final Map<Class<? extends EventData>, Handler<?>> handlers = new HashMap<>();

  private EventHandlers() {}

  /**
   * Returns the table with a handler for every event type.
   *
   * @throws IllegalStateException when an event type has no handler or two
   */
  static EventHandlers create() {
    EventHandlers table = new EventHandlers();
    LifecycleProjection.register(table);
    SourceProjection.register(table);
    ClassificationProjection.register(table);
    MetadataProjection.register(table);
    AnnotationProjection.register(table);
    FlagProjection.register(table);
    ProposalProjection.register(table);
    RequestProjection.register(table);
    for (Class<? extends EventData> type : EventTypes.all()) {
      if (!table.handlers.containsKey(type)) {
        throw new IllegalStateException("no projection for event type " + type.getSimpleName());
      }
    }
    return table;
  }

  <E extends EventData> void on(
      Class<E> type, Validation<E> validation, Projection<E> projection) {
    if (handlers.putIfAbsent(type, new Handler<>(type, validation, projection)) != null) {
      throw new IllegalStateException("two projections for event type " + type.getSimpleName());
    }
  }

  /** Returns a validation that accepts every event, for types that the original never rejects. */
  static <E extends EventData> Validation<E> acceptAll() {
    return (data, event, state) -> {};
  }

  /** Returns a validation that rejects every event on a finalized submission. */
  static <E extends EventData> Validation<E> rejectIfFinalized() {
    return (data, event, state) -> Validators.requireNotFinalized(data, state);
  }

  void validate(Event event, Submission state) throws InvalidEvent {
    handler(event).validate(event, state);
  }

  void project(Event event, Submission after, Clock clock) {
    handler(event).project(event, after, clock);
  }

  private Handler<?> handler(Event event) {
    return handlers.get(event.data().getClass());
  }
}
