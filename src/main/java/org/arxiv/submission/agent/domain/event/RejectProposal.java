package org.arxiv.submission.agent.domain.event;

/** Rejects a pending proposal. */
public record RejectProposal(
    String proposalId,
    String comment)
    implements EventData {
}
