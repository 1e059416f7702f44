package org.arxiv.submission.agent.projection;

import static org.arxiv.submission.agent.projection.Fixtures.CLOCK;
import static org.arxiv.submission.agent.projection.Fixtures.CREATED;
import static org.arxiv.submission.agent.projection.Fixtures.announced;
import static org.arxiv.submission.agent.projection.Fixtures.apply;
import static org.arxiv.submission.agent.projection.Fixtures.assertRejected;
import static org.arxiv.submission.agent.projection.Fixtures.event;
import static org.arxiv.submission.agent.projection.Fixtures.submitted;
import static org.arxiv.submission.agent.projection.Fixtures.submitter;
import static org.arxiv.submission.agent.projection.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.Announce;
import org.arxiv.submission.agent.domain.event.ConfirmAuthorship;
import org.arxiv.submission.agent.domain.event.ConfirmContactInformation;
import org.arxiv.submission.agent.domain.event.ConfirmPolicy;
import org.arxiv.submission.agent.domain.event.CreateSubmission;
import org.arxiv.submission.agent.domain.event.CreateSubmissionVersion;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.FinalizeSubmission;
import org.arxiv.submission.agent.domain.event.Rollback;
import org.arxiv.submission.agent.domain.event.SetLicense;
import org.arxiv.submission.agent.domain.event.SetTitle;
import org.arxiv.submission.agent.domain.event.UnFinalizeSubmission;
import org.junit.jupiter.api.Test;

class ProjectorLifecycleTest {

  private final Projector projector = new Projector();

  @Test
  void createSubmissionStartsWorkingState() throws Exception {
    Event create = new Event(submitter(), CREATED, null, null, 7L, false, null, null, null,
        new CreateSubmission());

    Submission after = projector.apply(create, null, CLOCK);

    assertThat(after.status()).isEqualTo(Submission.WORKING);
    assertThat(after.version()).isEqualTo(1);
    assertThat(after.creator()).isEqualTo(submitter());
    assertThat(after.toJson().get("owner")).isEqualTo(submitter().toJson());
    assertThat(after.created()).isEqualTo(CREATED);
    assertThat(after.updated()).isEqualTo(CREATED);
    assertThat(after.submissionId()).isEqualTo(7L);
  }

