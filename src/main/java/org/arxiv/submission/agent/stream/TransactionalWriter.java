package org.arxiv.submission.agent.stream;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.arxiv.submission.agent.stream.StreamPublisher.OutgoingRecord;

/**
 * Writes records for the stream inside a database transaction, so that they are published if
 * and only if the transaction commits. The embedded stream appends to its table directly; an
 * external stream writes to an outbox that a relay publishes from.
 */
@FunctionalInterface
public interface TransactionalWriter {

  void write(Connection connection, List<OutgoingRecord> records) throws SQLException;
}
