package org.arxiv.submission.agent.domain.event;

/** The submitter confirms their contact information. */
public record ConfirmContactInformation() implements EventData {}
