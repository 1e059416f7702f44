package org.arxiv.submission.agent.domain.event;

/** Sets the primary category. */
public record SetPrimaryClassification(String category) implements EventData {
}
