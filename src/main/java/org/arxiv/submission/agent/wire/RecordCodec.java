package org.arxiv.submission.agent.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.EventTypes;

/**
 * Decodes and encodes stream records in the original producer's format: the UTF-8 JSON
 * document {@code {"event": ..., "before": ..., "after": ...}}.
 *
 * <p>Encoding reproduces the original's bytes, so a decoded record encodes to the same text.
 * Datetimes are decoded only at the keys where the schema has them, so a title that looks like
 * a date stays a string.
 */
public final class RecordCodec {

  private static final Set<String> COMMON_KEYS =
      Set.of("creator", "created", "proxy", "client", "submission_id", "committed", "before",
          "after", "event_type", "event_version", "__type__");

  private static final ObjectMapper MAPPER = Json.mapper();

  private RecordCodec() {}

  /**
   * Decodes the data of one stream record.
   *
   * @throws MissingRecordKeyException when the data is a JSON object with none of {@code
   *     event}, {@code before} and {@code after}, such as the producers' health check
   * @throws RecordDecodeException when the data is not JSON in UTF-8, not an object, lacks one
   *     or two of the three keys, names an unknown event type or has a field of the wrong shape
   */
  public static StreamRecord decode(byte[] data) throws RecordDecodeException {
    try {
      return decodeDocument(MAPPER.readTree(data));
    } catch (JsonProcessingException e) {
      throw new RecordDecodeException("record is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RecordDecodeException("record is not readable: " + e.getMessage(), e);
    }
  }

  /** Decodes the JSON text of one stream record; see {@link #decode(byte[])}. */
  public static StreamRecord decode(String text) throws RecordDecodeException {
    try {
      return decodeDocument(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw new RecordDecodeException("record is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static StreamRecord decodeDocument(JsonNode document) throws RecordDecodeException {
    if (document == null || !document.isObject()) {
      throw new RecordDecodeException("record is not a JSON object");
    }
    List<String> missing = new ArrayList<>();
    for (String key : new String[] {"event", "before", "after"}) {
      if (!document.has(key)) {
        missing.add(key);
      }
    }
    if (missing.size() == 3) {
      throw new MissingRecordKeyException(missing.get(0));
    }
    if (!missing.isEmpty()) {
      throw new RecordDecodeException("record is missing \"" + missing.get(0) + "\"");
    }
    try {
      Event event = decodeEvent(document.get("event"));
      Submission before = decodeState(document.get("before"));
      Submission after = decodeState(document.get("after"));
      if (after == null) {
        throw new RecordDecodeException("record has a null \"after\" state");
      }
      return new StreamRecord(event, before, after);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new RecordDecodeException("invalid record: " + messageOf(e), e);
    }
  }

  /**
   * Decodes an event object, tagged or not. The event's states take over their parts of the
   * tree, so the caller must not change {@code json} afterwards.
   *
   * @throws RecordDecodeException when the event type is unknown
   * @throws IllegalArgumentException when a field has the wrong shape
   */
  public static Event decodeEvent(JsonNode json)
      throws RecordDecodeException, JsonProcessingException {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("event must be a JSON object");
    }
    String eventType = json.path("event_type").asText(null);
    Class<? extends EventData> type = EventTypes.forName(eventType);
    if (type == null) {
      throw new RecordDecodeException("unknown event type \"" + eventType + "\"");
    }
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> entries = json.fields();
    entries.forEachRemaining(e -> {
      if (!COMMON_KEYS.contains(e.getKey())) {
        fields.set(e.getKey(), e.getValue());
      }
    });
    EventData data = MAPPER.treeToValue(fields, type);
    JsonNode submissionId = json.get("submission_id");
    if (submissionId != null && !submissionId.isNull() && !submissionId.isIntegralNumber()) {
      throw new IllegalArgumentException("submission_id must be an integer or null");
    }
    return new Event(
        Agent.fromJson(json.get("creator")),
        timestampOrNull(json.get("created")),
        agentOrNull(json.get("proxy")),
        agentOrNull(json.get("client")),
        submissionId == null || submissionId.isNull() ? null : submissionId.asLong(),
        json.path("committed").asBoolean(false),
        decodeState(json.get("before")),
        decodeState(json.get("after")),
        json.path("event_version").asText(Event.CORE_VERSION),
        data);
  }

  // The tree comes from parsing this record only, so the state can take it over uncopied.
  private static Submission decodeState(JsonNode json) {
    if (json == null || json.isNull()) {
      return null;
    }
    if (!json.isObject()) {
      throw new IllegalArgumentException("submission must be a JSON object, got " + json);
    }
    return Submission.adopt((ObjectNode) json);
  }

  private static Agent agentOrNull(JsonNode json) {
    return json == null || json.isNull() ? null : Agent.fromJson(json);
  }

  private static Timestamp timestampOrNull(JsonNode json) {
    if (json == null || json.isNull()) {
      return null;
    }
    if (!json.isTextual()) {
      throw new IllegalArgumentException("created must be a datetime string, got " + json);
    }
    return Timestamp.parse(json.textValue());
  }

  /** Returns the record's JSON text as the original serializer writes it. */
  public static String encode(StreamRecord record) {
    // Written piece by piece so that the states get their tag without being copied.
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("{\"event\": ");
    PythonJson.append(encodeEvent(record.event()), out);
    out.append(", \"before\": ");
    if (record.before() == null) {
      out.append("null");
    } else {
      PythonJson.appendWithField(record.before().toJson(), "__type__", "submission", out);
    }
    out.append(", \"after\": ");
    PythonJson.appendWithField(record.after().toJson(), "__type__", "submission", out);
    return out.append('}').toString();
  }

  /** Returns the record's UTF-8 bytes; see {@link #encode(StreamRecord)}. */
  public static byte[] encodeBytes(StreamRecord record) {
    return encode(record).getBytes(StandardCharsets.US_ASCII);
  }

  /** Encodes an event with its {@code "__type__": "event"} tag and untagged nested states. */
  public static ObjectNode encodeEvent(Event event) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode json = f.objectNode();
    json.set("creator", event.creator().toJson());
    json.set("created", event.created() == null ? f.nullNode() : f.textNode(event.created().toString()));
    json.set("proxy", event.proxy() == null ? f.nullNode() : event.proxy().toJson());
    json.set("client", event.client() == null ? f.nullNode() : event.client().toJson());
    json.set("submission_id",
        event.submissionId() == null ? f.nullNode() : f.numberNode(event.submissionId()));
    json.put("committed", event.committed());
    json.set("before", event.before() == null ? f.nullNode() : event.before().toJson());
    json.set("after", event.after() == null ? f.nullNode() : event.after().toJson());
    json.put("event_type", event.eventType());
    json.put("event_version", event.eventVersion());
    json.setAll((ObjectNode) MAPPER.valueToTree(event.data()));
    json.put("__type__", "event");
    return json;
  }

  private static String messageOf(Exception e) {
    if (e instanceof JsonProcessingException jpe) {
      Throwable cause = jpe.getCause();
      return cause != null && cause.getMessage() != null ? cause.getMessage()
          : jpe.getOriginalMessage();
    }
    return e.getMessage();
  }
}
