package org.arxiv.submission.agent.process;

import java.time.Instant;
import java.util.List;
import org.arxiv.submission.agent.domain.Agent;

/**
 * The outside world as processes see it. A service that is not configured is absent, and the
 * steps that need it fail with a reason that names the missing setting.
 */
public interface ProcessServices {

  /** A recent submission whose title a new title is compared with. */
  record Candidate(long submissionId, String title, Agent owner) {}

  /**
   * Returns the finalized submissions, other than {@code excludeSubmissionId}, created at or
   * after {@code since}, from the agent's own store of submissions seen on the stream.
   */
  List<Candidate> recentSubmissions(Long excludeSubmissionId, Instant since) throws Exception;
}
