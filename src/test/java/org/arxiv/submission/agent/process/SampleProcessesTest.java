package org.arxiv.submission.agent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.rules.RuleRegistry;
import org.arxiv.submission.agent.rules.TriggeredProcess;
import org.arxiv.submission.agent.wire.Json;
import org.arxiv.submission.agent.wire.PythonJson;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the processes that the rules start for each sample record and compares the events they
 * emit with what the original agent emitted. The product differs on purpose in two ways, and
 * the expected events are adjusted for each before comparing:
 *
 * <ul>
 *   <li>A possible-duplicate-title flag names the matching candidate's title, not the
 *       submission's own title, so that a moderator can tell which title it duplicates (lines
 *       10 and 34).
 *   <li>Its {@code owner} is the candidate owner's full agent object, as the agent's own store
 *       returns it; the original's run was given a three-key object as owner (line 10).
 * </ul>
 *
 * <p>Processes that need a network service fail with a reason that names the setting, where the
 * sample says that the original's step logic was not run. The stopword checks that the product
 * starts for lines 20 and 22 are covered by their own test below.
 */
class SampleProcessesTest {

  private static final RuleRegistry RULES = RuleRegistry.standard(PolicyConfig.defaults());
  private static final ProcessCatalog CATALOG = ProcessCatalog.standard();

  private static final List<ProcessServices.Candidate> CANDIDATES = readCandidates();
  private static final ProcessServices SERVICES = (excludeId, since) -> CANDIDATES;

  private static List<ProcessServices.Candidate> readCandidates() {
    try {
      JsonNode rows =
          Json.mapper().readTree(Samples.resource("samples/sample-candidate-titles.json"));
      List<ProcessServices.Candidate> candidates = new ArrayList<>();
      for (JsonNode row : rows) {
        Agent owner = row.get(2).isNull() ? null : Agent.fromJson(row.get(2));
        candidates.add(new ProcessServices.Candidate(row.get(0).asLong(), row.get(1).asText(),
            owner));
      }
      return candidates;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the sample candidates", e);
    }
  }

  static IntStream linesWithProcesses() {
    List<String> expected = Samples.expectedLines();
    return IntStream.rangeClosed(1, expected.size())
        .filter(line -> !expectedLine(line).get("triggered").isEmpty());
  }

  private static JsonNode expectedLine(int line) {
    try {
      return Json.mapper().readTree(Samples.expectedLines().get(line - 1));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read expected line " + line, e);
    }
  }

  private static StreamRecord record(int line) throws Exception {
    return RecordCodec.decode(Samples.recordLines().get(line - 1));
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("linesWithProcesses")
  void sampleEmitsAsOriginal(int line) throws Exception {
    StreamRecord record = record(line);
    List<TriggeredProcess> triggered =
        RULES.evaluate(record.event(), record.before(), record.after());
    JsonNode expected = expectedLine(line).get("triggered");
    assertThat(triggered).hasSize(expected.size());

    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      TriggeredProcess process = triggered.get(i);
      assertThat(process.processName()).isEqualTo(want.get("process").asText());
      Trigger trigger = new Trigger(record.event(), record.before(), record.after(),
          process.params());
      checkProcess(line, want, trigger);
    }
  }

  private static void checkProcess(int line, JsonNode want, Trigger trigger) throws Exception {
    ProcessDefinition process = CATALOG.get(want.get("process").asText());
    if (want.has("emitted")) {
      assertThat(want.get("outcome").asText()).isEqualTo("succeeded");
      assertThat(runAll(process, trigger)).as("line %d %s", line, process.name())
          .isEqualTo(expectedTexts(want.get("emitted")));
    } else if (want.has("size_decisions")) {
      for (JsonNode decision : want.get("size_decisions")) {
        long size = decision.get("size_bytes").asLong();
        List<Event> emitted = runStep(process, 1, trigger, LongNode.valueOf(size)).emitted();
        assertThat(texts(emitted)).as("line %d size %d", line, size)
            .isEqualTo(expectedTexts(decision.get("emitted")));
      }
    } else {
      assertThat(want.get("step_logic").asText()).isEqualTo("not run: needs a network service");
      assertThatThrownBy(() -> runAll(process, trigger))
          .as("line %d %s", line, process.name())
          .isInstanceOf(StepFailed.class)
          .hasMessageContaining("which this agent has no client for");
    }
  }

