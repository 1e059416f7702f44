package org.arxiv.submission.agent.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.HoldType;
import org.arxiv.submission.agent.domain.ProcessStatusValue;
import org.arxiv.submission.agent.domain.ProposalStatus;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.ClassifierResult;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.wire.Json;

/**
 * The objects that projections add to a submission state. Each record's components are the
 * object's keys in wire order, and {@link #tree} turns a record into the JSON the state stores.
 */
final class StateObjects {

  /** The request status that a new user request gets. */
  static final String PENDING = "pending";

  private StateObjects() {}

  record SourceContent(
      String identifier,
      String checksum,
      long uncompressedSize,
      long compressedSize,
      String sourceFormat) {}

  record Preview(
      long sourceId,
      String sourceChecksum,
      String previewChecksum,
      long sizeBytes,
      Timestamp added) {}

  record License(String uri, String name) {}

  record Classification(String category) {}

  record Feature(
      String eventId,
      Agent creator,
      Timestamp created,
      String featureType,
      Agent proxy,
      Number featureValue,
      String annotationType) {}

  record ClassifierResults(
      String eventId,
      Agent creator,
      Timestamp created,
      Agent proxy,
      String classifier,
      List<ClassifierResult> results,
      String annotationType) {}

  /** A content or user flag; {@code flagDatatype} is the Python class name of the flag. */
  record Flag(
      String eventId,
      Agent creator,
      Timestamp created,
      JsonNode flagData,
      String comment,
      Agent proxy,
      String flagDatatype,
      String flagType) {}

  /** A flag on one metadata field, which comes after the fields that all flags have. */
  record MetadataFlag(
      String eventId,
      Agent creator,
      Timestamp created,
      JsonNode flagData,
      String comment,
      Agent proxy,
      String flagDatatype,
      String flagType,
      String field) {}

  record Hold(
      String eventId, Agent creator, Timestamp created, HoldType holdType, String holdReason) {}

  record Waiver(
      String eventId, HoldType waiverType, String waiverReason, Timestamp created, Agent creator) {}

  /** A process state; the original drops the event's process id here. */
  record ProcessStatus(
      Agent creator,
      Timestamp created,
      String process,
      String step,
      ProcessStatusValue status,
      String reason) {}

  record Comment(String eventId, Agent creator, Timestamp created, Agent proxy, String body) {}

  record Proposal(
      String eventId,
      Agent creator,
      Timestamp created,
      Agent proxy,
      EventTypeRef proposedEventType,
      JsonNode proposedEventData,
      List<Comment> comments,
      ProposalStatus status) {}

  record WithdrawalRequest(
      String requestId,
      Agent creator,
      Timestamp created,
      Timestamp updated,
      String status,
      String requestType,
      String reasonForWithdrawal) {}

  record CrossListClassificationRequest(
      String requestId,
      Agent creator,
      Timestamp created,
      Timestamp updated,
      String status,
      String requestType,
      List<Classification> classifications) {}

  /**
   * Returns the JSON object of a record, with its integers in the node types that decoding the
   * same text gives, so that a projected state equals the decoded one.
   */
  static ObjectNode tree(Record value) {
    return (ObjectNode) compactIntegers(Json.mapper().valueToTree(value));
  }

  /** Returns the text at {@code key} of a JSON object, or null when it is missing or null. */
  static String textOrNull(JsonNode object, String key) {
    JsonNode value = object == null ? null : object.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Returns the integer node that decoding the number's text would give. */
  static JsonNode integer(long value) {
    return value == (int) value
        ? IntNode.valueOf((int) value)
        : JsonNodeFactory.instance.numberNode(value);
  }

  // Jackson writes a long component as a LongNode but reads an integer that fits in 32 bits as
  // an IntNode, and the two nodes are never equal.
  private static JsonNode compactIntegers(JsonNode node) {
    if (node.isLong()) {
      return integer(node.longValue());
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(compactIntegers(field.getValue()));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, compactIntegers(array.get(i)));
      }
    }
    return node;
  }
}
