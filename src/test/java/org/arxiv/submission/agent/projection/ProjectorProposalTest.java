package org.arxiv.submission.agent.projection;

import static org.arxiv.submission.agent.projection.Fixtures.SYSTEM;
import static org.arxiv.submission.agent.projection.Fixtures.apply;
import static org.arxiv.submission.agent.projection.Fixtures.assertRejected;
import static org.arxiv.submission.agent.projection.Fixtures.event;
import static org.arxiv.submission.agent.projection.Fixtures.submitted;
import static org.arxiv.submission.agent.projection.Fixtures.userEndorsedFor;
import static org.arxiv.submission.agent.projection.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.AcceptProposal;
import org.arxiv.submission.agent.domain.event.AddProposal;
import org.arxiv.submission.agent.domain.event.AddSecondaryClassification;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.domain.event.RejectProposal;
import org.arxiv.submission.agent.domain.event.SetPrimaryClassification;
import org.arxiv.submission.agent.domain.event.SetUploadPackage;
import org.junit.jupiter.api.Test;

class ProjectorProposalTest {

  private static final Timestamp DECIDED = Timestamp.parse("2020-03-03T11:00:00.500000+00:00");

  private static AddProposal proposeCategory(
      Class<? extends EventData> type, String category, String comment) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("category", category);
    return new AddProposal(EventTypeRef.of(type), data, comment);
  }

  private static Event decision(EventData data) {
    return new Event(SYSTEM, DECIDED, null, null, 1L, false, null, null, null, data);
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void proposalRequiresEventType() {
    AddProposal proposal =
        new AddProposal(null, JsonNodeFactory.instance.objectNode(), "no type");

    assertRejected(submitted(), event(SYSTEM, proposal))
        .hasMessage("Invalid AddProposal: proposed_event_type is missing");
  }

  @Test
  void proposalRejectedWhenProposedEventInvalid() {
    AddProposal proposal = proposeCategory(AddSecondaryClassification.class, "astro-ph.GA", "");

    assertRejected(submitted(), event(SYSTEM, proposal))
        .hasMessage("Invalid AddProposal: proposed AddSecondaryClassification would be rejected:"
            + " astro-ph.GA is already the primary category")
        .cause().isInstanceOf(InvalidEvent.class)
        .hasMessageStartingWith("Invalid AddSecondaryClassification: ");
  }

  @Test
  void proposalValidatedAsProposer() throws Exception {
    AddProposal proposal = proposeCategory(SetPrimaryClassification.class, "cs.AI", null);

    Submission bySystem = apply(working(), event(SYSTEM, proposal));

    assertThat(bySystem.proposals()).hasSize(2);
    assertRejected(working(), event(userEndorsedFor("astro-ph.*"), proposal))
        .hasMessageContaining("creator is not endorsed for cs.AI");
  }

  @Test
  void proposalRejectsMalformedData() {
    ObjectNode data = JsonNodeFactory.instance.objectNode()
        .put("identifier", "1")
        .put("source_format", "zip");
    AddProposal proposal = new AddProposal(EventTypeRef.of(SetUploadPackage.class), data, null);

    assertRejected(working(), event(SYSTEM, proposal))
        .hasMessageContaining("proposed_event_data is not a valid SetUploadPackage");
  }

  @Test
  void proposalStoredPendingWithComment() throws Exception {
    Event event = event(SYSTEM, proposeCategory(AddSecondaryClassification.class, "cs.AI", null));

    Submission after = apply(submitted(), event);

    JsonNode proposal = after.map("proposals").get(event.eventId());
    assertThat(keys(proposal)).containsExactly("event_id", "creator", "created", "proxy",
        "proposed_event_type", "proposed_event_data", "comments", "status");
    assertThat(proposal.get("status").textValue()).isEqualTo("pending");
    JsonNode comment = proposal.get("comments").get(0);
    assertThat(keys(comment)).containsExactly("event_id", "creator", "created", "proxy", "body");
    assertThat(comment.get("event_id").textValue()).isEqualTo(event.eventId());
    assertThat(comment.get("body").textValue()).isEmpty();
    assertThat(after.secondaryCategories()).doesNotContain("cs.AI");
  }

  @Test
  void rejectProposalAppendsComment() throws Exception {
    Event proposed = event(SYSTEM, proposeCategory(AddSecondaryClassification.class, "cs.AI", ""));
    Submission before = apply(submitted(), proposed);
    Event reject = decision(new RejectProposal(proposed.eventId(), "not relevant"));

    Submission after = apply(before, reject);

    JsonNode proposal = after.map("proposals").get(proposed.eventId());
    assertThat(proposal.get("status").textValue()).isEqualTo("rejected");
    assertThat(proposal.get("comments")).hasSize(2);
    assertThat(proposal.get("comments").get(1).get("event_id").textValue())
        .isEqualTo(reject.eventId());
    assertThat(proposal.get("comments").get(1).get("body").textValue())
        .isEqualTo("not relevant");
  }

  @Test
  void decisionWithoutCommentAddsNone() throws Exception {
    Event proposed = event(SYSTEM, proposeCategory(AddSecondaryClassification.class, "cs.AI", ""));
    Submission before = apply(submitted(), proposed);

    Submission rejected = apply(before, decision(new RejectProposal(proposed.eventId(), "")));
    Submission accepted = apply(before, decision(new AcceptProposal(proposed.eventId(), null)));

    assertThat(rejected.map("proposals").get(proposed.eventId()).get("comments")).hasSize(1);
    assertThat(accepted.map("proposals").get(proposed.eventId()).get("comments")).hasSize(1);
  }

  @Test
  void acceptLeavesProposedChangeUnapplied() throws Exception {
    Event proposed = event(SYSTEM, proposeCategory(AddSecondaryClassification.class, "cs.AI", ""));
    Submission before = apply(submitted(), proposed);

    Submission after = apply(before, decision(new AcceptProposal(proposed.eventId(), "ok")));

    assertThat(after.map("proposals").get(proposed.eventId()).get("status").textValue())
        .isEqualTo("accepted");
    assertThat(after.secondaryCategories()).isEqualTo(before.secondaryCategories());
  }

  @Test
  void decisionsNeedPendingProposal() throws Exception {
    Event proposed = event(SYSTEM, proposeCategory(AddSecondaryClassification.class, "cs.AI", ""));
    Submission pending = apply(submitted(), proposed);
    String id = proposed.eventId();
    Submission accepted = apply(pending, decision(new AcceptProposal(id, null)));
    Submission rejected = apply(pending, decision(new RejectProposal(id, null)));

    assertRejected(pending, decision(new AcceptProposal("unknown", null)))
        .hasMessageContaining("submission has no proposal unknown");
    assertRejected(pending, decision(new RejectProposal(null, null)))
        .hasMessageContaining("submission has no proposal null");
    assertRejected(accepted, decision(new AcceptProposal(id, null)))
        .hasMessageContaining("is already accepted");
    assertRejected(accepted, decision(new RejectProposal(id, null)))
        .hasMessageContaining("is already accepted");
    assertRejected(rejected, decision(new AcceptProposal(id, null)))
        .hasMessageContaining("is already rejected");
    assertRejected(rejected, decision(new RejectProposal(id, null)))
        .hasMessageContaining("is already rejected");
  }
}
