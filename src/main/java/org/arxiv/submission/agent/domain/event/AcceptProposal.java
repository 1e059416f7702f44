package org.arxiv.submission.agent.domain.event;

/** Accepts a pending proposal. */
public record AcceptProposal(
    String proposalId,
    String comment)
    implements EventData {
}
