package org.arxiv.submission.agent.domain.event;

/** Sets the report number. */
public record SetReportNumber(String reportNum) implements EventData {

  public SetReportNumber {
    if (reportNum == null) {
      reportNum = "";
    }
    reportNum = TextCleanup.stripTrailingPeriod(TextCleanup.collapseWhitespace(reportNum));
  }
}
