package org.arxiv.submission.agent.domain.event;

/** Deletes a first version, or returns to the previous announced version. */
public record Rollback() implements EventData {}
