package org.arxiv.submission.agent.process.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddProposal;
import org.arxiv.submission.agent.domain.event.AddSecondaryClassification;
import org.arxiv.submission.agent.domain.event.EventTypeRef;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.rules.PolicyConfig;

/**
 * ProposeCrossListFromPrimaryCategory: propose the cross-list category that AUTO_CROSS_FOR_PRIMARY
 * pairs with the primary category, unless the submission already has it.
 */
public final class ProposeCrossListFromPrimaryCategory {

  public static final String NAME = "ProposeCrossListFromPrimaryCategory";

  private ProposeCrossListFromPrimaryCategory() {}

  /** Returns the process definition with its one step. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(new Step("propose", RetryPolicies.standard(),
        ProposeCrossListFromPrimaryCategory::propose)));
  }

  static JsonNode propose(StepContext context) {
    Submission after = StepInputs.after(context);
    String primary = after.primaryCategory();
    if (primary == null) {
      throw new StepFailed("the submission has no primary category");
    }
    String secondary =
        StepInputs.stringMap(context, PolicyConfig.AUTO_CROSS_FOR_PRIMARY).get(primary);
    if (secondary == null || after.secondaryCategories().contains(secondary)) {
      return null;
    }

    context.emit(new AddProposal(EventTypeRef.of(AddSecondaryClassification.class),
        JsonNodeFactory.instance.objectNode().put("category", secondary),
        primary + " is primary"));
    return null;
  }
}
