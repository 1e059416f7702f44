package org.arxiv.submission.agent.domain.event;

/** Sets the journal reference. */
public record SetJournalReference(String journalRef) implements EventData {

  public SetJournalReference {
    if (journalRef == null) {
      journalRef = "";
    }
    journalRef = TextCleanup.cleanJournalReference(journalRef);
  }
}
