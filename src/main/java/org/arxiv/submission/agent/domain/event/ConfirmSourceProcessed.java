package org.arxiv.submission.agent.domain.event;

import org.arxiv.submission.agent.domain.Timestamp;

/** Records that the source was compiled into a preview. */
public record ConfirmSourceProcessed(
    Long sourceId,
    String sourceChecksum,
    String previewChecksum,
    Long sizeBytes,
    Timestamp added)
    implements EventData {

  public ConfirmSourceProcessed {
    if (sourceId == null) {
      sourceId = -1L;
    }
    if (sourceChecksum == null) {
      sourceChecksum = "";
    }
    if (previewChecksum == null) {
      previewChecksum = "";
    }
    if (sizeBytes == null) {
      sizeBytes = -1L;
    }
  }
}
