package org.arxiv.submission.agent.domain.event;

/** Cancels a user request. */
public record CancelRequest(String requestId) implements EventData {
}
