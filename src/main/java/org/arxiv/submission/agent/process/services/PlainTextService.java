package org.arxiv.submission.agent.process.services;

/** The plain-text extraction service, which turns a compiled source package into text. */
public interface PlainTextService {

  /** Requests extraction; returns normally when it started or was already requested. */
  void requestExtraction(String sourceId, String checksum) throws Exception;

  /**
   * Returns whether the extraction has finished; false while it is still running.
   *
   * @throws org.arxiv.submission.agent.process.StepFailed when the extraction failed
   */
  boolean isExtractionComplete(String sourceId, String checksum) throws Exception;

  /** Returns the extracted text. */
  String retrieveContent(String sourceId, String checksum) throws Exception;
}
