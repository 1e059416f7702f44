package org.arxiv.submission.agent.process.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arxiv.submission.agent.domain.Taxonomy;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Submission.ClassifierScore;
import org.arxiv.submission.agent.domain.event.AddProposal;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.domain.event.SetPrimaryClassification;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.process.text.PythonRound;
import org.arxiv.submission.agent.rules.PolicyConfig;

/**
 * ProposeReclassification: when the classifier scores the chosen primary category low, propose
 * the best-scoring category instead, preferring one in the same archive.
 */
public final class ProposeReclassification {

  public static final String NAME = "ProposeReclassification";

  /**
   * Probability at which the classifier is taken to confirm the chosen primary category. The
   * original hard-codes it rather than reading it from the policy.
   */
  static final double PRIMARY_CONFIRMED = 0.5;

  private ProposeReclassification() {}

  /** Returns the process definition with its one step. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(new Step("propose_primary",
        RetryPolicies.standard(), ProposeReclassification::proposePrimary)));
  }

  static JsonNode proposePrimary(StepContext context) {
    Submission after = StepInputs.after(context);
    String primary = after.primaryCategory();
    if (primary == null) {
      throw new StepFailed("the submission has no primary category");
    }
    List<ClassifierScore> scores = newestResults(after);
    if (scores.isEmpty() || isExempt(context, primary)) {
      return null;
    }
    Map<String, Double> byCategory = new LinkedHashMap<>();
    scores.forEach(score -> byCategory.put(score.category(), score.probability()));
    Double primaryScore = byCategory.get(primary);
    if (primaryScore != null && primaryScore >= PRIMARY_CONFIRMED) {
      return null;
    }

    String suggestion = suggest(scores, primary,
        StepInputs.number(context, PolicyConfig.RECLASSIFY_PROPOSAL_THRESHOLD));
    if (suggestion != null) {
      context.emit(new AddProposal(EventTypeRef.of(SetPrimaryClassification.class),
          JsonNodeFactory.instance.objectNode().put("category", suggestion),
          comment(primary, primaryScore)));
    }
    return null;
  }

  /**
   * Returns the results of the newest classifier annotation, which reflects the current source.
   * The original used the oldest.
   */
  private static List<ClassifierScore> newestResults(Submission after) {
    List<List<ClassifierScore>> annotations = after.classifierResults();
    if (annotations.isEmpty()) {
      throw new StepFailed("the submission has no classifier results to reclassify by");
    }
    return annotations.get(annotations.size() - 1);
  }

  private static boolean isExempt(StepContext context, String primary) {
    return StepInputs.strings(context, PolicyConfig.NO_RECLASSIFY_CATEGORIES).contains(primary)
        || StepInputs.strings(context, PolicyConfig.NO_RECLASSIFY_ARCHIVES)
            .contains(archive(primary));
  }

  /**
   * Returns the best category in the primary's archive if it reaches the threshold, else the best
   * in another archive if that does, else null. Ties go to the category listed first. The
   * primary itself is never proposed, which matters only for a threshold below 0.5.
   */
  static String suggest(List<ClassifierScore> scores, String primary, double threshold) {
    String archive = archive(primary);
    ClassifierScore within = null;
    ClassifierScore without = null;
    for (ClassifierScore score : scores) {
      if (archive(score.category()).equals(archive)) {
        within = better(within, score);
      } else {
        without = better(without, score);
      }
    }
    for (ClassifierScore best : new ClassifierScore[] {within, without}) {
      if (best != null && best.probability() >= threshold) {
        return best.category().equals(primary) ? null : best.category();
      }
    }
    return null;
  }

  private static ClassifierScore better(ClassifierScore best, ClassifierScore score) {
    return best == null || score.probability() > best.probability() ? score : best;
  }

  private static String archive(String category) {
    return Taxonomy.archiveOf(category).orElseThrow(
        () -> new StepFailed("cannot reclassify: unknown category \"" + category + "\""));
  }

  private static String comment(String primary, Double primaryScore) {
    if (primaryScore == null) {
      return "selected primary " + primary + " not found in classifier scores";
    }
    return "selected primary " + primary + " has probability "
        + PythonRound.roundedText(primaryScore, 3);
  }
}
