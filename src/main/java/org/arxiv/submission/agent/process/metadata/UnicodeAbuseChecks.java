package org.arxiv.submission.agent.process.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.arxiv.submission.agent.domain.MetadataFlagType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Submission.FlagEntry;
import org.arxiv.submission.agent.domain.event.AddMetadataFlag;
import org.arxiv.submission.agent.domain.event.RemoveFlag;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.process.text.AsciiProportion;
import org.arxiv.submission.agent.rules.PolicyConfig;

/**
 * CheckTitleForUnicodeAbuse and CheckAbstractForUnicodeAbuse: flag a title or abstract whose
 * share of ASCII characters is below METADATA_ASCII_THRESHOLD, replacing the flags of an earlier
 * check of the same field.
 */
public final class UnicodeAbuseChecks {

  public static final String TITLE_PROCESS = "CheckTitleForUnicodeAbuse";
  public static final String ABSTRACT_PROCESS = "CheckAbstractForUnicodeAbuse";
  static final String COMMENT = "Possible excessive use of non-ASCII characters.";

  private UnicodeAbuseChecks() {}

  /** Returns CheckTitleForUnicodeAbuse. */
  public static ProcessDefinition titleDefinition() {
    return new ProcessDefinition(TITLE_PROCESS, List.of(new Step("check_title",
        RetryPolicies.standard(), context -> check(context, "title", Submission::title))));
  }

  /** Returns CheckAbstractForUnicodeAbuse. */
  public static ProcessDefinition abstractDefinition() {
    return new ProcessDefinition(ABSTRACT_PROCESS, List.of(new Step("check_abstract",
        RetryPolicies.standard(),
        context -> check(context, "abstract", Submission::abstractText))));
  }

  /**
   * Checks the field. A missing value fails the step before any flag is removed, so a failed
   * check leaves the earlier flags in place.
   */
  private static JsonNode check(StepContext context, String field,
      Function<Submission, String> reader) {
    Submission after = StepInputs.after(context);
    String value = reader.apply(after);
    if (value == null || value.isEmpty()) {
      throw new StepFailed("the submission has no " + field + " to check");
    }
    double threshold = StepInputs.number(context, PolicyConfig.METADATA_ASCII_THRESHOLD);

    removeCharacterSetFlags(context, after, field);
    double level = AsciiProportion.of(value);
    if (level < threshold) {
      ObjectNode data = JsonNodeFactory.instance.objectNode().put("ascii", level);
      context.emit(new AddMetadataFlag(data, COMMENT, MetadataFlagType.CHARACTER_SET, field));
    }
    return null;
  }

  private static void removeCharacterSetFlags(StepContext context, Submission after,
      String field) {
    for (FlagEntry flag : after.flags()) {
      if ("MetadataFlag".equals(flag.datatype())
          && MetadataFlagType.CHARACTER_SET.wireValue().equals(flag.flagType())
          && field.equals(flag.field())) {
        context.emit(new RemoveFlag(flag.eventId()));
      }
    }
  }
}
