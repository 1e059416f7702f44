package org.arxiv.submission.agent.store;

/** The agent database failed; the operation was rolled back and may be tried again. */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
