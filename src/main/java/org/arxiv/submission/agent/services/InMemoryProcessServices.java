package org.arxiv.submission.agent.services;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.process.ProcessServices;

/**
 * Process services over submissions held in memory, for the dry run, which must not write to
 * the database. It answers the same questions as the database-backed services.
 */
public final class InMemoryProcessServices implements ProcessServices {

  private static final Set<String> CANDIDATE_STATUSES =
      Set.of(Submission.SUBMITTED, Submission.SCHEDULED, Submission.DELETED);

  private final Map<Long, Submission> submissions = new LinkedHashMap<>();

  /** Remembers the latest state of a submission; states without an id are ignored. */
  public void remember(Submission state) {
    Long id = state.submissionId();
    if (id != null) {
      Submission stored = submissions.get(id);
      if (stored == null || stored.updated() == null || state.updated() == null
          || state.updated().compareTo(stored.updated()) >= 0) {
        submissions.put(id, state);
      }
    }
  }

  @Override
  public List<Candidate> recentSubmissions(Long excludeSubmissionId, Instant since) {
    List<Candidate> candidates = new ArrayList<>();
    for (Submission state : submissions.values()) {
      if (state.submissionId().equals(excludeSubmissionId) || state.title() == null
          || !CANDIDATE_STATUSES.contains(state.status()) || state.created() == null
          || state.created().toInstant().isBefore(since)) {
        continue;
      }
      candidates.add(new Candidate(state.submissionId(), state.title(),
          Agent.fromJson(state.get("owner"))));
    }
    return candidates;
  }
}
