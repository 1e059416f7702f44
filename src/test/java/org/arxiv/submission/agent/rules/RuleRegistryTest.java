package org.arxiv.submission.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.TestAgents;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.event.AddClassifierResults;
import org.arxiv.submission.agent.domain.event.AddFeature;
import org.arxiv.submission.agent.domain.event.AddProposal;
import org.arxiv.submission.agent.domain.event.ConfirmPreview;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.domain.event.FinalizeSubmission;
import org.arxiv.submission.agent.domain.event.SetAbstract;
import org.arxiv.submission.agent.domain.event.SetComments;
import org.arxiv.submission.agent.domain.event.SetPrimaryClassification;
import org.arxiv.submission.agent.domain.event.SetTitle;
import org.arxiv.submission.agent.domain.event.SetUploadPackage;
import org.arxiv.submission.agent.domain.event.UpdateUploadPackage;
import org.arxiv.submission.agent.wire.Json;
import org.arxiv.submission.agent.wire.PythonJson;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.RecordDecodeException;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

  private final RuleRegistry registry = RuleRegistry.standard(PolicyConfig.defaults());

  private List<String> triggered(Agent creator, EventData data) {
    Event event = Event.create(creator, 1L, data);
    return registry.evaluate(event, null, null).stream()
        .map(TriggeredProcess::processName).toList();
  }

  @Test
  void standardHasSixteenRulesInOrder() {
    List<String> rows = registry.rules().stream()
        .map(r -> r.eventTypeName() + " " + r.condition().description() + " " + r.processName())
        .toList();

    assertThat(rows).containsExactly(
        "ConfirmPreview is_user RunAutoclassifier",
        "AddFeature feature_type == %stop CheckStopwordPercent",
        "AddFeature feature_type == stops CheckStopwordCount",
        "FinalizeSubmission always SendConfirmationEmail",
        "SetTitle is_user CheckForSimilarTitles",
        "SetTitle is_user CheckTitleForUnicodeAbuse",
        "SetAbstract is_user CheckAbstractForUnicodeAbuse",
        "AddClassifierResults always ProposeReclassification",
        "FinalizeSubmission always ProposeCrossListFromPrimaryCategory",
        "AddProposal is_system AcceptSystemCrossListProposals",
        "SetUploadPackage always CheckSubmissionSourceSize",
        "UpdateUploadPackage always CheckSubmissionSourceSize",
        "ConfirmPreview always CheckPDFSize",
        "SetUploadPackage always CopySourceToLegacy",
        "UpdateUploadPackage always CopySourceToLegacy",
        "ConfirmPreview always CopyPDFPreviewToLegacy");
  }

  @Test
  void confirmPreviewByUserStartsThree() {
    assertThat(triggered(TestAgents.user(), new ConfirmPreview("x")))
        .containsExactly("RunAutoclassifier", "CheckPDFSize", "CopyPDFPreviewToLegacy");
  }

  @Test
  void confirmPreviewByClientSkipsClassifier() {
    assertThat(triggered(TestAgents.client(), new ConfirmPreview("x")))
        .containsExactly("CheckPDFSize", "CopyPDFPreviewToLegacy");
    assertThat(triggered(Agent.system("X"), new ConfirmPreview("x")))
        .containsExactly("CheckPDFSize", "CopyPDFPreviewToLegacy");
  }

  @Test
  void setTitleFiresOnlyForUsers() {
    assertThat(triggered(TestAgents.user(), new SetTitle("A title")))
        .containsExactly("CheckForSimilarTitles", "CheckTitleForUnicodeAbuse");
    assertThat(triggered(TestAgents.client(), new SetTitle("A title"))).isEmpty();
    assertThat(triggered(Agent.system("X"), new SetTitle("A title"))).isEmpty();
  }

  @Test
  void setAbstractFiresOnlyForUsers() {
    assertThat(triggered(TestAgents.user(), new SetAbstract("Text")))
        .containsExactly("CheckAbstractForUnicodeAbuse");
    assertThat(triggered(TestAgents.client(), new SetAbstract("Text"))).isEmpty();
    assertThat(triggered(Agent.system("X"), new SetAbstract("Text"))).isEmpty();
  }

  @Test
  void addProposalFiresOnlyForSystem() {
    AddProposal proposal = new AddProposal(EventTypeRef.of(SetPrimaryClassification.class),
        null, "c");

    assertThat(triggered(Agent.system("X"), proposal))
        .containsExactly("AcceptSystemCrossListProposals");
    assertThat(triggered(TestAgents.user(), proposal)).isEmpty();
    assertThat(triggered(TestAgents.client(), proposal)).isEmpty();
  }

  @Test
  void finalizeFiresForAnyCreator() {
    assertThat(triggered(TestAgents.client(), new FinalizeSubmission()))
        .containsExactly("SendConfirmationEmail", "ProposeCrossListFromPrimaryCategory");
  }

  @Test
  void uploadEventsFireForAnyCreator() {
    SetUploadPackage set = new SetUploadPackage("1", "c", 1L, 1L, "tex");
    UpdateUploadPackage update = new UpdateUploadPackage("c", 1L, 1L, "tex");

    for (Agent creator : List.of(TestAgents.user(), TestAgents.client(), Agent.system("X"))) {
      assertThat(triggered(creator, set))
          .containsExactly("CheckSubmissionSourceSize", "CopySourceToLegacy");
      assertThat(triggered(creator, update))
          .containsExactly("CheckSubmissionSourceSize", "CopySourceToLegacy");
    }
  }

  @Test
  void classifierResultsFireAlways() {
    assertThat(triggered(Agent.system("RunAutoclassifier"),
        new AddClassifierResults("classic", List.of())))
        .containsExactly("ProposeReclassification");
    assertThat(triggered(TestAgents.client(), new AddClassifierResults("classic", List.of())))
        .containsExactly("ProposeReclassification");
  }

  @Test
  void featureRulesMatchWireValue() {
    Agent system = Agent.system("RunAutoclassifier");

    assertThat(triggered(system, new AddFeature("stops", 10))).containsExactly(
        "CheckStopwordCount");
    assertThat(triggered(system, new AddFeature("%stop", 0.01))).containsExactly(
        "CheckStopwordPercent");
    assertThat(triggered(system, new AddFeature("words", 10))).isEmpty();
    assertThat(triggered(system, new AddFeature("STOPWORD_COUNT", 10))).isEmpty();
  }

  @Test
  void stopwordRulesFireOnDecodedSamples() throws Exception {
    StreamRecord stops = RecordCodec.decode(Samples.recordLines().get(19));
    StreamRecord percent = RecordCodec.decode(Samples.recordLines().get(21));

    List<TriggeredProcess> onStops =
        registry.evaluate(stops.event(), stops.before(), stops.after());
    List<TriggeredProcess> onPercent =
        registry.evaluate(percent.event(), percent.before(), percent.after());

    assertThat(onStops).extracting(TriggeredProcess::processName)
        .containsExactly("CheckStopwordCount");
    assertThat(PythonJson.write(onStops.get(0).params())).isEqualTo("{\"LOW_STOP\": 400}");
    assertThat(onPercent).extracting(TriggeredProcess::processName)
        .containsExactly("CheckStopwordPercent");
    assertThat(PythonJson.write(onPercent.get(0).params()))
        .isEqualTo("{\"LOW_STOP_PERCENT\": 0.1}");
  }

  @Test
  void eventWithoutRulesStartsNothing() {
    assertThat(triggered(TestAgents.user(), new SetComments("12 pages"))).isEmpty();
  }

  /**
   * Compares with what the original agent triggered for each sample line. The product differs on
   * purpose for lines 20 and 22: the original compared the decoded feature type with an enum
   * member by identity, so its stopword rules never fired.
   */
  @Test
  void samplesTriggerAsOriginal() throws Exception {
    List<String> records = Samples.recordLines();
    List<String> expected = Samples.expectedLines();
    assertThat(records).hasSameSizeAs(expected);

    for (int i = 0; i < records.size(); i++) {
      int line = i + 1;
      JsonNode want = Json.mapper().readTree(expected.get(i));
      List<String> wantRows = expectedRows(want, line);

      assertThat(actualRows(records.get(i), want)).as("line %d", line).isEqualTo(wantRows);
    }
  }

  private static List<String> expectedRows(JsonNode expected, int line) {
    List<String> rows = new ArrayList<>();
    for (JsonNode process : expected.get("triggered")) {
      rows.add(process.get("process").asText() + " " + PythonJson.write(process.get("params")));
    }
    if (line == 20) {
      rows.add("CheckStopwordCount {\"LOW_STOP\": 400}");
    }
    if (line == 22) {
      rows.add("CheckStopwordPercent {\"LOW_STOP_PERCENT\": 0.1}");
    }
    return rows;
  }

  private List<String> actualRows(String recordLine, JsonNode expected) {
    StreamRecord record;
    try {
      record = RecordCodec.decode(recordLine);
    } catch (RecordDecodeException e) {
      assertThat(expected.get("consumer").asText()).isEqualTo("skipped");
      return List.of();
    }
    assertThat(expected.get("consumer").asText()).isEqualTo("processed");
    return registry.evaluate(record.event(), record.before(), record.after()).stream()
        .map(t -> t.processName() + " " + PythonJson.write(t.params()))
        .toList();
  }

  @Test
  void paramsAreFreshPerTrigger() {
    Event event = Event.create(TestAgents.user(), 1L, new ConfirmPreview("x"));
    registry.evaluate(event, null, null).get(1).params().put("PDF_LIMIT_BYTES", 1);

    TriggeredProcess pdf = registry.evaluate(event, null, null).get(1);

    assertThat(PythonJson.write(pdf.params())).isEqualTo("{\"PDF_LIMIT_BYTES\": 15000000}");
  }

  @Test
  void paramsFollowConfiguredPolicy() {
    PolicyConfig config = PolicyConfig.from(k -> k.equals("PDF_LIMIT_BYTES") ? "100" : null);
    Event event = Event.create(TestAgents.user(), 1L, new ConfirmPreview("x"));

    TriggeredProcess pdf = RuleRegistry.standard(config).evaluate(event, null, null).get(1);

    assertThat(PythonJson.write(pdf.params())).isEqualTo("{\"PDF_LIMIT_BYTES\": 100}");
  }

  @Test
  void summariesListParams() {
    List<RuleSummary> summaries = registry.summaries();

    assertThat(summaries).hasSize(16);
    assertThat(summaries.get(4).number()).isEqualTo(5);
    assertThat(summaries.get(4).eventType()).isEqualTo("SetTitle");
    assertThat(summaries.get(4).condition()).isEqualTo("is_user");
    assertThat(summaries.get(4).processName()).isEqualTo("CheckForSimilarTitles");
    assertThat(PythonJson.write(summaries.get(4).params()))
        .isEqualTo("{\"TITLE_SIMILARITY_WINDOW\": 91.25, \"TITLE_SIMILARITY_THRESHOLD\": 0.7}");
    assertThat(PythonJson.write(summaries.get(0).params())).isEqualTo("{}");
  }

  @Test
  void ruleWithUnknownKeyIsRejected() {
    assertThatThrownBy(() -> new Rule(SetTitle.class, Condition.always(), List.of("LOW_STOPS"),
        "X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOW_STOPS");
  }
}
