package org.arxiv.submission.agent.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.event.EventData;

/**
 * What a step sees: its trigger, the result of the previous step, the services, and a buffer
 * for the events it emits. The runner applies the buffered events together, and only when the
 * step succeeds, so a failed attempt emits nothing.
 */
public final class StepContext {

  private final ProcessDefinition process;
  private final String processId;
  private final Trigger trigger;
  private final JsonNode previousResult;
  private final ProcessServices services;
  private final Clock clock;
  private final List<Event> emitted = new ArrayList<>();

  public StepContext(ProcessDefinition process, String processId, Trigger trigger,
      JsonNode previousResult, ProcessServices services, Clock clock) {
    this.process = process;
    this.processId = processId;
    this.trigger = trigger;
    this.previousResult = previousResult;
    this.services = services;
    this.clock = clock;
  }

  public Trigger trigger() {
    return trigger;
  }

  /** Returns the previous step's result, or null for the first step. */
  public JsonNode previousResult() {
    return previousResult;
  }

  public ProcessServices services() {
    return services;
  }

  public Clock clock() {
    return clock;
  }

  public String processId() {
    return processId;
  }

  public Long submissionId() {
    return trigger.event().submissionId() != null ? trigger.event().submissionId()
        : trigger.after() == null ? null : trigger.after().submissionId();
  }

  /** Buffers an event created by this process's System agent for the trigger's submission. */
  public void emit(EventData data) {
    emitted.add(Event.create(process.agent(), submissionId(), data));
  }

  /** Returns the events emitted so far, in order. */
  public List<Event> emitted() {
    return Collections.unmodifiableList(emitted);
  }
}
