package org.arxiv.submission.agent.domain.event;

/** Applies an approved user request. */
public record ApplyRequest(String requestId) implements EventData {
}
