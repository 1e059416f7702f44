package org.arxiv.submission.agent.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A reference to an event class, which proposals carry as the event to apply when they are
 * accepted. On the wire it is the Python class object written as {@code {"__module__": ...,
 * "__name__": ..., "__type__": "type"}}.
 */
public record EventTypeRef(String module, String name) {

  /** The module of every event class defined in the original's main event module. */
  public static final String EVENT_MODULE = "arxiv.submission.domain.event";

  public EventTypeRef {
    if (module == null || !(module.startsWith("arxiv.submission") || module.startsWith("submission"))) {
      throw new IllegalArgumentException(
          "invalid event type module \"" + module + "\"; only arxiv.submission event classes can be "
              + "referenced");
    }
    if (EventTypes.forName(name) == null) {
      throw new IllegalArgumentException("unknown event type \"" + name + "\" in type reference");
    }
  }

  /** Returns a reference to one of the event classes of the main event module. */
  public static EventTypeRef of(Class<? extends EventData> type) {
    return new EventTypeRef(EVENT_MODULE, type.getSimpleName());
  }

  /**
   * Decodes a {@code "__type__": "type"} object.
   *
   * @throws IllegalArgumentException when the object is not a type tag or names no event class
   */
  public static EventTypeRef fromJson(JsonNode json) {
    if (json == null || !json.isObject() || !"type".equals(json.path("__type__").asText())) {
      throw new IllegalArgumentException("expected a {\"__type__\": \"type\"} object, got " + json);
    }
    return new EventTypeRef(json.path("__module__").asText(null), json.path("__name__").asText(null));
  }

  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("__module__", module);
    json.put("__name__", name);
    json.put("__type__", "type");
    return json;
  }

  /** Returns the record class of the referenced event type. */
  public Class<? extends EventData> eventClass() {
    return EventTypes.forName(name);
  }
}
