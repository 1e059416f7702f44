package org.arxiv.submission.agent.process;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.arxiv.submission.agent.TestAgents;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.CreateSubmission;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.domain.event.EventTypes;
import org.arxiv.submission.agent.wire.Json;

/** Submission states for process tests, built up one part at a time. */
public final class TestStates {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Submission state;

  private TestStates() {
    Event created = Event.create(TestAgents.user(), null, new CreateSubmission())
        .applied(Timestamp.parse("2020-03-02T14:00:00+00:00"), 1L, null, null);
    state = Submission.created(created);
    state.set("submission_id", JSON.numberNode(1));
  }

  public static TestStates submission() {
    return new TestStates();
  }

  public Submission build() {
    return state.copy();
  }

  public TestStates title(String title) {
    state.metadata().put("title", title);
    return this;
  }

  public TestStates abstractText(String text) {
    state.metadata().put("abstract", text);
    return this;
  }

  public TestStates primary(String category) {
    state.set("primary_classification", JSON.objectNode().put("category", category));
    return this;
  }

  public TestStates secondary(String category) {
    state.list("secondary_classification").addObject().put("category", category);
    return this;
  }

  public TestStates source(long uncompressed, long compressed) {
    ObjectNode source = JSON.objectNode();
    source.put("identifier", "1000001");
    source.put("checksum", "a1b2c3d4e5f6==");
    source.put("uncompressed_size", uncompressed);
    source.put("compressed_size", compressed);
    source.put("source_format", "tex");
    state.set("source_content", source);
    return this;
  }

  public TestStates flag(String id, String datatype, String type, String field) {
    ObjectNode flag = state.map("flags").putObject(id);
    flag.put("event_id", id);
    flag.put("flag_datatype", datatype);
    flag.put("flag_type", type);
    if (field != null) {
      flag.put("field", field);
    }
    return this;
  }

  public TestStates hold(String id, String type, String reason) {
    ObjectNode hold = state.map("holds").putObject(id);
    hold.put("event_id", id);
    hold.put("hold_type", type);
    hold.put("hold_reason", reason);
    return this;
  }

  public TestStates waiver(String id, String type) {
    ObjectNode waiver = state.map("waivers").putObject(id);
    waiver.put("event_id", id);
    waiver.put("waiver_type", type);
    waiver.put("waiver_reason", "moderator waived it");
    return this;
  }

  public TestStates feature(String id, String type, Number value) {
    ObjectNode feature = state.map("annotations").putObject(id);
    feature.put("event_id", id);
    feature.put("feature_type", type);
    feature.set("feature_value", Json.mapper().valueToTree(value));
    feature.put("annotation_type", "Feature");
    return this;
  }

  /** Adds a classifier annotation whose {@code results} alternate category and probability. */
  public TestStates classifierResults(String id, Object... results) {
    ObjectNode annotation = state.map("annotations").putObject(id);
    annotation.put("event_id", id);
    annotation.put("classifier", "classic");
    ArrayNode list = annotation.putArray("results");
    for (int i = 0; i < results.length; i += 2) {
      list.addObject().put("category", (String) results[i])
          .put("probability", ((Number) results[i + 1]).doubleValue());
    }
    annotation.put("annotation_type", "ClassifierResults");
    return this;
  }

  public TestStates proposal(String id, String eventType, String status, String creatorType) {
    ObjectNode proposal = state.map("proposals").putObject(id);
    proposal.put("event_id", id);
    ObjectNode creator = proposal.putObject("creator");
    creator.put("native_id", "someone");
    creator.put("agent_type", creatorType);
    proposal.set("proposed_event_type",
        EventTypeRef.of(EventTypes.forName(eventType)).toJson());
    proposal.putObject("proposed_event_data").put("category", "stat.ML");
    proposal.put("status", status);
    return this;
  }
}
