package org.arxiv.submission.agent.process.services;

import java.io.InputStream;

/** The legacy filesystem service, where the classic system reads sources and previews. */
public interface LegacyFilesystemService {

  /** Stores the source package of a submission; returns the checksum the service computed. */
  String depositSource(long submissionId, InputStream content, String checksum) throws Exception;

  /** Stores the PDF preview of a submission; returns the checksum the service computed. */
  String depositPreview(long submissionId, InputStream content, String checksum)
      throws Exception;
}
