package org.arxiv.submission.agent.projection;

import static org.arxiv.submission.agent.projection.Fixtures.CREATED;
import static org.arxiv.submission.agent.projection.Fixtures.SYSTEM;
import static org.arxiv.submission.agent.projection.Fixtures.apply;
import static org.arxiv.submission.agent.projection.Fixtures.assertRejected;
import static org.arxiv.submission.agent.projection.Fixtures.event;
import static org.arxiv.submission.agent.projection.Fixtures.flagged;
import static org.arxiv.submission.agent.projection.Fixtures.submitted;
import static org.arxiv.submission.agent.projection.Fixtures.submitter;
import static org.arxiv.submission.agent.projection.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.domain.ContentFlagType;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.HoldType;
import org.arxiv.submission.agent.domain.MetadataFlagType;
import org.arxiv.submission.agent.domain.ProcessStatusValue;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.UserFlagType;
import org.arxiv.submission.agent.domain.event.AddClassifierResults;
import org.arxiv.submission.agent.domain.event.AddContentFlag;
import org.arxiv.submission.agent.domain.event.AddFeature;
import org.arxiv.submission.agent.domain.event.AddHold;
import org.arxiv.submission.agent.domain.event.AddMetadataFlag;
import org.arxiv.submission.agent.domain.event.AddProcessStatus;
import org.arxiv.submission.agent.domain.event.AddUserFlag;
import org.arxiv.submission.agent.domain.event.AddWaiver;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.RemoveFlag;
import org.arxiv.submission.agent.domain.event.RemoveHold;
import org.junit.jupiter.api.Test;

class ProjectorAnnotationTest {

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Event systemEvent(EventData data) {
    return event(SYSTEM, data);
  }

  @Test
  void featureAcceptsEveryWireType() throws Exception {
    for (String type : List.of("chars", "pages", "stops", "%stop", "words")) {
      Event event = systemEvent(new AddFeature(type, 12));

      Submission after = apply(submitted(), event);

      JsonNode feature = after.map("annotations").get(event.eventId());
      assertThat(feature.get("feature_type").textValue()).as(type).isEqualTo(type);
      assertThat(feature.get("feature_value")).isEqualTo(IntNode.valueOf(12));
      assertThat(feature.get("annotation_type").textValue()).isEqualTo("Feature");
    }
  }

  @Test
  void featureRejectsUnknownType() {
    assertRejected(submitted(), systemEvent(new AddFeature("lines", 3)))
        .hasMessage("Invalid AddFeature: feature_type \"lines\" is not one of"
            + " chars, pages, stops, %stop, words");
  }

  @Test
  void classifierRejectsUnknownClassifier() {
    assertRejected(submitted(), systemEvent(new AddClassifierResults("fancy", List.of())))
        .hasMessageContaining("classifier \"fancy\" is not classic");
  }

  @Test
  void classifierAcceptsEmptyResults() throws Exception {
    Event event = systemEvent(new AddClassifierResults("classic", List.of()));

    Submission after = apply(submitted(), event);

    JsonNode annotation = after.map("annotations").get(event.eventId());
    assertThat(annotation.get("results")).isEmpty();
    assertThat(annotation.get("annotation_type").textValue()).isEqualTo("ClassifierResults");
  }

  @Test
  void processStatusNeedsProcess() {
    AddProcessStatus status =
        new AddProcessStatus("p-1", null, null, ProcessStatusValue.PENDING, null);

    assertRejected(submitted(), systemEvent(status))
        .hasMessage("Invalid AddProcessStatus: process is missing");
  }

  @Test
  void processStatusDropsProcessId() throws Exception {
    AddProcessStatus status = new AddProcessStatus("p-1", "CheckPDFSize", "check_size",
        ProcessStatusValue.FAILED, "timed out");

    Submission after = apply(submitted(), systemEvent(status));

    JsonNode entry = after.list("processes").get(after.list("processes").size() - 1);
    assertThat(keys(entry))
        .containsExactly("creator", "created", "process", "step", "status", "reason");
    assertThat(entry.get("status").textValue()).isEqualTo("failed");
    assertThat(entry.get("created").textValue()).isEqualTo(CREATED.toString());
  }

  @Test
  void userFlagAcceptsRate() throws Exception {
    Event event = new Event(SYSTEM, CREATED, submitter(), null, 1L, false, null, null, null,
        new AddUserFlag(IntNode.valueOf(5), null, UserFlagType.RATE));

    Submission after = apply(submitted(), event);

    JsonNode flag = after.map("flags").get(event.eventId());
    assertThat(keys(flag)).containsExactly("event_id", "creator", "created", "flag_data",
        "comment", "proxy", "flag_datatype", "flag_type");
    assertThat(flag.get("flag_datatype").textValue()).isEqualTo("UserFlag");
    assertThat(flag.get("flag_type").textValue()).isEqualTo("rate");
    assertThat(flag.get("proxy").isNull()).isTrue();
    assertThat(flag.get("comment").textValue()).isEmpty();
  }

