package org.arxiv.submission.agent.process.services;

/** The preview service, which stores the compiled PDF previews of source packages. */
public interface PreviewService {

  /** Returns the preview of the source package with this checksum, and the preview checksum. */
  ContentStream preview(String sourceId, String sourceChecksum) throws Exception;
}
