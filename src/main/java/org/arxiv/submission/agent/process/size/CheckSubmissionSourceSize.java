package org.arxiv.submission.agent.process.size;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.arxiv.submission.agent.domain.HoldType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.rules.PolicyConfig;

/**
 * CheckSubmissionSourceSize: hold a submission whose source package is larger than
 * UNCOMPRESSED_PACKAGE_MAX_BYTES unpacked or COMPRESSED_PACKAGE_MAX_BYTES packed, and release the
 * hold once both sizes are within the limits.
 */
public final class CheckSubmissionSourceSize {

  public static final String NAME = "CheckSubmissionSourceSize";

  private CheckSubmissionSourceSize() {}

  /** Returns the process definition with its one step. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(new Step("check", RetryPolicies.standard(),
        CheckSubmissionSourceSize::check)));
  }

  static JsonNode check(StepContext context) {
    Submission after = StepInputs.after(context);
    long uncompressed = size(after, "uncompressed_size");
    long compressed = size(after, "compressed_size");
    long maxUncompressed =
        StepInputs.integer(context, PolicyConfig.UNCOMPRESSED_PACKAGE_MAX_BYTES);
    long maxCompressed = StepInputs.integer(context, PolicyConfig.COMPRESSED_PACKAGE_MAX_BYTES);

    boolean oversize = uncompressed > maxUncompressed || compressed > maxCompressed;
    String reason = uncompressed + " bytes; " + compressed + " bytes compressed";
    OversizeHolds.apply(context, after, HoldType.SOURCE_OVERSIZE, oversize, reason, reason);
    return null;
  }

  private static long size(Submission after, String key) {
    JsonNode source = after.sourceContent();
    JsonNode size = source == null ? null : source.get(key);
    if (size == null || !size.isIntegralNumber()) {
      throw new StepFailed("the source package has no integer " + key);
    }
    return size.longValue();
  }
}
