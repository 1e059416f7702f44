package org.arxiv.submission.agent.domain.event;

/** Sets the ACM classes. */
public record SetACMClassification(String acmClass) implements EventData {

  public SetACMClassification {
    if (acmClass == null) {
      acmClass = "";
    }
    acmClass = TextCleanup.cleanAcmClass(acmClass);
  }
}