  /** Runs every step in order, passing each result on, and returns the emitted events' text. */
  private static List<String> runAll(ProcessDefinition process, Trigger trigger)
      throws Exception {
    List<String> emitted = new ArrayList<>();
    JsonNode previous = null;
    for (int i = 0; i < process.steps().size(); i++) {
      StepOutcome outcome = runStep(process, i, trigger, previous);
      previous = outcome.result();
      emitted.addAll(texts(outcome.emitted()));
    }
    return emitted;
  }

  private record StepOutcome(StepContext context, JsonNode result) {
    List<Event> emitted() {
      return context.emitted();
    }
  }

  private static StepOutcome runStep(ProcessDefinition process, int index, Trigger trigger,
      JsonNode previous) throws Exception {
    StepContext context = new StepContext(process, "sample", trigger, previous, SERVICES,
        StepRun.CLOCK);
    JsonNode result = process.step(index).function().run(context);
    return new StepOutcome(context, result);
  }

  private static List<String> texts(List<Event> events) {
    return events.stream().map(StepRun::unsavedWireText).toList();
  }

  /** Returns the expected events' text, adjusted for the product's deliberate differences. */
  private static List<String> expectedTexts(JsonNode events) {
    Map<Long, ProcessServices.Candidate> byId = new HashMap<>();
    CANDIDATES.forEach(c -> byId.put(c.submissionId(), c));
    List<String> texts = new ArrayList<>();
    for (JsonNode event : events) {
      ObjectNode copy = event.deepCopy();
      if ("possible duplicate title".equals(copy.path("flag_type").asText())) {
        ObjectNode data = (ObjectNode) copy.get("flag_data");
        ProcessServices.Candidate candidate = byId.get(data.get("submission_id").asLong());
        data.put("title", candidate.title());
        data.set("owner", candidate.owner() == null ? data.nullNode()
            : candidate.owner().toJson());
      }
      texts.add(PythonJson.write(copy));
    }
    return texts;
  }

  @Test
  void duplicateFlagTitleDiffersOnPurpose() throws Exception {
    JsonNode original = expectedLine(34).get("triggered").get(0).get("emitted").get(0);

    assertThat(original.get("flag_data").get("title").asText())
        .isEqualTo("Gradient Descent on Riemannian Manifolds: Convergence Guarantees for "
            + "Non-Convex Objectives");
    assertThat(expectedTexts(Json.mapper().createArrayNode().add(original)).get(0))
        .contains("\"title\": \"Gradient descent on Riemannian manifolds: convergence "
            + "guarantees for non-convex objectives\"");
  }

  @Test
  void sampleStopwordChecksFlagNothing() throws Exception {
    for (int line : new int[] {20, 22}) {
      StreamRecord record = record(line);
      TriggeredProcess process =
          RULES.evaluate(record.event(), record.before(), record.after()).get(0);
      Trigger trigger = new Trigger(record.event(), record.before(), record.after(),
          process.params());

      // 1733 stopwords and a share of 0.219 are both above the minimums of 400 and 0.10.
      assertThat(runAll(CATALOG.get(process.processName()), trigger)).as("line %d", line)
          .isEmpty();
    }
  }

  @Test
  void sampleStopwordCheckFlagsUnderRaisedMinimum() throws Exception {
    StreamRecord record = record(20);
    ObjectNode params = PolicyConfig.defaults().params(List.of("LOW_STOP"));
    params.put("LOW_STOP", 2000);

    List<String> emitted = runAll(CATALOG.get("CheckStopwordCount"),
        new Trigger(record.event(), record.before(), record.after(), params));

    assertThat(emitted).hasSize(1);
    assertThat(emitted.get(0)).contains("\"event_type\": \"AddContentFlag\"",
        "\"flag_data\": 1733", "\"flag_type\": \"low stopwords\"");
  }

  @Test
  void similarTitleWindowEndsAtEvent() throws Exception {
    StreamRecord record = record(10);
    List<Instant> since = new ArrayList<>();
    ProcessServices recording = (excludeId, from) -> {
      since.add(from);
      return List.of();
    };
    Trigger trigger = new Trigger(record.event(), record.before(), record.after(),
        RULES.evaluate(record.event(), record.before(), record.after()).get(0).params());

    ProcessDefinition process = CATALOG.get("CheckForSimilarTitles");
    process.step(0).function().run(
        new StepContext(process, "sample", trigger, null, recording, StepRun.CLOCK));

    assertThat(since).containsExactly(Instant.parse("2019-12-02T08:01:03.133455Z"));
  }
}
