package org.arxiv.submission.agent.domain.event;

/** Adds a cross-list category. */
public record AddSecondaryClassification(String category) implements EventData {
}
