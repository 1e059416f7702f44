package org.arxiv.submission.agent.domain.event;

/** Withdraws the processed-source confirmation and the preview. */
public record UnConfirmSourceProcessed() implements EventData {}
