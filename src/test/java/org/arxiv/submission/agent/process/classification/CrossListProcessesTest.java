package org.arxiv.submission.agent.process.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AcceptProposal;
import org.arxiv.submission.agent.domain.event.AddProposal;
import org.arxiv.submission.agent.domain.event.AddSecondaryClassification;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.domain.event.SetPrimaryClassification;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepRun;
import org.arxiv.submission.agent.process.TestStates;
import org.junit.jupiter.api.Test;

class CrossListProcessesTest {

  private static List<Event> propose(Submission after) throws Exception {
    return StepRun.of(ProposeCrossListFromPrimaryCategory.definition()).after(after)
        .step("propose");
  }

  private static List<Event> accept(Submission after) throws Exception {
    return StepRun.of(AcceptSystemCrossListProposals.definition())
        .event(Agent.system("ProposeCrossListFromPrimaryCategory"),
            new AddProposal(EventTypeRef.of(SetPrimaryClassification.class), null, ""))
        .after(after).step("accept");
  }

  @Test
  void machineLearningGetsStatisticsCrossList() throws Exception {
    List<Event> emitted = propose(TestStates.submission().primary("cs.LG").build());

    assertThat(emitted).hasSize(1);
    AddProposal proposal = (AddProposal) emitted.get(0).data();
    assertThat(proposal.proposedEventType())
        .isEqualTo(EventTypeRef.of(AddSecondaryClassification.class));
    assertThat(proposal.proposedEventData().get("category").asText()).isEqualTo("stat.ML");
    assertThat(proposal.comment()).isEqualTo("cs.LG is primary");
    assertThat(propose(TestStates.submission().primary("stat.ML").build())).hasSize(1);
  }

  @Test
  void existingCrossListIsNotProposed() throws Exception {
    Submission after = TestStates.submission().primary("cs.LG").secondary("math.OC")
        .secondary("stat.ML").build();

    assertThat(propose(after)).isEmpty();
  }

  @Test
  void unmappedPrimaryProposesNothing() throws Exception {
    assertThat(propose(TestStates.submission().primary("astro-ph.GA").build())).isEmpty();
  }

  @Test
  void missingPrimaryFails() {
    assertThatThrownBy(() -> propose(TestStates.submission().build()))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("no primary category");
  }

  @Test
  void pendingSystemCrossListsAreAccepted() throws Exception {
    Submission after = TestStates.submission()
        .proposal("p1", "AddSecondaryClassification", "pending", "System")
        .proposal("p2", "AddSecondaryClassification", "pending", "User")
        .proposal("p3", "AddSecondaryClassification", "accepted", "System")
        .proposal("p4", "SetPrimaryClassification", "pending", "System")
        .proposal("p5", "AddSecondaryClassification", "rejected", "System")
        .proposal("p6", "AddSecondaryClassification", "pending", "System")
        .build();

    assertThat(accept(after)).extracting(Event::data).containsExactly(
        new AcceptProposal("p1", "accept cross-list proposal from system"),
        new AcceptProposal("p6", "accept cross-list proposal from system"));
  }

  @Test
  void noProposalsAcceptNothing() throws Exception {
    assertThat(accept(TestStates.submission().build())).isEmpty();
  }
}
