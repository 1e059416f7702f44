package org.arxiv.submission.agent.wire;

import java.util.Objects;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;

/**
 * One stream record: an event with the submission states before and after it. {@code before}
 * is null only for {@code CreateSubmission}.
 */
public record StreamRecord(Event event, Submission before, Submission after) {

  public StreamRecord {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(after, "after");
  }
}
