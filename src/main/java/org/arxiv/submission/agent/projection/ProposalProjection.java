package org.arxiv.submission.agent.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.ProposalStatus;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AcceptProposal;
import org.arxiv.submission.agent.domain.event.AddProposal;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.domain.event.RejectProposal;
import org.arxiv.submission.agent.wire.Json;

/**
 * Events that propose a change for a moderator or the agent to accept, and that accept or
 * reject the proposal.
 */
final class ProposalProjection {

  private ProposalProjection() {}

  /** Registers the proposal events; a proposal is validated as the event it proposes. */
  static void register(EventHandlers table) {
    table.on(AddProposal.class, (data, event, state) -> validateAdd(table, data, event, state),
        ProposalProjection::addProposal);
    table.on(RejectProposal.class,
        (data, event, state) -> requirePending(data, data.proposalId(), state),
        (data, event, after, clock) ->
            decide(after, event, data.proposalId(), ProposalStatus.REJECTED, data.comment()));
    // NOTE: accepting a proposal does not apply the proposed event here. The original emits
    // that event as a separate consequence after this one is stored, so the caller must too.
    table.on(AcceptProposal.class,
        (data, event, state) -> requirePending(data, data.proposalId(), state),
        (data, event, after, clock) ->
            decide(after, event, data.proposalId(), ProposalStatus.ACCEPTED, data.comment()));
  }

  /**
   * Rejects a proposal whose event would be rejected now. The proposed event is built from the
   * proposal's data with the proposal's creator, and its own validation runs on the state. The
   * rejection names AddProposal and quotes the proposed event's reason; the original raised the
   * proposed event's own rejection instead.
   */
  private static void validateAdd(
      EventHandlers table, AddProposal data, Event event, Submission state)
      throws InvalidEvent {
    EventTypeRef type = data.proposedEventType();
    if (type == null) {
      throw new InvalidEvent(data, "proposed_event_type is missing");
    }
    EventData proposed;
    try {
      proposed = Json.mapper().treeToValue(data.proposedEventData(), type.eventClass());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidEvent(data, "proposed_event_data is not a valid " + type.name() + ": "
          + e.getMessage());
    }
    try {
      table.validate(Event.create(event.creator(), event.submissionId(), proposed), state);
    } catch (InvalidEvent e) {
      InvalidEvent rejected = new InvalidEvent(data,
          "proposed " + e.eventType() + " would be rejected: " + e.reason());
      rejected.initCause(e);
      throw rejected;
    }
  }

  private static void addProposal(AddProposal data, Event event, Submission after, Clock clock) {
    String comment = data.comment() == null ? "" : data.comment();
    StateObjects.Proposal proposal = new StateObjects.Proposal(event.eventId(), event.creator(),
        event.created(), event.proxy(), data.proposedEventType(),
        data.proposedEventData().deepCopy(), List.of(comment(event, comment)),
        ProposalStatus.PENDING);
    after.map("proposals").set(event.eventId(), StateObjects.tree(proposal));
  }

  /** Rejects a decision on a proposal that is unknown or already accepted or rejected. */
  private static void requirePending(EventData data, String proposalId, Submission state)
      throws InvalidEvent {
    JsonNode proposals = state.get("proposals");
    JsonNode proposal = proposals == null || proposalId == null ? null : proposals.get(proposalId);
    if (proposal == null || !proposal.isObject()) {
      throw new InvalidEvent(data, "submission has no proposal " + proposalId);
    }
    String status = StateObjects.textOrNull(proposal, "status");
    if (!ProposalStatus.PENDING.wireValue().equals(status)) {
      throw new InvalidEvent(data, "proposal " + proposalId + " is already " + status);
    }
  }

  /** Sets the proposal's status and appends the comment, if any, under this event's id. */
  private static void decide(
      Submission after, Event event, String proposalId, ProposalStatus status, String comment) {
    ObjectNode proposal = (ObjectNode) after.map("proposals").get(proposalId);
    proposal.put("status", status.wireValue());
    if (comment != null && !comment.isEmpty()) {
      JsonNode comments = proposal.get("comments");
      ArrayNode list = comments != null && comments.isArray()
          ? (ArrayNode) comments : proposal.putArray("comments");
      list.add(StateObjects.tree(comment(event, comment)));
    }
  }

  private static StateObjects.Comment comment(Event event, String body) {
    return new StateObjects.Comment(event.eventId(), event.creator(), event.created(),
        event.proxy(), body);
  }
}
