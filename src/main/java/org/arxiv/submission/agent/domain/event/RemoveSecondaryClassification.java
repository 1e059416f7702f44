package org.arxiv.submission.agent.domain.event;

/** Removes a cross-list category. */
public record RemoveSecondaryClassification(String category) implements EventData {
}
