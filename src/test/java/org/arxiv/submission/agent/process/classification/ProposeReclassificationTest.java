package org.arxiv.submission.agent.process.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.arxiv.submission.agent.domain.Taxonomy;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddProposal;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.domain.event.SetPrimaryClassification;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepRun;
import org.arxiv.submission.agent.process.TestStates;
import org.arxiv.submission.agent.wire.PythonJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProposeReclassificationTest {

  private static List<Event> propose(Submission after) throws Exception {
    return StepRun.of(ProposeReclassification.definition()).after(after).step("propose_primary");
  }

  private static List<Event> propose(String primary, Object... results) throws Exception {
    return propose(TestStates.submission().primary(primary)
        .classifierResults("c1", results).build());
  }

  /** Returns "category | comment" of the single proposal, or null when nothing was proposed. */
  private static String proposal(List<Event> emitted) {
    if (emitted.isEmpty()) {
      return null;
    }
    assertThat(emitted).hasSize(1);
    AddProposal proposal = (AddProposal) emitted.get(0).data();
    assertThat(proposal.proposedEventType())
        .isEqualTo(EventTypeRef.of(SetPrimaryClassification.class));
    return proposal.proposedEventData().get("category").asText() + " | " + proposal.comment();
  }

  @Test
  void lowPrimaryGetsSameArchiveProposal() throws Exception {
    List<Event> emitted = propose("astro-ph.GA",
        "astro-ph.CO", 0.81, "astro-ph.GA", 0.12, "gr-qc", 0.04);

    assertThat(proposal(emitted))
        .isEqualTo("astro-ph.CO | selected primary astro-ph.GA has probability 0.12");
    assertThat(PythonJson.write(((AddProposal) emitted.get(0).data()).proposedEventData()))
        .isEqualTo("{\"category\": \"astro-ph.CO\"}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.5    |             |",
      "0.51   |             |",
      "0.4999 | astro-ph.CO | selected primary astro-ph.GA has probability 0.5",
      "0.4213 | astro-ph.CO | selected primary astro-ph.GA has probability 0.421"})
  void primaryAtHalfIsConfirmed(double primaryScore, String category, String comment)
      throws Exception {
    List<Event> emitted = propose("astro-ph.GA", "astro-ph.CO", 0.9, "astro-ph.GA", primaryScore);

    assertThat(proposal(emitted)).isEqualTo(category == null ? null : category + " | " + comment);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.57   | 0.1  | astro-ph.CO",
      "0.5699 | 0.1  | ",
      "0.5699 | 0.57 | hep-th",
      "0.58   | 0.9  | astro-ph.CO",
      "0.1    | 0.56 | "})
  void suggestionNeedsThreshold(double within, double without, String expected)
      throws Exception {
    List<Event> emitted = propose("astro-ph.GA",
        "hep-th", without, "astro-ph.CO", within, "astro-ph.GA", 0.05);

    String suggested = proposal(emitted);

    assertThat(suggested == null ? null : suggested.split(" \\| ")[0]).isEqualTo(expected);
  }

  @Test
  void absentPrimaryIsNamedInComment() throws Exception {
    assertThat(proposal(propose("astro-ph.GA", "astro-ph.CO", 0.9)))
        .isEqualTo("astro-ph.CO | selected primary astro-ph.GA not found in classifier scores");
  }

  @Test
  void tieGoesToFirstListed() throws Exception {
    assertThat(proposal(propose("cs.AI", "cs.LG", 0.7, "cs.CV", 0.7)))
        .startsWith("cs.LG |");
  }

  @Test
  void exemptCategoryIsLeftAlone() throws Exception {
    assertThat(propose("cs.CE", "cs.LG", 0.99)).isEmpty();
    assertThat(propose("econ.EM", "econ.GN", 0.99, "q-fin.EC", 0.99)).isEmpty();
    assertThat(propose("cs.LG", "cs.CE", 0.99)).hasSize(1);
  }

  @Test
  void emptyResultsProposeNothing() throws Exception {
    assertThat(propose("astro-ph.GA")).isEmpty();
  }

  @Test
  void newestAnnotationDecides() throws Exception {
    Submission after = TestStates.submission().primary("astro-ph.GA")
        .classifierResults("old", "astro-ph.CO", 0.9)
        .classifierResults("new", "astro-ph.SR", 0.8, "astro-ph.GA", 0.1)
        .build();

    assertThat(proposal(propose(after))).startsWith("astro-ph.SR |");
  }

  @Test
  void missingAnnotationFails() {
    Submission after = TestStates.submission().primary("astro-ph.GA").build();

    assertThatThrownBy(() -> propose(after))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("no classifier results");
  }

  @Test
  void unknownCategoryFails() {
    assertThatThrownBy(() -> propose("astro-ph.GA", "astro-ph.XX", 0.9))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("unknown category \"astro-ph.XX\"");
    assertThatThrownBy(() -> propose("nonsense", "astro-ph.CO", 0.9))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("unknown category \"nonsense\"");
  }

  @Test
  void missingPrimaryFails() {
    Submission after = TestStates.submission().classifierResults("c1", "cs.LG", 0.9).build();

    assertThatThrownBy(() -> propose(after))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("no primary category");
  }

  @Test
  void lowThresholdNeverProposesPrimary() {
    List<Submission.ClassifierScore> scores = List.of(
        new Submission.ClassifierScore("astro-ph.GA", 0.45),
        new Submission.ClassifierScore("astro-ph.CO", 0.40));

    assertThat(ProposeReclassification.suggest(scores, "astro-ph.GA", 0.3)).isNull();
  }

  @Test
  void taxonomyHas184Categories() {
    assertThat(Taxonomy.activeCategories().size() + Taxonomy.inactiveCategories().size())
        .isEqualTo(184);
    assertThat(Taxonomy.archiveOf("hep-th")).contains("hep-th");
    assertThat(Taxonomy.archiveOf("cond-mat.str-el")).contains("cond-mat");
    assertThat(Taxonomy.archiveOf("test.soft")).contains("test");
    assertThat(Taxonomy.archiveOf("math.MP")).contains("math");
    assertThat(Taxonomy.isKnown("cs.XX")).isFalse();
  }
}
