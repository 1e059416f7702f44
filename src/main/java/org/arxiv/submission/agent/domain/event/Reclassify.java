package org.arxiv.submission.agent.domain.event;

/** Moderators change the primary category. */
public record Reclassify(String category) implements EventData {
}
