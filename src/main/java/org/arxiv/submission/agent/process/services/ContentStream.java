package org.arxiv.submission.agent.process.services;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Content fetched from a service with the checksum that the service reported for it (the
 * {@code ETag}). The caller closes it.
 */
public record ContentStream(InputStream content, String checksum) implements Closeable {

  @Override
  public void close() throws IOException {
    content.close();
  }
}
