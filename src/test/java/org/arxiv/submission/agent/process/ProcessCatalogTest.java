package org.arxiv.submission.agent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.arxiv.submission.agent.rules.PolicyConfig;
import org.arxiv.submission.agent.rules.Rule;
import org.arxiv.submission.agent.rules.RuleRegistry;
import org.junit.jupiter.api.Test;

class ProcessCatalogTest {

  private final ProcessCatalog catalog = ProcessCatalog.standard();

  /** Returns a step as text: name, max retries, delay, backoff, max delay and jitter range. */
  private static String describe(Step step) {
    RetryPolicy r = step.retry();
    return step.name() + " " + r.maxRetries() + " " + r.delay().toMillis() + "ms x"
        + r.backoff() + " cap " + (r.maxDelay() == null ? "none" : r.maxDelay())
        + " jitter " + r.jitterMin().toMillis() + ".." + r.jitterMax().toMillis() + "ms";
  }

  private List<String> steps(String process) {
    return catalog.get(process).steps().stream().map(ProcessCatalogTest::describe).toList();
  }

  @Test
  void catalogHasFourteenProcesses() {
    assertThat(catalog.names()).containsExactly("RunAutoclassifier", "CheckStopwordPercent",
        "CheckStopwordCount", "SendConfirmationEmail", "CheckForSimilarTitles",
        "CheckTitleForUnicodeAbuse", "CheckAbstractForUnicodeAbuse", "ProposeReclassification",
        "ProposeCrossListFromPrimaryCategory", "AcceptSystemCrossListProposals",
        "CheckSubmissionSourceSize", "CheckPDFSize", "CopySourceToLegacy",
        "CopyPDFPreviewToLegacy");
  }

  @Test
  void everyRuleTargetsRegisteredProcess() {
    List<String> missing = new ArrayList<>();
    for (Rule rule : RuleRegistry.standard(PolicyConfig.defaults()).rules()) {
      if (catalog.find(rule.processName()).isEmpty()) {
        missing.add(rule.processName());
      }
    }

    assertThat(missing).isEmpty();
  }

  @Test
  void networkStepsRetryWithoutLimitButCapped() {
    String unlimited = " null 2000ms x2.0 cap PT10M jitter 0..0ms";
    assertThat(steps("RunAutoclassifier")).containsExactly(
        "start_extraction" + unlimited,
        "poll_extraction null 1000ms x1.0 cap PT10M jitter 0..1000ms",
        "retrieve_content" + unlimited,
        "call_classifier" + unlimited,
        "process_result 3 2000ms x2.0 cap none jitter 0..0ms");
    assertThat(steps("SendConfirmationEmail"))
        .containsExactly("send null 2000ms x4.0 cap PT10M jitter 0..0ms");
    assertThat(steps("CheckForSimilarTitles")).containsExactly(
        "get_candidates" + unlimited,
        "check_for_duplicates 3 2000ms x2.0 cap none jitter 0..0ms");
    assertThat(steps("CheckPDFSize")).containsExactly(
        "get_size" + unlimited,
        "evaluate_size 3 2000ms x2.0 cap none jitter 0..0ms");
    assertThat(steps("CopySourceToLegacy")).containsExactly("copy_source_content" + unlimited);
    assertThat(steps("CopyPDFPreviewToLegacy")).containsExactly("copy_preview" + unlimited);
  }

  @Test
  void localStepsUseDefaultRetries() {
    String standard = " 3 2000ms x2.0 cap none jitter 0..0ms";
    assertThat(steps("CheckStopwordPercent")).containsExactly("check_stop_percent" + standard);
    assertThat(steps("CheckStopwordCount")).containsExactly("check_stop_count" + standard);
    assertThat(steps("CheckTitleForUnicodeAbuse")).containsExactly("check_title" + standard);
    assertThat(steps("CheckAbstractForUnicodeAbuse"))
        .containsExactly("check_abstract" + standard);
    assertThat(steps("ProposeReclassification")).containsExactly("propose_primary" + standard);
    assertThat(steps("ProposeCrossListFromPrimaryCategory"))
        .containsExactly("propose" + standard);
    assertThat(steps("AcceptSystemCrossListProposals")).containsExactly("accept" + standard);
    assertThat(steps("CheckSubmissionSourceSize")).containsExactly("check" + standard);
  }

  @Test
  void unlimitedCapIsTenMinutes() {
    assertThat(RetryPolicies.UNLIMITED_MAX_DELAY).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void processAgentIsNamedAfterProcess() {
    for (ProcessDefinition process : catalog.all()) {
      assertThat(process.agent().nativeIdText()).as(process.name()).isEqualTo(process.name());
    }
  }

  @Test
  void unknownProcessIsRejected() {
    assertThatThrownBy(() -> catalog.get("RunAutoClassifier"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown process \"RunAutoClassifier\"");
  }

  @Test
  void duplicateNameIsRejected() {
    ProcessDefinition process = catalog.get("CheckPDFSize");

    assertThatThrownBy(() -> new ProcessCatalog(List.of(process, process)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registered twice");
  }
}