  @Test
  void flagsNeedFlagType() {
    assertRejected(submitted(), systemEvent(new AddUserFlag(null, "c", null)))
        .hasMessageContaining("flag_type is missing");
    assertRejected(submitted(), systemEvent(new AddContentFlag(null, "c", null)))
        .hasMessageContaining("flag_type is missing");
    assertRejected(submitted(), systemEvent(new AddMetadataFlag(null, "c", null, "title")))
        .hasMessageContaining("flag_type is missing");
  }

  @Test
  void contentFlagStoresEmptyComment() throws Exception {
    Event event = systemEvent(new AddContentFlag(null, null, ContentFlagType.LINE_NUMBERS));

    Submission after = apply(submitted(), event);

    JsonNode flag = after.map("flags").get(event.eventId());
    assertThat(flag.get("comment").textValue()).isEmpty();
    assertThat(flag.get("flag_type").textValue()).isEqualTo("line numbers");
    assertThat(flag.get("flag_datatype").textValue()).isEqualTo("ContentFlag");
  }

  @Test
  void metadataFlagAcceptsEveryField() throws Exception {
    List<String> fields = new ArrayList<>(FlagProjection.METADATA_FIELDS);
    fields.add("");
    fields.add(null);
    for (String field : fields) {
      Event event = systemEvent(
          new AddMetadataFlag(null, "check", MetadataFlagType.CHARACTER_SET, field));

      Submission after = apply(submitted(), event);

      JsonNode stored = after.map("flags").get(event.eventId()).get("field");
      assertThat(stored.isNull() ? null : stored.textValue()).as("%s", field).isEqualTo(field);
    }
  }

  @Test
  void metadataFlagRejectsUnknownField() {
    assertRejected(submitted(),
        systemEvent(new AddMetadataFlag(null, "c", MetadataFlagType.LANGUAGE, "colour")))
        .hasMessageContaining("\"colour\" is not a metadata field");
  }

  @Test
  void removeFlagKeepsOtherFlags() throws Exception {
    Submission before = flagged();
    List<String> ids = keys(before.map("flags"));

    Submission after = apply(before, systemEvent(new RemoveFlag(ids.get(0))));

    assertThat(keys(after.map("flags"))).containsExactly(ids.get(1));
  }

  @Test
  void removeFlagRejectsUnknownId() {
    assertRejected(flagged(), systemEvent(new RemoveFlag("no-such-flag")))
        .hasMessageContaining("submission has no flag no-such-flag");
    assertRejected(flagged(), systemEvent(new RemoveFlag(null)))
        .hasMessageContaining("submission has no flag null");
  }

  @Test
  void holdLeavesStatusUnchanged() throws Exception {
    Event event = systemEvent(new AddHold(HoldType.PDF_OVERSIZE, "too big"));

    Submission after = apply(submitted(), event);

    assertThat(after.status()).isEqualTo(Submission.SUBMITTED);
    assertThat(after.isOnHold()).isTrue();
    JsonNode hold = after.map("holds").get(event.eventId());
    assertThat(keys(hold))
        .containsExactly("event_id", "creator", "created", "hold_type", "hold_reason");
    assertThat(hold.get("hold_type").textValue()).isEqualTo("pdf_oversize");
  }

  @Test
  void removeHoldKeepsOtherHolds() throws Exception {
    Submission before = flagged();
    String first = keys(before.map("holds")).get(0);
    Event second = new Event(SYSTEM, Timestamp.parse("2020-03-03T09:00:00+00:00"), null, null,
        3L, false, null, null, null, new AddHold(HoldType.PATCH, "patch"));
    before = apply(before, second);

    Submission after = apply(before, systemEvent(new RemoveHold(first, HoldType.PATCH, "")));

    assertThat(keys(after.map("holds"))).containsExactly(second.eventId());
  }

  @Test
  void removeHoldRejectsUnknownId() {
    assertRejected(flagged(), systemEvent(new RemoveHold("nope", HoldType.PATCH, "")))
        .hasMessageContaining("submission has no hold nope");
  }

  @Test
  void waiverStoredInWireOrder() throws Exception {
    Submission held = apply(submitted(), systemEvent(new AddHold(HoldType.PATCH, "")));
    Event event = new Event(SYSTEM, Timestamp.parse("2020-03-03T10:00:00+00:00"), null, null,
        1L, false, null, null, null, new AddWaiver(HoldType.PATCH, "approved by moderator"));

    Submission after = apply(held, event);

    ObjectNode waiver = (ObjectNode) after.map("waivers").get(event.eventId());
    assertThat(keys(waiver))
        .containsExactly("event_id", "waiver_type", "waiver_reason", "created", "creator");
    assertThat(waiver.get("waiver_type").textValue()).isEqualTo("patch");
    assertThat(after.isOnHold()).isFalse();
  }

  @Test
  void flagsAllowedOnWorkingSubmission() throws Exception {
    Event event = systemEvent(new AddContentFlag(null, "x", ContentFlagType.LANGUAGE));

    Submission after = apply(working(), event);

    assertThat(after.map("flags").has(event.eventId())).isTrue();
  }
}
