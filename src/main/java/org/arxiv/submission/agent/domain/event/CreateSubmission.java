package org.arxiv.submission.agent.domain.event;

/** Creates a submission; its id is assigned only after the record is published. */
public record CreateSubmission() implements EventData {}
