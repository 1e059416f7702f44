package org.arxiv.submission.agent.domain.event;

/** The submitter accepts the submission policy. */
public record ConfirmPolicy() implements EventData {}
