package org.arxiv.submission.agent.process.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.arxiv.submission.agent.domain.MetadataFlagType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Submission.FlagEntry;
import org.arxiv.submission.agent.domain.event.AddMetadataFlag;
import org.arxiv.submission.agent.domain.event.RemoveFlag;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.ProcessServices.Candidate;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.process.text.TitleTokens;
import org.arxiv.submission.agent.rules.PolicyConfig;

/**
 * CheckForSimilarTitles: flag the title as a possible duplicate of each recent submission whose
 * title has a Jaccard similarity above TITLE_SIMILARITY_THRESHOLD, after removing the flags of
 * an earlier check.
 */
public final class CheckForSimilarTitles {

  public static final String NAME = "CheckForSimilarTitles";
  static final String COMMENT = "possible duplicate title";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CheckForSimilarTitles() {}

  /** Returns the process definition: find the candidates, then compare and flag. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(
        new Step("get_candidates", RetryPolicies.unlimited(2, 2),
            CheckForSimilarTitles::getCandidates),
        new Step("check_for_duplicates", RetryPolicies.standard(),
            CheckForSimilarTitles::checkForDuplicates)));
  }

  /**
   * Returns the recent submissions as a JSON array of {@code {submission_id, title, owner}}.
   * The window ends at the triggering event's time, not at the time the step runs, so a replayed
   * event compares with the same submissions.
   */
  static JsonNode getCandidates(StepContext context) throws Exception {
    String title = StepInputs.after(context).title();
    ArrayNode candidates = JSON.arrayNode();
    if (title == null || title.isEmpty()) {
      return candidates;
    }
    if (TitleTokens.tokens(title).isEmpty()) {
      throw new StepFailed("No usable tokens in title \"" + title + "\"");
    }

    Instant since = windowEnd(context).minus(window(context));
    for (Candidate candidate : context.services().recentSubmissions(context.submissionId(),
        since)) {
      ObjectNode row = candidates.addObject();
      row.put("submission_id", candidate.submissionId());
      row.put("title", candidate.title());
      row.set("owner", candidate.owner() == null ? JSON.nullNode() : candidate.owner().toJson());
    }
    return candidates;
  }

  private static Instant windowEnd(StepContext context) {
    var created = context.trigger().event().created();
    return created != null ? created.toInstant() : context.clock().instant();
  }

  private static Duration window(StepContext context) {
    double days = StepInputs.number(context, PolicyConfig.TITLE_SIMILARITY_WINDOW);
    return Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis()));
  }

  static JsonNode checkForDuplicates(StepContext context) {
    Submission after = StepInputs.after(context);
    String title = after.title();
    if (title == null || title.isEmpty()) {
      return null;
    }
    double threshold = StepInputs.number(context, PolicyConfig.TITLE_SIMILARITY_THRESHOLD);
    JsonNode candidates = context.previousResult();
    if (candidates == null || !candidates.isArray()) {
      throw new StepFailed("check_for_duplicates needs the candidates from get_candidates");
    }

    removeDuplicateFlags(context, after);
    Set<String> tokens = TitleTokens.tokens(title);
    for (JsonNode candidate : candidates) {
      String candidateTitle = candidate.path("title").asText("");
      if (candidateTitle.isEmpty()) {
        continue;
      }
      double similarity = TitleTokens.jaccard(tokens, TitleTokens.tokens(candidateTitle));
      if (similarity > threshold) {
        context.emit(new AddMetadataFlag(flagData(candidate, candidateTitle, similarity), COMMENT,
            MetadataFlagType.POSSIBLE_DUPLICATE_TITLE, "title"));
      }
    }
    return null;
  }

  private static void removeDuplicateFlags(StepContext context, Submission after) {
    for (FlagEntry flag : after.flags()) {
      if ("MetadataFlag".equals(flag.datatype())
          && MetadataFlagType.POSSIBLE_DUPLICATE_TITLE.wireValue().equals(flag.flagType())) {
        context.emit(new RemoveFlag(flag.eventId()));
      }
    }
  }

  /**
   * Returns the flag data with the original's keys and order. The title is the matching
   * candidate's, so a moderator sees which title this one may duplicate. The original wrote this
   * submission's own title there.
   */
  private static ObjectNode flagData(JsonNode candidate, String candidateTitle,
      double similarity) {
    ObjectNode data = JSON.objectNode();
    data.set("submission_id", candidate.path("submission_id"));
    data.put("title", candidateTitle);
    data.set("owner", candidate.hasNonNull("owner") ? candidate.get("owner") : JSON.nullNode());
    data.put("similarity", similarity);
    return data;
  }
}
