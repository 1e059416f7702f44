package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of a submission as the stream carries it in {@code before} and {@code after}.
 *
 * <p>The state is kept as the JSON document it arrived as, so that a record re-encodes byte for
 * byte and keys keep their order (new flags, holds and annotations go at the end, as in the
 * original). Accessors give typed views of the parts that rules and processes read, and the
 * projection changes the document through the mutators. Instances are mutable; use {@link
 * #copy()} before changing a state that is shared.
 */
public final class Submission {

  /** Submission statuses on the wire. */
  public static final String WORKING = "working";
  public static final String SUBMITTED = "submitted";
  public static final String SCHEDULED = "scheduled";
  public static final String ANNOUNCED = "announced";
  public static final String DELETED = "deleted";

  private static final Map<String, Set<JsonNodeType>> FIELD_TYPES = fieldTypes();

  private final ObjectNode state;

  private Submission(ObjectNode state) {
    this.state = state;
  }

  /**
   * Decodes a submission state, with or without its {@code "__type__": "submission"} tag.
   *
   * @throws IllegalArgumentException naming the field whose JSON type is wrong
   */
  public static Submission fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("submission must be a JSON object, got " + json);
    }
    return adopt(((ObjectNode) json).deepCopy());
  }

  /**
   * Decodes a submission state like {@link #fromJson(JsonNode)} but without copying: the
   * submission takes over {@code json}, which the caller must not use afterwards. Decoding a
   * record uses this because its tree is fresh and each state appears in it several times.
   */
  public static Submission adopt(ObjectNode json) {
    ObjectNode state = json;
    state.remove("__type__");
    for (Map.Entry<String, Set<JsonNodeType>> field : FIELD_TYPES.entrySet()) {
      JsonNode value = state.get(field.getKey());
      if (value != null && !field.getValue().contains(value.getNodeType())) {
        throw new IllegalArgumentException("submission field " + field.getKey() + " must be "
            + field.getValue() + ", got " + value.getNodeType());
      }
    }
    Agent.fromJson(state.get("creator"));
    Agent.fromJson(state.get("owner"));
    return new Submission(state);
  }

  /** Returns the state that {@code CreateSubmission} produces, with every field at its default. */
  public static Submission created(Event event) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode s = f.objectNode();
    s.set("creator", event.creator().toJson());
    s.set("owner", event.creator().toJson());
    s.set("proxy", event.proxy() == null ? f.nullNode() : event.proxy().toJson());
    s.set("client", event.client() == null ? f.nullNode() : event.client().toJson());
    s.put("created", event.created().toString());
    s.put("updated", event.created().toString());
    s.putNull("submitted");
    s.putNull("submission_id");
    s.putNull("source_content");
    s.putNull("preview");
    ObjectNode metadata = s.putObject("metadata");
    metadata.putNull("title");
    metadata.putNull("abstract");
    metadata.putArray("authors");
    metadata.put("authors_display", "");
    for (String key : List.of("doi", "msc_class", "acm_class", "report_num", "journal_ref")) {
      metadata.putNull(key);
    }
    metadata.put("comments", "");
    s.putNull("primary_classification");
    s.putArray("secondary_classification");
    s.put("submitter_contact_verified", false);
    s.putNull("submitter_is_author");
    s.putNull("submitter_accepts_policy");
    s.put("is_source_processed", false);
    s.put("submitter_confirmed_preview", false);
    s.putNull("license");
    s.put("status", WORKING);
    s.putNull("arxiv_id");
    s.put("version", 1);
    s.putNull("reason_for_withdrawal");
    s.putArray("versions");
    for (String key : List.of("user_requests", "proposals")) {
      s.putObject(key);
    }
    s.putArray("processes");
    for (String key : List.of("annotations", "flags", "comments", "holds", "waivers")) {
      s.putObject(key);
    }
    return new Submission(s);
  }

  /** Returns the untagged JSON document; callers must not change it. */
  public ObjectNode toJson() {
    return state;
  }

  public Submission copy() {
    return new Submission(state.deepCopy());
  }

  // Reading

  public Long submissionId() {
    JsonNode id = state.get("submission_id");
    return id == null || id.isNull() ? null : id.asLong();
  }

  public Agent creator() {
    return Agent.fromJson(state.get("creator"));
  }

  public Timestamp created() {
    return timestamp("created");
  }

  public Timestamp updated() {
    return timestamp("updated");
  }

  public Timestamp submitted() {
    return timestamp("submitted");
  }

  private Timestamp timestamp(String key) {
    String text = text(state, key);
    return text == null ? null : Timestamp.parse(text);
  }

  public String status() {
    return text(state, "status");
  }

  public int version() {
    return state.path("version").asInt(1);
  }

  public String arxivId() {
    return text(state, "arxiv_id");
  }

  /** Returns whether the status is neither working nor deleted. */
  public boolean isFinalized() {
    String status = status();
    return !WORKING.equals(status) && !DELETED.equals(status);
  }

  public boolean isAnnounced() {
    return ANNOUNCED.equals(status());
  }

  /** Returns whether the submission is neither deleted nor announced. */
  public boolean isActive() {
    String status = status();
    return !DELETED.equals(status) && !ANNOUNCED.equals(status);
  }

  public ObjectNode metadata() {
    return (ObjectNode) state.get("metadata");
  }

  public String title() {
    return text(metadata(), "title");
  }

  public String abstractText() {
    return text(metadata(), "abstract");
  }

  /** Returns the primary category, or null when none is set. */
  public String primaryCategory() {
    return text(state.path("primary_classification"), "category");
  }

  /** Returns the secondary (cross-list) categories in order. */
  public List<String> secondaryCategories() {
    List<String> categories = new ArrayList<>();
    for (JsonNode classification : state.path("secondary_classification")) {
      String category = text(classification, "category");
      if (category != null) {
        categories.add(category);
      }
    }
    return categories;
  }

  /** Returns the source package object, or null when no source is attached. */
  public ObjectNode sourceContent() {
    return objectOrNull("source_content");
  }

  public ObjectNode preview() {
    return objectOrNull("preview");
  }

  public Agent proxy() {
    JsonNode proxy = state.get("proxy");
    return proxy == null || proxy.isNull() ? null : Agent.fromJson(proxy);
  }

  private ObjectNode objectOrNull(String key) {
    JsonNode value = state.get(key);
    return value != null && value.isObject() ? (ObjectNode) value : null;
  }

  /** Returns the flags in insertion order. */
  public List<FlagEntry> flags() {
    List<FlagEntry> flags = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : entries("flags")) {
      JsonNode flag = entry.getValue();
      flags.add(new FlagEntry(entry.getKey(), text(flag, "flag_datatype"),
          text(flag, "flag_type"), text(flag, "field")));
    }
    return flags;
  }

  /** Returns the holds in insertion order. */
  public List<HoldEntry> holds() {
    List<HoldEntry> holds = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : entries("holds")) {
      holds.add(new HoldEntry(entry.getKey(), text(entry.getValue(), "hold_type"),
          text(entry.getValue(), "hold_reason")));
    }
    return holds;
  }

  /** Returns the kinds of hold that are not waived, which make a submitted submission held. */
  public boolean isOnHold() {
    Set<String> waived = new java.util.HashSet<>();
    entries("waivers").forEach(w -> waived.add(text(w.getValue(), "waiver_type")));
    return SUBMITTED.equals(status())
        && holds().stream().anyMatch(h -> !waived.contains(h.holdType()));
  }

  /** Returns the feature annotations in insertion order. */
  public List<FeatureEntry> features() {
    List<FeatureEntry> features = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : entries("annotations")) {
      JsonNode annotation = entry.getValue();
      if ("Feature".equals(text(annotation, "annotation_type"))) {
        features.add(new FeatureEntry(entry.getKey(), text(annotation, "feature_type"),
            annotation.path("feature_value").numberValue()));
      }
    }
    return features;
  }

  /** Returns the classifier results annotations in insertion order, each as its result list. */
  public List<List<ClassifierScore>> classifierResults() {
    List<List<ClassifierScore>> all = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : entries("annotations")) {
      JsonNode annotation = entry.getValue();
      if ("ClassifierResults".equals(text(annotation, "annotation_type"))) {
        List<ClassifierScore> results = new ArrayList<>();
        for (JsonNode result : annotation.path("results")) {
          results.add(new ClassifierScore(text(result, "category"),
              result.path("probability").asDouble()));
        }
        all.add(results);
      }
    }
    return all;
  }

  /** Returns the proposals in insertion order. */
  public List<ProposalEntry> proposals() {
    List<ProposalEntry> proposals = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : entries("proposals")) {
      JsonNode proposal = entry.getValue();
      proposals.add(new ProposalEntry(entry.getKey(),
          text(proposal.path("proposed_event_type"), "__name__"), text(proposal, "status"),
          text(proposal.path("creator"), "agent_type")));
    }
    return proposals;
  }

  /** Returns whether a user request is pending or approved. */
  public boolean hasActiveRequests() {
    for (Map.Entry<String, JsonNode> entry : entries("user_requests")) {
      String status = text(entry.getValue(), "status");
      if ("pending".equals(status) || "approved".equals(status)) {
        return true;
      }
    }
    return false;
  }

  private List<Map.Entry<String, JsonNode>> entries(String key) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    JsonNode map = state.get(key);
    if (map != null && map.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
      fields.forEachRemaining(entries::add);
    }
    return entries;
  }

  // Changing (used by the projection)

  /** Sets a top-level field. */
  public void set(String key, JsonNode value) {
    state.set(key, value == null ? JsonNodeFactory.instance.nullNode() : value);
  }

  public void put(String key, String value) {
    state.put(key, value);
  }

  public void put(String key, boolean value) {
    state.put(key, value);
  }

  /** Returns the keyed collection ({@code flags}, {@code holds}, ...), creating it if absent. */
  public ObjectNode map(String key) {
    JsonNode map = state.get(key);
    if (map == null || !map.isObject()) {
      return state.putObject(key);
    }
    return (ObjectNode) map;
  }

  /** Returns the list field ({@code processes}, ...), creating it if absent. */
  public ArrayNode list(String key) {
    JsonNode list = state.get(key);
    if (list == null || !list.isArray()) {
      return state.putArray(key);
    }
    return (ArrayNode) list;
  }

  public JsonNode get(String key) {
    return state.get(key);
  }

  static String text(JsonNode json, String key) {
    JsonNode value = json == null ? null : json.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, Set<JsonNodeType>> fieldTypes() {
    Set<JsonNodeType> object = Set.of(JsonNodeType.OBJECT);
    Set<JsonNodeType> objectOrNull = Set.of(JsonNodeType.OBJECT, JsonNodeType.NULL);
    Set<JsonNodeType> textOrNull = Set.of(JsonNodeType.STRING, JsonNodeType.NULL);
    Set<JsonNodeType> boolOrNull = Set.of(JsonNodeType.BOOLEAN, JsonNodeType.NULL);
    Set<JsonNodeType> array = Set.of(JsonNodeType.ARRAY);
    Map<String, Set<JsonNodeType>> types = new LinkedHashMap<>();
    types.put("creator", object);
    types.put("owner", object);
    types.put("proxy", objectOrNull);
    types.put("client", objectOrNull);
    types.put("created", textOrNull);
    types.put("updated", textOrNull);
    types.put("submitted", textOrNull);
    types.put("submission_id", Set.of(JsonNodeType.NUMBER, JsonNodeType.NULL));
    types.put("source_content", objectOrNull);
    types.put("preview", objectOrNull);
    types.put("metadata", object);
    types.put("primary_classification", objectOrNull);
    types.put("secondary_classification", array);
    types.put("submitter_contact_verified", boolOrNull);
    types.put("submitter_is_author", boolOrNull);
    types.put("submitter_accepts_policy", boolOrNull);
    types.put("is_source_processed", boolOrNull);
    types.put("submitter_confirmed_preview", boolOrNull);
    types.put("license", objectOrNull);
    types.put("status", Set.of(JsonNodeType.STRING));
    types.put("arxiv_id", textOrNull);
    types.put("version", Set.of(JsonNodeType.NUMBER));
    types.put("reason_for_withdrawal", textOrNull);
    types.put("versions", array);
    types.put("user_requests", object);
    types.put("proposals", object);
    types.put("processes", array);
    types.put("annotations", object);
    types.put("flags", object);
    types.put("comments", object);
    types.put("holds", object);
    types.put("waivers", object);
    return Map.copyOf(types);
  }

  /** A flag: the id of the event that added it, its datatype, type and metadata field. */
  public record FlagEntry(String eventId, String datatype, String flagType, String field) {}

  /** A hold: the id of the event that placed it, its type and reason. */
  public record HoldEntry(String eventId, String holdType, String reason) {}

  /** A feature annotation: the id of the event that added it, its type and value. */
  public record FeatureEntry(String eventId, String featureType, Number value) {}

  /** One category score of a classifier results annotation. */
  public record ClassifierScore(String category, double probability) {}

  /** A proposal: its id, the proposed event type name, its status and its creator's kind. */
  public record ProposalEntry(String eventId, String proposedEventType, String status,
      String creatorType) {}

  @Override
  public boolean equals(Object other) {
    return other instanceof Submission s && s.state.equals(state);
  }

  @Override
  public int hashCode() {
    return state.hashCode();
  }

  @Override
  public String toString() {
    return "Submission[" + submissionId() + ", " + status() + "]";
  }
}
