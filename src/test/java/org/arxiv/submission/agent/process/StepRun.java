package org.arxiv.submission.agent.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.arxiv.submission.agent.TestAgents;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.SetComments;
import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.wire.PythonJson;
import org.arxiv.submission.agent.wire.RecordCodec;

/**
 * Runs one step of a process directly, with a fixed clock and no database, and
 * returns the events it emitted.
 */
public final class StepRun {

  public static final Instant NOW = Instant.parse("2020-03-02T14:30:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final ProcessDefinition process;
  private Event event;
  private Submission before;
  private Submission after;
  private ObjectNode params = PolicyConfig.defaults().params(PolicyConfig.KEYS);
  private JsonNode previous;
  private ProcessServices services = (excludeId, since) -> List.of();
  private StepContext lastContext;

  private StepRun(ProcessDefinition process) {
    this.process = process;
  }

  /** Starts a run of the process, triggered by a user event on submission 1. */
  public static StepRun of(ProcessDefinition process) {
    return new StepRun(process).event(TestAgents.user(), new SetComments(""));
  }

  public StepRun event(Agent creator, EventData data) {
    this.event = Event.create(creator, 1L, data)
        .applied(Timestamp.parse("2020-03-02T14:01:03.133455+00:00"), 1L, null, null);
    return this;
  }

  public StepRun event(Event event) {
    this.event = event;
    return this;
  }

  public StepRun before(Submission before) {
    this.before = before;
    return this;
  }

  public StepRun after(Submission after) {
    this.after = after;
    return this;
  }

  public StepRun params(ObjectNode params) {
    this.params = params;
    return this;
  }

  public StepRun param(String key, JsonNode value) {
    this.params = params.deepCopy();
    this.params.set(key, value);
    return this;
  }

  public StepRun previous(JsonNode previous) {
    this.previous = previous;
    return this;
  }

  public StepRun services(ProcessServices services) {
    this.services = services;
    return this;
  }

  /** Runs the named step and returns the events it emitted. */
  public List<Event> step(String stepName) throws Exception {
    stepResult(stepName);
    return lastContext.emitted();
  }

  /** Runs the named step and returns its result. */
  public JsonNode stepResult(String stepName) throws Exception {
    Step step = process.steps().stream().filter(s -> s.name().equals(stepName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(process.name() + " has no step "
            + stepName));
    lastContext = new StepContext(process, "test-process-id",
        new Trigger(event, before, after, params), previous, services, CLOCK);
    return step.function().run(lastContext);
  }

  /** Returns the events emitted by the last step run, also when it threw. */
  public List<Event> emitted() {
    return lastContext.emitted();
  }

  /** Returns the wire JSON text of an emitted event as it is before saving: no time, no id. */
  public static String unsavedWireText(Event event) {
    Event unsaved = Event.create(event.creator(), null, event.data());
    return PythonJson.write(RecordCodec.encodeEvent(unsaved));
  }
}
