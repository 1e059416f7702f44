package org.arxiv.submission.agent.stream;

/**
 * A call to the stream service that failed, such as listing the shards while the service is
 * unreachable. The message names the call and the stream, and callers retry or report it.
 */
public final class StreamUnavailableException extends RuntimeException {

  public StreamUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
