package org.arxiv.submission.agent.process;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arxiv.submission.agent.process.classification.AcceptSystemCrossListProposals;
import org.arxiv.submission.agent.process.classification.ProposeCrossListFromPrimaryCategory;
import org.arxiv.submission.agent.process.classification.ProposeReclassification;
import org.arxiv.submission.agent.process.content.RunAutoclassifier;
import org.arxiv.submission.agent.process.content.StopwordChecks;
import org.arxiv.submission.agent.process.email.SendConfirmationEmail;
import org.arxiv.submission.agent.process.legacy.CopyPDFPreviewToLegacy;
import org.arxiv.submission.agent.process.legacy.CopySourceToLegacy;
import org.arxiv.submission.agent.process.metadata.CheckForSimilarTitles;
import org.arxiv.submission.agent.process.metadata.UnicodeAbuseChecks;
import org.arxiv.submission.agent.process.size.CheckPDFSize;
import org.arxiv.submission.agent.process.size.CheckSubmissionSourceSize;

/**
 * The processes that rules can start, by name. Every concrete process is registered explicitly,
 * because the original registered only some of them and dispatching the others failed.
 */
public final class ProcessCatalog {

  private final Map<String, ProcessDefinition> byName = new LinkedHashMap<>();

  /**
   * Creates a catalog of the given processes.
   *
   * @throws IllegalArgumentException when two processes have the same name
   */
  public ProcessCatalog(Collection<ProcessDefinition> processes) {
    for (ProcessDefinition process : processes) {
      if (byName.put(process.name(), process) != null) {
        throw new IllegalArgumentException("process " + process.name() + " is registered twice");
      }
    }
  }

  /** Returns the catalog of the 14 processes of the original agent. */
  public static ProcessCatalog standard() {
    return new ProcessCatalog(List.of(
        RunAutoclassifier.definition(),
        StopwordChecks.percentDefinition(),
        StopwordChecks.countDefinition(),
        SendConfirmationEmail.definition(),
        CheckForSimilarTitles.definition(),
        UnicodeAbuseChecks.titleDefinition(),
        UnicodeAbuseChecks.abstractDefinition(),
        ProposeReclassification.definition(),
        ProposeCrossListFromPrimaryCategory.definition(),
        AcceptSystemCrossListProposals.definition(),
        CheckSubmissionSourceSize.definition(),
        CheckPDFSize.definition(),
        CopySourceToLegacy.definition(),
        CopyPDFPreviewToLegacy.definition()));
  }

  /** Returns the process with this name, if registered. */
  public Optional<ProcessDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Returns the process with this name.
   *
   * @throws IllegalArgumentException naming the process when it is not registered
   */
  public ProcessDefinition get(String name) {
    ProcessDefinition process = byName.get(name);
    if (process == null) {
      throw new IllegalArgumentException(
          "unknown process \"" + name + "\"; registered: " + byName.keySet());
    }
    return process;
  }

  /** Returns the names of the registered processes, in registration order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(byName.keySet());
  }

  /** Returns the registered processes, in registration order. */
  public List<ProcessDefinition> all() {
    return List.copyOf(byName.values());
  }
}
