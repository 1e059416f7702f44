package org.arxiv.submission.agent.domain.event;

/** Rejects a user request. */
public record RejectRequest(String requestId) implements EventData {
}
