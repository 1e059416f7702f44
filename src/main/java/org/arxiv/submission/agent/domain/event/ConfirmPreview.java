package org.arxiv.submission.agent.domain.event;

/** The submitter confirms the preview with the given checksum. */
public record ConfirmPreview(String previewChecksum) implements EventData {
}
