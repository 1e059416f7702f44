package org.arxiv.submission.agent.process.classification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.arxiv.submission.agent.domain.Agent.AgentType;
import org.arxiv.submission.agent.domain.ProposalStatus;
import org.arxiv.submission.agent.domain.Submission.ProposalEntry;
import org.arxiv.submission.agent.domain.event.AcceptProposal;
import org.arxiv.submission.agent.domain.event.AddSecondaryClassification;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepInputs;

/**
 * AcceptSystemCrossListProposals: accept every pending cross-list proposal that a System agent
 * made, so that automatic cross-lists need no moderator. Proposals of other kinds are left for
 * moderators.
 */
public final class AcceptSystemCrossListProposals {

  public static final String NAME = "AcceptSystemCrossListProposals";
  static final String COMMENT = "accept cross-list proposal from system";

  private AcceptSystemCrossListProposals() {}

  /** Returns the process definition with its one step. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(new Step("accept", RetryPolicies.standard(),
        AcceptSystemCrossListProposals::accept)));
  }

  static JsonNode accept(StepContext context) {
    for (ProposalEntry proposal : StepInputs.after(context).proposals()) {
      if (AddSecondaryClassification.class.getSimpleName().equals(proposal.proposedEventType())
          && ProposalStatus.PENDING.wireValue().equals(proposal.status())
          && AgentType.SYSTEM.wireValue().equals(proposal.creatorType())) {
        context.emit(new AcceptProposal(proposal.eventId(), COMMENT));
      }
    }
    return null;
  }
}
