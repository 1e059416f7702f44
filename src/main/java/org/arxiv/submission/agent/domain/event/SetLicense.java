package org.arxiv.submission.agent.domain.event;

/** Sets the license; the URI is required when it is applied. */
public record SetLicense(
    String licenseName,
    String licenseUri)
    implements EventData {
}
