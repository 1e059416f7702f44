package org.arxiv.submission.agent.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who is responsible for an event: a {@code User}, a {@code System} component or an API
 * {@code Client}.
 *
 * <p>{@code nativeId} keeps its JSON type because legacy user ids are numbers on the wire. Users
 * have 13 keys on the wire, System and Client agents 8.
 */
public record Agent(
    JsonNode nativeId,
    String hostname,
    String name,
    String username,
    String email,
    List<String> endorsements,
    String forename,
    String surname,
    String suffix,
    String identifier,
    String affiliation,
    AgentType agentType,
    String agentIdentifier) {

  /** The three agent kinds; the wire value is the Python class name. */
  public enum AgentType {
    USER("User"),
    SYSTEM("System"),
    CLIENT("Client");

    private final String wireValue;

    AgentType(String wireValue) {
      this.wireValue = wireValue;
    }

    public String wireValue() {
      return wireValue;
    }

    /** Returns the kind for its wire value, or null when the value names no kind. */
    public static AgentType fromWire(String value) {
      for (AgentType type : values()) {
        if (type.wireValue.equals(value)) {
          return type;
        }
      }
      return null;
    }
  }

  public Agent {
    Objects.requireNonNull(nativeId, "nativeId");
    Objects.requireNonNull(agentType, "agentType");
    endorsements = List.copyOf(endorsements);
  }

  /**
   * Returns the System agent that the original names after a process or component; the
   * identifier is the SHA-1 of {@code "System:" + name}, as the original computes it.
   */
  public static Agent system(String name) {
    TextNode id = TextNode.valueOf(name);
    return new Agent(id, name, name, name, "", List.of(), "", "", "", null, "",
        AgentType.SYSTEM, Hashing.sha1Hex("System:" + name));
  }

  /**
   * Decodes an agent object as the original's agent factory does: {@code agent_type} and
   * {@code native_id} are required, unknown keys are dropped, and the fields that the kind
   * derives from others are derived again.
   *
   * @throws IllegalArgumentException naming the missing or invalid key
   */
  public static Agent fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("agent must be a JSON object, got " + json);
    }
    AgentType type = AgentType.fromWire(text(json, "agent_type", ""));
    if (type == null) {
      throw new IllegalArgumentException(
          "invalid agent_type " + json.get("agent_type") + "; expected User, System or Client");
    }
    JsonNode nativeId = json.get("native_id");
    if (nativeId == null || nativeId.isNull() || nativeId.asText().isEmpty()) {
      throw new IllegalArgumentException("agent is missing native_id");
    }
    String nativeText = nativeId.asText();
    String forename = text(json, "forename", "");
    String surname = text(json, "surname", "");
    String suffix = text(json, "suffix", "");
    String email = text(json, "email", "");
    List<String> endorsements = new ArrayList<>();
    JsonNode endorsementsJson = json.get("endorsements");
    if (endorsementsJson != null && endorsementsJson.isArray()) {
      endorsementsJson.forEach(e -> endorsements.add(e.asText()));
    }
    String agentIdentifier = text(json, "agent_identifier", "");
    return switch (type) {
      case USER -> new Agent(nativeId, text(json, "hostname", null),
          forename + " " + surname + " " + suffix, text(json, "username", ""), email,
          endorsements, forename, surname, suffix, text(json, "identifier", null),
          text(json, "affiliation", ""), type, agentIdentifier);
      case SYSTEM -> new Agent(nativeId, nativeText, nativeText, nativeText, email, endorsements,
          "", "", "", null, "", type, agentIdentifier);
      case CLIENT -> new Agent(nativeId, text(json, "hostname", null), nativeText, nativeText,
          email, endorsements, "", "", "", null, "", type, agentIdentifier);
    };
  }

  private static String text(JsonNode json, String key, String fallback) {
    JsonNode value = json.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    return value.asText();
  }

  /** Encodes the agent with the keys of its kind, in the original's field order. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("native_id", nativeId);
    json.put("hostname", hostname);
    json.put("name", name);
    json.put("username", username);
    json.put("email", email);
    ArrayNode endorsementsJson = json.putArray("endorsements");
    endorsements.forEach(endorsementsJson::add);
    if (agentType == AgentType.USER) {
      json.put("forename", forename);
      json.put("surname", surname);
      json.put("suffix", suffix);
      json.put("identifier", identifier);
      json.put("affiliation", affiliation);
    }
    json.put("agent_type", agentType.wireValue());
    json.put("agent_identifier", agentIdentifier);
    return json;
  }

  /** Returns the native id as text, as Python's {@code str(native_id)} gives it. */
  public String nativeIdText() {
    return nativeId.asText();
  }

  public boolean isUser() {
    return agentType == AgentType.USER;
  }

  public boolean isSystem() {
    return agentType == AgentType.SYSTEM;
  }
}
