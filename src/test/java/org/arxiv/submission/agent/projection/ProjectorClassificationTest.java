package org.arxiv.submission.agent.projection;

import static org.arxiv.submission.agent.projection.Fixtures.SYSTEM;
import static org.arxiv.submission.agent.projection.Fixtures.apply;
import static org.arxiv.submission.agent.projection.Fixtures.assertRejected;
import static org.arxiv.submission.agent.projection.Fixtures.event;
import static org.arxiv.submission.agent.projection.Fixtures.submitted;
import static org.arxiv.submission.agent.projection.Fixtures.userEndorsedFor;
import static org.arxiv.submission.agent.projection.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddSecondaryClassification;
import org.arxiv.submission.agent.domain.event.Reclassify;
import org.arxiv.submission.agent.domain.event.RemoveSecondaryClassification;
import org.arxiv.submission.agent.domain.event.SetPrimaryClassification;
import org.junit.jupiter.api.Test;

class ProjectorClassificationTest {

  /** Returns the working submission with the given primary and secondary categories. */
  private static Submission withCategories(String primary, String... secondaries) {
    Submission state = working();
    state.toJson().putObject("primary_classification").put("category", primary);
    ArrayNode list = state.toJson().putArray("secondary_classification");
    for (String secondary : secondaries) {
      list.addObject().put("category", secondary);
    }
    return state;
  }

  @Test
  void primaryAcceptsArchiveEndorsement() throws Exception {
    Submission after = apply(working(), new SetPrimaryClassification("astro-ph.CO"));

    assertThat(after.primaryCategory()).isEqualTo("astro-ph.CO");
  }

  @Test
  void primaryAcceptsCategoryEndorsement() throws Exception {
    Submission after = apply(working(),
        event(userEndorsedFor("hep-th"), new SetPrimaryClassification("hep-th")));

    assertThat(after.primaryCategory()).isEqualTo("hep-th");
  }

  @Test
  void primaryAcceptsWildcardEndorsement() throws Exception {
    Submission after = apply(working(),
        event(userEndorsedFor("*.*"), new SetPrimaryClassification("cs.AI")));

    assertThat(after.primaryCategory()).isEqualTo("cs.AI");
  }

  @Test
  void primaryRejectsUnendorsedUser() {
    assertRejected(working(),
        event(userEndorsedFor("cs.AI", "astro-ph.GA"), new SetPrimaryClassification("astro-ph.CO")))
        .hasMessage("Invalid SetPrimaryClassification: creator is not endorsed for astro-ph.CO");
  }

  @Test
  void primaryNeedsNoEndorsementFromSystem() throws Exception {
    Submission after = apply(working(), event(SYSTEM, new SetPrimaryClassification("cs.AI")));

    assertThat(after.primaryCategory()).isEqualTo("cs.AI");
  }

  @Test
  void primaryRejectsInactiveOrMissingCategory() {
    assertRejected(working(), new SetPrimaryClassification("astro-ph"))
        .hasMessageContaining("\"astro-ph\" is not an active category");
    assertRejected(working(), new SetPrimaryClassification("cs.XX"))
        .hasMessageContaining("not an active category");
    assertRejected(working(), new SetPrimaryClassification(null))
        .hasMessageContaining("category is missing");
    assertRejected(working(), new SetPrimaryClassification(""))
        .hasMessageContaining("category is missing");
  }

  @Test
  void primaryRejectsAnnouncedVersions() {
    Submission withId = working();
    withId.put("arxiv_id", "2003.01234");
    Submission secondVersion = working();
    secondVersion.set("version", IntNode.valueOf(2));

    assertRejected(withId, new SetPrimaryClassification("astro-ph.CO"))
        .hasMessageContaining("only be set on the first version");
    assertRejected(secondVersion, new SetPrimaryClassification("astro-ph.CO"))
        .hasMessageContaining("only be set on the first version");
  }

  @Test
  void primaryRejectedWhenFinalized() {
    assertRejected(submitted(), new SetPrimaryClassification("astro-ph.CO"))
        .hasMessageContaining("is finalized");
  }

  @Test
  void primaryRejectsSecondaryCategory() {
    assertRejected(working(), event(SYSTEM, new SetPrimaryClassification("physics.ins-det")))
        .hasMessageContaining("physics.ins-det is already a secondary category");
  }

  @Test
  void secondaryAppendedAtEnd() throws Exception {
    Submission after = apply(working(), new AddSecondaryClassification("astro-ph.CO"));

    assertThat(after.secondaryCategories()).containsExactly("physics.ins-det", "astro-ph.CO");
    assertThat(after.list("secondary_classification").get(1).fieldNames()).toIterable()
        .containsExactly("category");
  }

  @Test
  void secondaryAllowedWhenFinalized() throws Exception {
    Submission after = apply(submitted(), new AddSecondaryClassification("astro-ph.CO"));

    assertThat(after.secondaryCategories()).contains("astro-ph.CO");
  }

