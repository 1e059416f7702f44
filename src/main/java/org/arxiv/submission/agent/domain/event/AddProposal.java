package org.arxiv.submission.agent.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Proposes an event for a moderator, or the agent, to accept. */
public record AddProposal(
    EventTypeRef proposedEventType,
    JsonNode proposedEventData,
    String comment)
    implements EventData {

  public AddProposal {
    if (proposedEventData == null) {
      proposedEventData = JsonNodeFactory.instance.objectNode();
    }
  }
}
