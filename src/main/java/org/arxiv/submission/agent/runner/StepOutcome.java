package org.arxiv.submission.agent.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;

/** What one attempt of a step came to. */
public sealed interface StepOutcome {

  /** The step succeeded with a result for the next step and the events it emitted. */
  record Succeeded(JsonNode result, List<Event> emitted) implements StepOutcome {}

  /** The step failed transiently and runs again after {@code delay}. */
  record Retry(Duration delay, String error) implements StepOutcome {}

  /** The step failed for good, or used up its retries; the process stops. */
  record Failed(String reason) implements StepOutcome {}
}
