package org.arxiv.submission.agent.domain.event;

/** Attaches a new source package. */
public record SetUploadPackage(
    String identifier,
    String checksum,
    Long uncompressedSize,
    Long compressedSize,
    String sourceFormat)
    implements EventData {

  public SetUploadPackage {
    if (identifier == null) {
      identifier = "";
    }
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
