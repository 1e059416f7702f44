package org.arxiv.submission.agent.process.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.event.AddClassifierResults;
import org.arxiv.submission.agent.domain.event.AddContentFlag;
import org.arxiv.submission.agent.domain.event.AddFeature;
import org.arxiv.submission.agent.domain.event.ClassifierResult;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepRun;
import org.arxiv.submission.agent.process.TestStates;
import org.arxiv.submission.agent.process.services.ClassifierService.Classification;
import org.arxiv.submission.agent.wire.Json;
import org.arxiv.submission.agent.wire.PythonJson;
import org.junit.jupiter.api.Test;

class RunAutoclassifierTest {

  private static final String RESPONSE = """
      {"suggestions": [{"category": "astro-ph.CO", "log_odds": 1.5},
                       {"category": "astro-ph.GA", "log_odds": -2.0}],
       "flags": {"%stop": 0.2, "language": {"language": "fr", "score": 0.61},
                 "charset": "latin-1", "stops": 3, "linenos": 12, "colour": "red"},
       "counts": {"chars": 48213, "pages": 14, "stops": 1733, "words": 7901}}
      """;

  private static StepRun run() {
    return StepRun.of(RunAutoclassifier.definition())
        .after(TestStates.submission().source(1, 1).build());
  }

  private static List<Event> processResult(String response) throws Exception {
    return run().previous(Json.mapper().readTree(response)).step("process_result");
  }

  @Test
  void resultBecomesEventsInOrder() throws Exception {
    List<Event> emitted = processResult(RESPONSE);

    assertThat(emitted).extracting(e -> e.data().eventType()).containsExactly(
        "AddClassifierResults", "AddContentFlag", "AddContentFlag", "AddContentFlag",
        "AddFeature", "AddFeature", "AddFeature", "AddFeature", "AddFeature");
    assertThat(emitted.get(0).data()).isEqualTo(new AddClassifierResults("classic", List.of(
        new ClassifierResult("astro-ph.CO", Math.exp(1.5) / (1 + Math.exp(1.5))),
        new ClassifierResult("astro-ph.GA", Math.exp(-2.0) / (1 + Math.exp(-2.0))))));
  }

  @Test
  void knownFlagsBecomeContentFlags() throws Exception {
    List<Event> flags = processResult(RESPONSE).subList(1, 4);

    String comment = "flag from classification succeeded at 2020-03-02T14:30:00+00:00";
    assertThat(flags).extracting(e -> ((AddContentFlag) e.data()).flagType().wireValue())
        .containsExactly("language", "character set", "line numbers");
    assertThat(flags).extracting(e -> ((AddContentFlag) e.data()).comment())
        .containsOnly(comment);
    assertThat(PythonJson.write(((AddContentFlag) flags.get(0).data()).flagData()))
        .isEqualTo("{\"language\": \"fr\", \"score\": 0.61}");
  }

  @Test
  void countsBecomeFeatures() throws Exception {
    List<Event> features = processResult(RESPONSE).subList(4, 9);

    assertThat(features).extracting(Event::data).containsExactly(
        new AddFeature("chars", 48213L),
        new AddFeature("pages", 14L),
        new AddFeature("stops", 1733L),
        new AddFeature("words", 7901L),
        new AddFeature("%stop", 1733.0 / 7901));
  }

  @Test
  void zeroWordsFails() {
    String response = "{\"suggestions\": [], \"flags\": {}, "
        + "\"counts\": {\"chars\": 0, \"pages\": 1, \"stops\": 0, \"words\": 0}}";

    assertThatThrownBy(() -> processResult(response))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("no words");
  }

  @Test
  void missingCountsFail() {
    assertThatThrownBy(() -> processResult("{\"suggestions\": [], \"flags\": {}}"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("no counts");
  }

  @Test
  void extractionNeedsPlainTextService() {
    assertThatThrownBy(() -> run().stepResult("start_extraction"))
        .isInstanceOf(StepFailed.class)
        .hasMessage("needs the plain-text extraction service (PLAINTEXT_ENDPOINT), "
            + "which this agent has no client for");
    assertThatThrownBy(() -> run().stepResult("poll_extraction"))
        .hasMessageContaining("PLAINTEXT_ENDPOINT");
    assertThatThrownBy(() -> run().stepResult("retrieve_content"))
        .hasMessageContaining("PLAINTEXT_ENDPOINT");
  }

  @Test
  void classifierNeedsEndpoint() {
    StepRun run = run().previous(TextNode.valueOf("Some plain text"));

    assertThatThrownBy(() -> run.stepResult("call_classifier"))
        .isInstanceOf(StepFailed.class)
        .hasMessage("needs the classifier service (CLASSIFIER_ENDPOINT), which this agent has no "
            + "client for");
  }

  @Test
  void extractionNeedsSource() {
    StepRun run = StepRun.of(RunAutoclassifier.definition()).after(TestStates.submission().build());

    assertThatThrownBy(() -> run.stepResult("start_extraction"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("No source content identifier");
  }

  @Test
  void classifierResponseRoundTrips() throws Exception {
    JsonNode json = Json.mapper().readTree(RESPONSE);
    Classification parsed = Json.mapper().treeToValue(json, Classification.class);

    assertThat(parsed.flags().keySet())
        .containsExactly("%stop", "language", "charset", "stops", "linenos", "colour");
    assertThat(parsed.suggestions().get(0).logOdds()).isEqualTo(1.5);
  }
}
