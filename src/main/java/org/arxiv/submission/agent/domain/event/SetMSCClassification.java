package org.arxiv.submission.agent.domain.event;

/** Sets the MSC classes. */
public record SetMSCClassification(String mscClass) implements EventData {

  public SetMSCClassification {
    if (mscClass == null) {
      mscClass = "";
    }
    mscClass = TextCleanup.cleanMscClass(mscClass);
  }
}
