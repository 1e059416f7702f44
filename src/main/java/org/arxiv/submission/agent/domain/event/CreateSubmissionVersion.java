package org.arxiv.submission.agent.domain.event;

/** Starts a new version of an announced submission. */
public record CreateSubmissionVersion() implements EventData {}
