package org.arxiv.submission.agent.process.services;

/** The file manager service, which stores uploaded source packages. */
public interface FileManagerService {

  /** Returns the content of the upload's source package and its checksum. */
  ContentStream uploadContent(String uploadId) throws Exception;
}
