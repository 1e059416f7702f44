package org.arxiv.submission.agent.projection;

import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.SetACMClassification;
import org.arxiv.submission.agent.domain.event.SetAbstract;
import org.arxiv.submission.agent.domain.event.SetAuthors;
import org.arxiv.submission.agent.domain.event.SetComments;
import org.arxiv.submission.agent.domain.event.SetDOI;
import org.arxiv.submission.agent.domain.event.SetJournalReference;
import org.arxiv.submission.agent.domain.event.SetMSCClassification;
import org.arxiv.submission.agent.domain.event.SetReportNumber;
import org.arxiv.submission.agent.domain.event.SetTitle;
import org.arxiv.submission.agent.wire.Json;

/** Events that set one field of the submission's metadata, with their checks. */
final class MetadataProjection {

  private MetadataProjection() {}

  static void register(EventHandlers table) {
    table.on(SetTitle.class, MetadataValidation::validateTitle,
        (data, event, after, clock) -> setField(after, "title", data.title()));
    table.on(SetAbstract.class, MetadataValidation::validateAbstract,
        (data, event, after, clock) -> setField(after, "abstract", data.abstractText()));
    table.on(SetDOI.class, MetadataValidation::validateDoi,
        (data, event, after, clock) -> setField(after, "doi", data.doi()));
    table.on(SetMSCClassification.class, MetadataValidation::validateMsc,
        (data, event, after, clock) -> setField(after, "msc_class", data.mscClass()));
    table.on(SetACMClassification.class, MetadataValidation::validateAcm,
        (data, event, after, clock) -> setField(after, "acm_class", data.acmClass()));
    table.on(SetJournalReference.class, MetadataValidation::validateJournalReference,
        (data, event, after, clock) -> setField(after, "journal_ref", data.journalRef()));
    table.on(SetReportNumber.class, MetadataValidation::validateReportNumber,
        (data, event, after, clock) -> setField(after, "report_num", data.reportNum()));
    table.on(SetComments.class, MetadataValidation::validateComments,
        (data, event, after, clock) -> setField(after, "comments", data.comments()));
    table.on(SetAuthors.class, MetadataValidation::validateAuthors,
        (data, event, after, clock) -> setAuthors(data, after));
  }

  private static void setField(Submission after, String field, String value) {
    after.metadata().put(field, value);
  }

  private static void setAuthors(SetAuthors data, Submission after) {
    after.metadata().set("authors", Json.mapper().valueToTree(data.authors()));
    after.metadata().put("authors_display", data.authorsDisplay());
  }
}
