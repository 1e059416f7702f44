package org.arxiv.submission.agent.domain.event;

/** Approves a user request. */
public record ApproveRequest(String requestId) implements EventData {
}
