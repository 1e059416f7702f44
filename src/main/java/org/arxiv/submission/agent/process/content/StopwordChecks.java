package org.arxiv.submission.agent.process.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.arxiv.submission.agent.domain.ContentFlagType;
import org.arxiv.submission.agent.domain.FeatureType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Submission.FeatureEntry;
import org.arxiv.submission.agent.domain.event.AddContentFlag;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.wire.Json;

/**
 * CheckStopwordPercent and CheckStopwordCount: flag content whose stopword share or count, as
 * the classifier measured it, is below the policy minimum. Few stopwords suggest that the text
 * is not prose, for example a scan or a data table.
 */
public final class StopwordChecks {

  public static final String PERCENT_PROCESS = "CheckStopwordPercent";
  public static final String COUNT_PROCESS = "CheckStopwordCount";
  static final String COMMENT = "Classifier reports low stops or %stops";

  private StopwordChecks() {}

  /** Returns CheckStopwordPercent, which compares the %stop feature with LOW_STOP_PERCENT. */
  public static ProcessDefinition percentDefinition() {
    return new ProcessDefinition(PERCENT_PROCESS, List.of(new Step("check_stop_percent",
        RetryPolicies.standard(), context -> check(context, FeatureType.STOPWORD_PERCENT,
            PolicyConfig.LOW_STOP_PERCENT, ContentFlagType.LOW_STOP_PERCENT,
            "No stopword percentage feature on submission"))));
  }

  /** Returns CheckStopwordCount, which compares the stops feature with LOW_STOP. */
  public static ProcessDefinition countDefinition() {
    return new ProcessDefinition(COUNT_PROCESS, List.of(new Step("check_stop_count",
        RetryPolicies.standard(), context -> check(context, FeatureType.STOPWORD_COUNT,
            PolicyConfig.LOW_STOP, ContentFlagType.LOW_STOP,
            "No stopword count feature on submission"))));
  }

  /**
   * Flags the content when the newest feature of the type is below the threshold. The newest
   * feature is the classifier's latest measurement, so its value is both compared and reported.
   * The original compared the oldest feature but reported the triggering event's value.
   */
  private static JsonNode check(StepContext context, FeatureType type, String thresholdKey,
      ContentFlagType flagType, String missingMessage) {
    Submission after = StepInputs.after(context);
    double threshold = StepInputs.number(context, thresholdKey);
    FeatureEntry newest = newestFeature(after, type);
    if (newest == null) {
      throw new StepFailed(missingMessage);
    }
    if (newest.value() == null) {
      throw new StepFailed(type.wireValue() + " feature " + newest.eventId() + " has no value");
    }

    if (newest.value().doubleValue() < threshold) {
      JsonNode value = Json.mapper().valueToTree(newest.value());
      context.emit(new AddContentFlag(value, COMMENT, flagType));
    }
    return null;
  }

  private static FeatureEntry newestFeature(Submission after, FeatureType type) {
    FeatureEntry newest = null;
    for (FeatureEntry feature : after.features()) {
      if (type.wireValue().equals(feature.featureType())) {
        newest = feature;
      }
    }
    return newest;
  }
}
