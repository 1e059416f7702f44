package org.arxiv.submission.agent.domain.event;

/** Submits the submission for announcement. */
public record FinalizeSubmission() implements EventData {}
