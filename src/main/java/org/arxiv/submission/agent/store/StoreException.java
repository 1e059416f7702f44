package org.arxiv.submission.agent.store;

/** The agent database failed; the operation was rolled back and may be tried again. */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Returns whether the database rolled the transaction back because of a conflict with
   * another transaction (a deadlock or serialization failure, SQLState class 40), which a
   * retry resolves.
   */
  public boolean isTransactionConflict() {
    for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && sql.getSQLState().startsWith("40")) {
        return true;
      }
    }
    return false;
  }
}
