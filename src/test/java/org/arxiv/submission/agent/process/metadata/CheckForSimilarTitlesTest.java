package org.arxiv.submission.agent.process.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.TestAgents;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.MetadataFlagType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddMetadataFlag;
import org.arxiv.submission.agent.domain.event.RemoveFlag;
import org.arxiv.submission.agent.domain.event.SetTitle;
import org.arxiv.submission.agent.process.ProcessServices;
import org.arxiv.submission.agent.process.ProcessServices.Candidate;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepRun;
import org.arxiv.submission.agent.process.TestStates;
import org.arxiv.submission.agent.wire.PythonJson;
import org.junit.jupiter.api.Test;

class CheckForSimilarTitlesTest {

  private static final String TEN_WORDS =
      "alpha beta gamma delta epsilon zeta eta theta iota kappa";

  /** Records the arguments of each call and returns the given candidates. */
  private static final class RecordingServices implements ProcessServices {
    final List<Long> excluded = new ArrayList<>();
    final List<Instant> since = new ArrayList<>();
    final List<Candidate> candidates;

    RecordingServices(List<Candidate> candidates) {
      this.candidates = candidates;
    }

    @Override
    public List<Candidate> recentSubmissions(Long excludeSubmissionId, Instant since) {
      excluded.add(excludeSubmissionId);
      this.since.add(since);
      return candidates;
    }
  }

  private static JsonNode candidates(String... titles) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < titles.length; i++) {
      array.addObject().put("submission_id", 100 + i).put("title", titles[i]).putNull("owner");
    }
    return array;
  }

  private static List<Event> check(Submission after, JsonNode candidates) throws Exception {
    return StepRun.of(CheckForSimilarTitles.definition()).after(after).previous(candidates)
        .step("check_for_duplicates");
  }

  @Test
  void candidatesComeFromWindowBeforeEvent() throws Exception {
    RecordingServices services = new RecordingServices(List.of(
        new Candidate(101, "Other title", TestAgents.user()),
        new Candidate(102, "Third title", null)));

    JsonNode result = StepRun.of(CheckForSimilarTitles.definition())
        .event(TestAgents.user(), new SetTitle("My title"))
        .after(TestStates.submission().title("My title").build())
        .services(services).stepResult("get_candidates");

    assertThat(services.excluded).containsExactly(1L);
    // 91.25 days before 2020-03-02T14:01:03.133455Z is 91 days and 6 hours earlier.
    assertThat(services.since).containsExactly(Instant.parse("2020-03-02T14:01:03.133455Z")
        .minus(Duration.ofDays(91)).minus(Duration.ofHours(6)));
    assertThat(result.size()).isEqualTo(2);
    assertThat(result.get(0).get("submission_id").asLong()).isEqualTo(101);
    assertThat(result.get(0).get("title").asText()).isEqualTo("Other title");
    assertThat(result.get(0).get("owner")).isEqualTo(TestAgents.user().toJson());
    assertThat(result.get(1).get("owner").isNull()).isTrue();
  }

  @Test
  void emptyTitleHasNoCandidates() throws Exception {
    RecordingServices services = new RecordingServices(List.of());

    JsonNode result = StepRun.of(CheckForSimilarTitles.definition())
        .after(TestStates.submission().title("").build())
        .services(services).stepResult("get_candidates");

    assertThat(result.isArray()).isTrue();
    assertThat(result.size()).isZero();
    assertThat(services.since).isEmpty();
  }

  @Test
  void stopwordOnlyTitleFails() {
    StepRun run = StepRun.of(CheckForSimilarTitles.definition())
        .after(TestStates.submission().title("The and of").build());

    assertThatThrownBy(() -> run.stepResult("get_candidates"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("No usable tokens in title");
  }

  @Test
  void similarityMustExceedThreshold() throws Exception {
    Submission after = TestStates.submission().title(TEN_WORDS).build();

    List<Event> emitted = check(after, candidates(
        "alpha beta gamma delta epsilon zeta eta",
        "alpha beta gamma delta epsilon zeta eta theta",
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda",
        "alpha beta gamma delta epsilon zeta"));

    // 7 of 10 is exactly 0.7, which is not above it. 8 of 10 and 10 of 11 are, 6 of 10 is not.
    assertThat(emitted).extracting(e -> ((AddMetadataFlag) e.data()).flagData()
        .get("submission_id").asInt()).containsExactly(101, 102);
    assertThat(emitted).extracting(e -> ((AddMetadataFlag) e.data()).flagData()
        .get("similarity").doubleValue()).containsExactly(0.8, 10.0 / 11);
  }

  @Test
  void flagNamesMatchingCandidateTitle() throws Exception {
    Submission after = TestStates.submission().title("Gradient Descent on Manifolds").build();
    ArrayNode candidates = JsonNodeFactory.instance.arrayNode();
    candidates.addObject()
        .put("submission_id", 107).put("title", "gradient descent on manifolds")
        .set("owner", TestAgents.user().toJson());

    List<Event> emitted = check(after, candidates);

    AddMetadataFlag flag = (AddMetadataFlag) emitted.get(0).data();
    assertThat(flag.flagType()).isEqualTo(MetadataFlagType.POSSIBLE_DUPLICATE_TITLE);
    assertThat(flag.field()).isEqualTo("title");
    assertThat(flag.comment()).isEqualTo("possible duplicate title");
    assertThat(PythonJson.write(flag.flagData())).isEqualTo("{\"submission_id\": 107, "
        + "\"title\": \"gradient descent on manifolds\", \"owner\": "
        + PythonJson.write(TestAgents.user().toJson()) + ", \"similarity\": 1.0}");
  }

  @Test
  void earlierDuplicateFlagsAreRemovedFirst() throws Exception {
    Submission after = TestStates.submission().title(TEN_WORDS)
        .flag("d1", "MetadataFlag", "possible duplicate title", "title")
        .flag("t1", "MetadataFlag", "character_set", "title")
        .flag("d2", "MetadataFlag", "possible duplicate title", "title")
        .build();

    List<Event> emitted = check(after, candidates(TEN_WORDS));

    assertThat(emitted).hasSize(3);
    assertThat(emitted.get(0).data()).isEqualTo(new RemoveFlag("d1"));
    assertThat(emitted.get(1).data()).isEqualTo(new RemoveFlag("d2"));
    assertThat(emitted.get(2).data()).isInstanceOf(AddMetadataFlag.class);
  }

  @Test
  void emptyCandidateTitleIsSkipped() throws Exception {
    Submission after = TestStates.submission().title(TEN_WORDS).build();

    assertThat(check(after, candidates("", "unrelated words only"))).isEmpty();
  }

  @Test
  void emptyTitleSkipsComparison() throws Exception {
    Submission after = TestStates.submission().title("")
        .flag("d1", "MetadataFlag", "possible duplicate title", "title").build();

    assertThat(check(after, candidates(""))).isEmpty();
  }

  @Test
  void missingCandidatesFail() {
    StepRun run = StepRun.of(CheckForSimilarTitles.definition())
        .after(TestStates.submission().title(TEN_WORDS).build());

    assertThatThrownBy(() -> run.step("check_for_duplicates"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("get_candidates");
  }
}