  @Test
  void eventWithoutCreatedTimeIsRejected() {
    Event event = Event.create(submitter(), 1L, new ConfirmPolicy());

    assertThatThrownBy(() -> projector.apply(event, working(), CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ConfirmPolicy event has no created time");
  }

  @Test
  void eventWithoutStateIsInvalid() {
    assertThatThrownBy(() -> projector.apply(event(submitter(), new ConfirmPolicy()), null, CLOCK))
        .isInstanceOf(InvalidEvent.class)
        .hasMessage("Invalid ConfirmPolicy: there is no submission to apply it to;"
            + " only CreateSubmission starts one");
  }

  @Test
  void updatedBecomesEventCreatedTime() throws Exception {
    Submission after = apply(working(), new ConfirmPolicy());

    assertThat(after.updated()).isEqualTo(CREATED);
  }

  @Test
  void stateTakesEventSubmissionId() throws Exception {
    Submission before = working();
    before.set("submission_id", null);

    Submission after = apply(before, new ConfirmPolicy());

    assertThat(after.submissionId()).isEqualTo(1L);
    assertThat(after.toJson().get("submission_id")).isEqualTo(IntNode.valueOf(1));
  }

  @Test
  void appliedEventTakesStateSubmissionId() throws Exception {
    Event event = new Event(submitter(), CREATED, null, null, null, false, null, null, null,
        new ConfirmPolicy());
    Submission before = working();

    Event applied = projector.applied(event, before, CLOCK);

    assertThat(applied.submissionId()).isEqualTo(1L);
    assertThat(applied.before()).isSameAs(before);
    assertThat(applied.after()).isEqualTo(projector.apply(event, before, CLOCK));
    assertThat(applied.created()).isEqualTo(CREATED);
  }

  @Test
  void newVersionNeedsAnnouncedSubmission() {
    assertRejected(submitted(), new CreateSubmissionVersion())
        .hasMessageContaining("not announced");
  }

  @Test
  void newVersionRejectedWithActiveRequest() {
    Submission before = announced();
    ObjectNode request = before.map("user_requests").putObject("r1");
    request.put("status", "approved");

    assertRejected(before, new CreateSubmissionVersion())
        .hasMessageContaining("pending or approved user request");
  }

  @Test
  void newVersionResetsSubmitterConfirmations() throws Exception {
    Submission before = announced();

    Submission after = apply(before, new CreateSubmissionVersion());

    assertThat(after.version()).isEqualTo(2);
    assertThat(after.status()).isEqualTo(Submission.WORKING);
    assertThat(after.get("source_content").isNull()).isTrue();
    assertThat(after.get("license").isNull()).isTrue();
    assertThat(after.get("submitter_is_author").isNull()).isTrue();
    assertThat(after.get("submitter_contact_verified").booleanValue()).isFalse();
    assertThat(after.get("submitter_accepts_policy").isNull()).isTrue();
    assertThat(after.get("submitter_confirmed_preview").booleanValue()).isFalse();
    assertThat(after.metadata()).isEqualTo(before.metadata());
    assertThat(after.preview()).isEqualTo(before.preview());
    assertThat(after.arxivId()).isEqualTo("2003.01234");
  }

  @Test
  void rollbackDeletesFirstVersion() throws Exception {
    Submission after = apply(working(), new Rollback());

    assertThat(after.status()).isEqualTo(Submission.DELETED);
    assertThat(after.version()).isEqualTo(1);
  }

  @Test
  void rollbackRestoresLastAnnouncedVersion() throws Exception {
    Submission announced = announced();
    Submission second = apply(announced, new CreateSubmissionVersion());
    second = apply(second, new SetTitle("A replacement title for version two"));

    Submission after = apply(second, new Rollback());

    assertThat(after.version()).isEqualTo(1);
    assertThat(after.status()).isEqualTo(Submission.ANNOUNCED);
    assertThat(after.metadata()).isEqualTo(announced.metadata());
    assertThat(after.get("license")).isEqualTo(announced.get("license"));
    assertThat(after.sourceContent()).isEqualTo(announced.sourceContent());
    assertThat(after.get("submitter_accepts_policy").booleanValue()).isTrue();
    assertThat(after.get("submitter_contact_verified").booleanValue()).isTrue();
    assertThat(after.list("versions")).hasSize(1);
  }

  @Test
  void rollbackRejectsAnnouncedSubmission() {
    assertRejected(announced(), new Rollback()).hasMessageContaining("announced");
  }

  @Test
  void rollbackNeedsSnapshotForLaterVersion() {
    Submission before = working();
    before.set("version", IntNode.valueOf(2));

    assertRejected(before, new Rollback()).hasMessageContaining("no announced version");
  }

  @Test
  void confirmationsRejectedWhenFinalized() {
    for (EventData data : List.of(new ConfirmContactInformation(), new ConfirmAuthorship(true),
        new ConfirmPolicy())) {
      assertRejected(submitted(), data).hasMessageContaining("is finalized");
    }
  }

  @Test
  void confirmAuthorshipStoresFalse() throws Exception {
    Submission after = apply(working(), new ConfirmAuthorship(false));

    assertThat(after.get("submitter_is_author").booleanValue()).isFalse();
  }

  @Test
  void confirmContactInformationSetsVerified() throws Exception {
    Submission before = working();
    before.put("submitter_contact_verified", false);

    Submission after = apply(before, new ConfirmContactInformation());

    assertThat(after.get("submitter_contact_verified").booleanValue()).isTrue();
  }

  @Test
  void licenseWithoutUriIsInvalid() {
    assertRejected(working(), new SetLicense("Some license", null))
        .hasMessageContaining("license_uri is missing");
  }

  @Test
  void licenseStoresUriBeforeName() throws Exception {
    Submission after = apply(working(), new SetLicense(null, "http://example.org/license"));

    JsonNode license = after.get("license");
    assertThat(license.fieldNames()).toIterable().containsExactly("uri", "name");
    assertThat(license.get("uri").textValue()).isEqualTo("http://example.org/license");
    assertThat(license.get("name").isNull()).isTrue();
  }

  @Test
  void licenseRejectedWhenFinalized() {
    assertRejected(submitted(), new SetLicense("name", "http://example.org/license"))
        .hasMessageContaining("is finalized");
  }

  @Test
  void finalizeStampsClockTime() throws Exception {
    Submission after = apply(working(), new FinalizeSubmission());

    assertThat(after.status()).isEqualTo(Submission.SUBMITTED);
    assertThat(after.submitted()).isEqualTo(Timestamp.now(CLOCK));
  }

  @Test
  void finalizeIgnoresPreviewConfirmation() throws Exception {
    Submission before = working();
    before.put("submitter_confirmed_preview", false);
    before.put("is_source_processed", false);
    before.set("submitter_is_author", null);

    Submission after = apply(before, new FinalizeSubmission());

    assertThat(after.status()).isEqualTo(Submission.SUBMITTED);
  }

  @Test
  void finalizeRequiresEachField() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    List<Object[]> cases = List.of(
        new Object[] {"primary_classification", json.nullNode()},
        new Object[] {"submitter_contact_verified", json.booleanNode(false)},
        new Object[] {"submitter_accepts_policy", json.nullNode()},
        new Object[] {"submitter_accepts_policy", json.booleanNode(false)},
        new Object[] {"license", json.nullNode()},
        new Object[] {"source_content", json.nullNode()});
    for (Object[] testCase : cases) {
      Submission before = working();
      before.set((String) testCase[0], (JsonNode) testCase[1]);

      assertRejected(before, new FinalizeSubmission())
          .as(testCase[0] + " = " + testCase[1])
          .hasMessageEndingWith("missing " + testCase[0]);
    }
  }

  @Test
  void finalizeRequiresTitleAbstractAuthors() {
    for (String field : List.of("title", "abstract", "authors_display")) {
      Submission empty = working();
      empty.metadata().put(field, "");
      Submission missing = working();
      missing.metadata().putNull(field);

      assertRejected(empty, new FinalizeSubmission()).hasMessageEndingWith("missing " + field);
      assertRejected(missing, new FinalizeSubmission()).hasMessageEndingWith("missing " + field);
    }
  }

  @Test
  void finalizeRejectsFinalizedSubmission() {
    assertRejected(submitted(), new FinalizeSubmission()).hasMessageContaining("already");
  }

  @Test
  void finalizeRejectsDeletedSubmission() {
    Submission before = working();
    before.put("status", Submission.DELETED);

    assertRejected(before, new FinalizeSubmission()).hasMessageContaining("not active");
  }

  @Test
  void unfinalizeReturnsToWorking() throws Exception {
    Submission after = apply(submitted(), new UnFinalizeSubmission());

    assertThat(after.status()).isEqualTo(Submission.WORKING);
    assertThat(after.get("submitted").isNull()).isTrue();
  }

  @Test
  void unfinalizeRejectsWorkingSubmission() {
    assertRejected(working(), new UnFinalizeSubmission()).hasMessageContaining("not finalized");
  }

  @Test
  void unfinalizeRejectsAnnouncedSubmission() {
    assertRejected(announced(), new UnFinalizeSubmission()).hasMessageEndingWith("is announced");
  }

  @Test
  void announceAppendsNestedSnapshot() throws Exception {
    Submission first = apply(submitted(), new Announce("2003.01234"));
    Submission second = apply(first, new Announce("2003.01234"));

    assertThat(first.status()).isEqualTo(Submission.ANNOUNCED);
    assertThat(first.arxivId()).isEqualTo("2003.01234");
    JsonNode snapshot = first.list("versions").get(0);
    assertThat(first.list("versions")).hasSize(1);
    assertThat(snapshot.get("status").textValue()).isEqualTo(Submission.ANNOUNCED);
    assertThat(snapshot.get("arxiv_id").textValue()).isEqualTo("2003.01234");
    assertThat(snapshot.get("versions")).isEmpty();
    assertThat(snapshot.get("updated")).isEqualTo(submitted().get("updated"));
    assertThat(second.list("versions")).hasSize(2);
    assertThat(second.list("versions").get(1).get("versions")).hasSize(1);
  }
}
