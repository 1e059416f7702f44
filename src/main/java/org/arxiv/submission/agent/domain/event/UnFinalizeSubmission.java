package org.arxiv.submission.agent.domain.event;

/** Returns a submitted submission to work. */
public record UnFinalizeSubmission() implements EventData {}