  @Test
  void secondaryAllowsFourthNotFifth() throws Exception {
    Submission three = withCategories("astro-ph.GA", "physics.ins-det", "cs.AI", "math.AC");

    Submission four = apply(three, new AddSecondaryClassification("stat.ML"));

    assertThat(four.secondaryCategories()).hasSize(Validators.MAX_SECONDARIES);
    assertRejected(four, new AddSecondaryClassification("q-bio.BM"))
        .hasMessageContaining("maximum of 4 secondary categories");
  }

  @Test
  void secondaryRejectsPrimaryCategory() {
    assertRejected(working(), new AddSecondaryClassification("astro-ph.GA"))
        .hasMessageContaining("astro-ph.GA is already the primary category");
  }

  @Test
  void secondaryRejectsDuplicateCategory() {
    assertRejected(working(), new AddSecondaryClassification("physics.ins-det"))
        .hasMessageContaining("already a secondary category");
  }

  @Test
  void secondaryRejectsInactiveCategory() {
    assertRejected(working(), new AddSecondaryClassification("test.soft"))
        .hasMessageContaining("not an active category");
  }

  @Test
  void generalRejectedBesidePrimaryArchive() {
    assertRejected(withCategories("cs.AI"), new AddSecondaryClassification("cs.OH"))
        .hasMessageContaining("general category cs.OH is redundant next to a category from cs");
  }

  @Test
  void generalRejectedBesideSecondaryArchive() {
    assertRejected(withCategories("astro-ph.GA", "math.AC"),
        new AddSecondaryClassification("math.GM"))
        .hasMessageContaining("general category math.GM is redundant");
  }

  @Test
  void econGeneralIsRedundantToo() {
    assertRejected(withCategories("econ.EM"), new AddSecondaryClassification("econ.GN"))
        .hasMessageContaining("general category econ.GN is redundant");
  }

  @Test
  void generalAllowedInOtherArchive() throws Exception {
    Submission after = apply(withCategories("astro-ph.GA", "physics.ins-det"),
        new AddSecondaryClassification("cs.OH"));

    assertThat(after.secondaryCategories()).containsExactly("physics.ins-det", "cs.OH");
  }

  @Test
  void specificRejectedUnderGeneralPrimary() {
    assertRejected(withCategories("cs.OH"), new AddSecondaryClassification("cs.AI"))
        .hasMessageContaining("cs.AI is redundant next to general primary cs.OH");
  }

  @Test
  void specificRejectedUnderGeneralSecondary() {
    assertRejected(withCategories("astro-ph.GA", "math.GM"),
        new AddSecondaryClassification("math.AC"))
        .hasMessageContaining("math.AC is redundant next to general secondary math.GM");
  }

  @Test
  void specificAllowedBesideSpecificPrimary() throws Exception {
    Submission after =
        apply(withCategories("cs.AI"), new AddSecondaryClassification("cs.LG"));

    assertThat(after.secondaryCategories()).containsExactly("cs.LG");
  }

  @Test
  void generalPhysicsRejectedAsSecondary() {
    assertRejected(withCategories("astro-ph.GA"), new AddSecondaryClassification("physics.gen-ph"))
        .hasMessageContaining("physics.gen-ph cannot be a secondary category");
  }

  @Test
  void removeDropsEveryMatch() throws Exception {
    Submission before = withCategories("astro-ph.GA", "physics.ins-det", "cs.AI",
        "physics.ins-det");

    Submission after = apply(before, new RemoveSecondaryClassification("physics.ins-det"));

    assertThat(after.secondaryCategories()).containsExactly("cs.AI");
  }

  @Test
  void removeRejectsAbsentCategory() {
    assertRejected(working(), new RemoveSecondaryClassification("cs.AI"))
        .hasMessageContaining("cs.AI is not a secondary category");
  }

  @Test
  void removeRejectsInactiveCategory() {
    assertRejected(working(), new RemoveSecondaryClassification("cond-mat"))
        .hasMessageContaining("not an active category");
  }

  @Test
  void removeRejectedWhenFinalized() {
    assertRejected(submitted(), new RemoveSecondaryClassification("physics.ins-det"))
        .hasMessageContaining("is finalized");
  }

  @Test
  void reclassifyAllowedWhenFinalized() throws Exception {
    Submission after = apply(submitted(), event(SYSTEM, new Reclassify("astro-ph.CO")));

    assertThat(after.primaryCategory()).isEqualTo("astro-ph.CO");
    assertThat(after.status()).isEqualTo(Submission.SUBMITTED);
  }

  @Test
  void reclassifyNeedsNoEndorsement() throws Exception {
    Submission after = apply(working(), event(userEndorsedFor(), new Reclassify("cs.AI")));

    assertThat(after.primaryCategory()).isEqualTo("cs.AI");
  }

  @Test
  void reclassifyRejectsAnnouncedSubmission() {
    Submission before = submitted();
    before.put("arxiv_id", "2003.01234");

    assertRejected(before, new Reclassify("astro-ph.CO"))
        .hasMessageContaining("only be set on the first version");
  }

  @Test
  void reclassifyRejectsSecondaryCategory() {
    assertRejected(working(), new Reclassify("physics.ins-det"))
        .hasMessageContaining("already a secondary category");
  }

  @Test
  void reclassifyRejectsMissingCategory() {
    assertRejected(working(), new Reclassify(null)).hasMessageContaining("category is missing");
  }
}
