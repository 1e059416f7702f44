package org.arxiv.submission.agent.services;

import java.time.Instant;
import java.util.List;
import org.arxiv.submission.agent.process.ProcessServices;
import org.arxiv.submission.agent.store.Database;
import org.arxiv.submission.agent.store.SubmissionStore;

/** The services processes use, backed by the agent database. */
public final class StoreProcessServices implements ProcessServices {

  private final Database database;
  private final SubmissionStore submissions;

  public StoreProcessServices(Database database, SubmissionStore submissions) {
    this.database = database;
    this.submissions = submissions;
  }

  @Override
  public List<Candidate> recentSubmissions(Long excludeSubmissionId, Instant since) {
    return database.inTransaction(
        c -> submissions.recentFinalized(c, excludeSubmissionId, since));
  }
}
