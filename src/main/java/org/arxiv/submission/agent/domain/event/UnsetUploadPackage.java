package org.arxiv.submission.agent.domain.event;

/** Detaches the source package. */
public record UnsetUploadPackage() implements EventData {}
