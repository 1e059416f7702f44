package org.arxiv.submission.agent.rules;

import static org.arxiv.submission.agent.rules.Condition.always;
import static org.arxiv.submission.agent.rules.Condition.feature;
import static org.arxiv.submission.agent.rules.Condition.isSystem;
import static org.arxiv.submission.agent.rules.Condition.isUser;
import static org.arxiv.submission.agent.rules.PolicyConfig.AUTO_CROSS_FOR_PRIMARY;
import static org.arxiv.submission.agent.rules.PolicyConfig.COMPRESSED_PACKAGE_MAX_BYTES;
import static org.arxiv.submission.agent.rules.PolicyConfig.LOW_STOP;
import static org.arxiv.submission.agent.rules.PolicyConfig.LOW_STOP_PERCENT;
import static org.arxiv.submission.agent.rules.PolicyConfig.METADATA_ASCII_THRESHOLD;
import static org.arxiv.submission.agent.rules.PolicyConfig.NO_RECLASSIFY_ARCHIVES;
import static org.arxiv.submission.agent.rules.PolicyConfig.NO_RECLASSIFY_CATEGORIES;
import static org.arxiv.submission.agent.rules.PolicyConfig.PDF_LIMIT_BYTES;
import static org.arxiv.submission.agent.rules.PolicyConfig.RECLASSIFY_PROPOSAL_THRESHOLD;
import static org.arxiv.submission.agent.rules.PolicyConfig.TITLE_SIMILARITY_THRESHOLD;
import static org.arxiv.submission.agent.rules.PolicyConfig.TITLE_SIMILARITY_WINDOW;
import static org.arxiv.submission.agent.rules.PolicyConfig.UNCOMPRESSED_PACKAGE_MAX_BYTES;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.FeatureType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddClassifierResults;
import org.arxiv.submission.agent.domain.event.AddFeature;
import org.arxiv.submission.agent.domain.event.AddProposal;
import org.arxiv.submission.agent.domain.event.ConfirmPreview;
import org.arxiv.submission.agent.domain.event.FinalizeSubmission;
import org.arxiv.submission.agent.domain.event.SetAbstract;
import org.arxiv.submission.agent.domain.event.SetTitle;
import org.arxiv.submission.agent.domain.event.SetUploadPackage;
import org.arxiv.submission.agent.domain.event.UpdateUploadPackage;

/**
 * The rules, in order, and the policy settings they pass on. For an event, every rule registered
 * for its exact type is tested in registration order, and each rule whose condition is true
 * starts one process with the current policy values as parameters.
 */
public final class RuleRegistry {

  private static final List<String> RECLASSIFICATION_PARAMS = List.of(NO_RECLASSIFY_CATEGORIES,
      NO_RECLASSIFY_ARCHIVES, RECLASSIFY_PROPOSAL_THRESHOLD, AUTO_CROSS_FOR_PRIMARY);
  private static final List<String> SOURCE_SIZE_PARAMS =
      List.of(UNCOMPRESSED_PACKAGE_MAX_BYTES, COMPRESSED_PACKAGE_MAX_BYTES);

  private final List<Rule> rules;
  private final PolicyConfig config;

  public RuleRegistry(List<Rule> rules, PolicyConfig config) {
    this.rules = List.copyOf(rules);
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Returns the registry with the 16 rules of the original agent, in its order. */
  public static RuleRegistry standard(PolicyConfig config) {
    return new RuleRegistry(standardRules(), config);
  }

  private static List<Rule> standardRules() {
    return List.of(
        new Rule(ConfirmPreview.class, isUser(), List.of(), "RunAutoclassifier"),
        new Rule(AddFeature.class, feature(FeatureType.STOPWORD_PERCENT),
            List.of(LOW_STOP_PERCENT), "CheckStopwordPercent"),
        new Rule(AddFeature.class, feature(FeatureType.STOPWORD_COUNT), List.of(LOW_STOP),
            "CheckStopwordCount"),
        new Rule(FinalizeSubmission.class, always(), List.of(), "SendConfirmationEmail"),
        new Rule(SetTitle.class, isUser(),
            List.of(TITLE_SIMILARITY_WINDOW, TITLE_SIMILARITY_THRESHOLD), "CheckForSimilarTitles"),
        new Rule(SetTitle.class, isUser(), List.of(METADATA_ASCII_THRESHOLD),
            "CheckTitleForUnicodeAbuse"),
        new Rule(SetAbstract.class, isUser(), List.of(METADATA_ASCII_THRESHOLD),
            "CheckAbstractForUnicodeAbuse"),
        new Rule(AddClassifierResults.class, always(), RECLASSIFICATION_PARAMS,
            "ProposeReclassification"),
        new Rule(FinalizeSubmission.class, always(), RECLASSIFICATION_PARAMS,
            "ProposeCrossListFromPrimaryCategory"),
        new Rule(AddProposal.class, isSystem(), List.of(), "AcceptSystemCrossListProposals"),
        new Rule(SetUploadPackage.class, always(), SOURCE_SIZE_PARAMS,
            "CheckSubmissionSourceSize"),
        new Rule(UpdateUploadPackage.class, always(), SOURCE_SIZE_PARAMS,
            "CheckSubmissionSourceSize"),
        new Rule(ConfirmPreview.class, always(), List.of(PDF_LIMIT_BYTES), "CheckPDFSize"),
        new Rule(SetUploadPackage.class, always(), List.of(), "CopySourceToLegacy"),
        new Rule(UpdateUploadPackage.class, always(), List.of(), "CopySourceToLegacy"),
        new Rule(ConfirmPreview.class, always(), List.of(), "CopyPDFPreviewToLegacy"));
  }

  /** Returns the rules in registration order. */
  public List<Rule> rules() {
    return rules;
  }

  public PolicyConfig config() {
    return config;
  }

  /**
   * Returns the processes that the event starts, in rule order. {@code before} is null for an
   * event that creates the submission.
   */
  public List<TriggeredProcess> evaluate(Event event, Submission before, Submission after) {
    List<TriggeredProcess> triggered = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.eventType() == event.data().getClass()
          && rule.condition().matches(event, before, after)) {
        triggered.add(new TriggeredProcess(rule.processName(), config.params(rule.paramKeys())));
      }
    }
    return triggered;
  }

  /** Returns every rule with the parameters it passes under the current policy. */
  public List<RuleSummary> summaries() {
    List<RuleSummary> summaries = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      summaries.add(new RuleSummary(i + 1, rule.eventTypeName(), rule.condition().description(),
          rule.processName(), config.params(rule.paramKeys())));
    }
    return summaries;
  }
}
