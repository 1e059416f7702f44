package org.arxiv.submission.agent.domain.event;

/** Records a change of the attached source package. */
public record UpdateUploadPackage(
    String checksum,
    Long uncompressedSize,
    Long compressedSize,
    String sourceFormat)
    implements EventData {

  public UpdateUploadPackage {
    if (checksum == null) {
      checksum = "";
    }
    if (uncompressedSize == null) {
      uncompressedSize = 0L;
    }
    if (compressedSize == null) {
      compressedSize = 0L;
    }
    SourceFormats.validate(sourceFormat);
  }
}
