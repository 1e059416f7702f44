package org.arxiv.submission.agent.process.services;

/** The compiler service, which builds the PDF of a source package. */
public interface CompilerService {

  /** Returns the state of the PDF compilation of the source package with this checksum. */
  PdfStatus pdfStatus(String sourceId, String checksum) throws Exception;

  /** The state of a compilation; {@code sizeBytes} is set only when it completed. */
  record PdfStatus(State state, Long sizeBytes) {}

  /** Compilation states. */
  enum State {
    IN_PROGRESS,
    COMPLETED,
    FAILED
  }
}
