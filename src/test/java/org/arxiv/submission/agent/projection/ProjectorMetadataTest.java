package org.arxiv.submission.agent.projection;

import static org.arxiv.submission.agent.projection.Fixtures.apply;
import static org.arxiv.submission.agent.projection.Fixtures.assertRejected;
import static org.arxiv.submission.agent.projection.Fixtures.submitted;
import static org.arxiv.submission.agent.projection.Fixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.Author;
import org.arxiv.submission.agent.domain.event.SetACMClassification;
import org.arxiv.submission.agent.domain.event.SetAbstract;
import org.arxiv.submission.agent.domain.event.SetAuthors;
import org.arxiv.submission.agent.domain.event.SetComments;
import org.arxiv.submission.agent.domain.event.SetDOI;
import org.arxiv.submission.agent.domain.event.SetJournalReference;
import org.arxiv.submission.agent.domain.event.SetMSCClassification;
import org.arxiv.submission.agent.domain.event.SetReportNumber;
import org.arxiv.submission.agent.domain.event.SetTitle;
import org.junit.jupiter.api.Test;

class ProjectorMetadataTest {

  private static String title(int length) {
    return "A" + "b".repeat(length - 1);
  }

  private static String metadata(Submission state, String field) {
    JsonNode value = state.metadata().get(field);
    return value.isNull() ? null : value.textValue();
  }

  private static Submission withStatus(String status) {
    Submission state = working();
    state.put("status", status);
    return state;
  }

  @Test
  void titleLengthLimits() throws Exception {
    assertRejected(working(), new SetTitle(title(4)))
        .hasMessageContaining("title is 4 characters long; it must be 5 to 240");
    assertThat(metadata(apply(working(), new SetTitle(title(5))), "title")).isEqualTo(title(5));
    assertThat(metadata(apply(working(), new SetTitle(title(240))), "title"))
        .isEqualTo(title(240));
    assertRejected(working(), new SetTitle(title(241)))
        .hasMessageContaining("title is 241 characters long");
  }

  @Test
  void titleLengthCountsCodePoints() {
    // Four mathematical letters outside the Basic Multilingual Plane, which are eight chars.
    assertRejected(working(), new SetTitle("\uD835\uDD1E".repeat(4)))
        .hasMessageContaining("title is 4 characters long");
  }

  @Test
  void titleRejectsTrailingPeriod() throws Exception {
    assertRejected(working(), new SetTitle("A study of things."))
        .hasMessageContaining("ends with a period");
    assertRejected(working(), new SetTitle("A study of things.."))
        .hasMessageContaining("ends with a period");
    assertThat(metadata(apply(working(), new SetTitle("A study of things...")), "title"))
        .isEqualTo("A study of things...");
  }

  @Test
  void titleRejectsAllUpperCase() throws Exception {
    assertRejected(working(), new SetTitle("A STUDY OF THINGS 2020"))
        .hasMessageContaining("is all upper case");
    assertThat(metadata(apply(working(), new SetTitle("12345 67890")), "title"))
        .isEqualTo("12345 67890");
    assertThat(metadata(apply(working(), new SetTitle("A STUDy OF THINGS")), "title"))
        .isEqualTo("A STUDy OF THINGS");
  }

  @Test
  void titleCaseLetterIsNotUpperCase() throws Exception {
    // U+01C5 is a title-case letter, which Python's isupper counts against upper case.
    Submission after = apply(working(), new SetTitle("\u01C5UNGLA STUDY"));

    assertThat(metadata(after, "title")).isEqualTo("\u01C5UNGLA STUDY");
  }

  @Test
  void titleRejectsLowerCaseHtmlEscapes() throws Exception {
    assertRejected(working(), new SetTitle("Salt &amp; pepper"))
        .hasMessageContaining("contains an HTML escape");
    assertRejected(working(), new SetTitle("Angle &#x3b1; found"))
        .hasMessageContaining("contains an HTML escape");
    assertRejected(working(), new SetTitle("Angle &#945; found"))
        .hasMessageContaining("contains an HTML escape");
    assertThat(metadata(apply(working(), new SetTitle("Salt &AMP; pepper")), "title"))
        .isEqualTo("Salt &AMP; pepper");
    assertThat(metadata(apply(working(), new SetTitle("Salt & pepper; more")), "title"))
        .isEqualTo("Salt & pepper; more");
  }

  @Test
  void titleAllowsSimpleTags() throws Exception {
    for (String allowed : List.of("Title with <em>emphasis</em>", "Water as H<sub>2</sub>O",
        "Line<br/>break", "Line<br />break", "Upper <BR> tag", "x < y and y > z",
        "Strong <strong>claim</strong> and <sup>3</sup>He")) {
      assertThat(metadata(apply(working(), new SetTitle(allowed)), "title"))
          .as(allowed).isEqualTo(allowed);
    }
  }

  @Test
  void titleRejectsOtherMarkup() {
    List<String> rejected = List.of("Title with <b>bold</b>",
        "<em class=\"x\">Styled</em> title", "Title <!-- note --> here",
        "Title <script>run()</script>", "Bounds for x<y and y>z", "Title <![CDATA[x]]> here",
        "Heading <h1>one</h1>");
    for (String title : rejected) {
      assertRejected(working(), new SetTitle(title))
          .as(title)
          .hasMessageContaining("title contains disallowed HTML");
    }
  }

  @Test
  void titleRejectedWhenFinalized() {
    assertRejected(submitted(), new SetTitle("A fine title")).hasMessageContaining("is finalized");
  }

  @Test
  void abstractLengthLimits() throws Exception {
    assertRejected(working(), new SetAbstract("a".repeat(19)))
        .hasMessageContaining("abstract is 19 characters long; it must be 20 to 1920");
    assertThat(metadata(apply(working(), new SetAbstract("a".repeat(20))), "abstract"))
        .hasSize(20);
    assertThat(metadata(apply(working(), new SetAbstract("a".repeat(1920))), "abstract"))
        .hasSize(1920);
    assertRejected(working(), new SetAbstract("a".repeat(1921)))
        .hasMessageContaining("abstract is 1921 characters long");
  }

  @Test
  void abstractRejectedWhenFinalized() {
    assertRejected(submitted(), new SetAbstract("a".repeat(40)))
        .hasMessageContaining("is finalized");
  }

  @Test
  void commentsLengthLimit() throws Exception {
    assertThat(metadata(apply(working(), new SetComments("c".repeat(400))), "comments"))
        .hasSize(400);
    assertRejected(working(), new SetComments("c".repeat(401)))
        .hasMessageContaining("comments are 401 characters long; the maximum is 400");
    assertThat(metadata(apply(working(), new SetComments("")), "comments")).isEmpty();
  }

  @Test
  void commentsRejectedWhenFinalized() {
    assertRejected(submitted(), new SetComments("12 pages")).hasMessageContaining("is finalized");
  }

  @Test
  void doiAcceptsSeparatedList() throws Exception {
    assertThat(metadata(apply(working(), new SetDOI("10.1234/abc")), "doi"))
        .isEqualTo("10.1234/abc");
    assertThat(metadata(apply(working(), new SetDOI("10.12345/a.b; 10.1000/xyz,10.9999/q")),
        "doi")).isEqualTo("10.12345/a.b; 10.1000/xyz,10.9999/q");
    assertThat(metadata(apply(working(), new SetDOI("")), "doi")).isEmpty();
  }

  @Test
  void doiRejectsMalformedParts() {
    for (String doi : List.of("10.123/abc", "10.123456/abc", "doi:10.1234/abc", "10.1234/",
        "10.1234/abc,", "11.1234/abc")) {
      assertRejected(working(), new SetDOI(doi)).as(doi).hasMessageContaining("is not a DOI");
    }
  }

  @Test
  void doiRejectedOnlyWhenSubmitted() throws Exception {
    assertRejected(submitted(), new SetDOI("10.1234/abc"))
        .hasMessageContaining("is submitted");
    for (String status : List.of(Submission.SCHEDULED, Submission.ANNOUNCED)) {
      assertThat(metadata(apply(withStatus(status), new SetDOI("10.1234/abc")), "doi"))
          .as(status).isEqualTo("10.1234/abc");
    }
  }

  @Test
  void mscStoresNormalisedValue() throws Exception {
    Submission after = apply(working(), new SetMSCClassification("MSC 2000: 14J60; 14D20."));

    assertThat(metadata(after, "msc_class")).isEqualTo("14J60, 14D20");
  }

  @Test
  void mscHasNoLengthLimit() throws Exception {
    String longValue = "14J60, ".repeat(30) + "14D20";

    assertThat(metadata(apply(working(), new SetMSCClassification(longValue)), "msc_class"))
        .hasSizeGreaterThan(160);
  }

  @Test
  void mscRejectedWhenFinalized() {
    assertRejected(submitted(), new SetMSCClassification("14J60"))
        .hasMessageContaining("is finalized");
  }

  @Test
  void acmAcceptsValidClasses() throws Exception {
    assertThat(metadata(apply(working(), new SetACMClassification("F.2.2; I.2.7")), "acm_class"))
        .isEqualTo("F.2.2; I.2.7");
    assertThat(metadata(apply(working(), new SetACMClassification("i2, K.6.m")), "acm_class"))
        .isEqualTo("I.2; K.6.m");
    assertThat(metadata(apply(working(), new SetACMClassification("")), "acm_class")).isEmpty();
  }

  @Test
  void acmRejectsInvalidClasses() {
    for (String acm : List.of("L.1", "F.22", "F.2.100", "F.2.2; nonsense")) {
      assertRejected(working(), new SetACMClassification(acm))
          .as(acm).hasMessageContaining("is not an ACM class");
    }
  }

  @Test
  void acmRejectedWhenFinalized() {
    assertRejected(submitted(), new SetACMClassification("F.2.2"))
        .hasMessageContaining("is finalized");
  }

  @Test
  void journalReferenceNeedsYear() throws Exception {
    assertThat(metadata(apply(working(), new SetJournalReference("Phys. Rev. D 100, 1 (2019)")),
        "journal_ref")).isEqualTo("Phys. Rev. D 100, 1 (2019)");
    assertThat(metadata(apply(working(), new SetJournalReference("Ann. Math. 1900")),
        "journal_ref")).isEqualTo("Ann. Math. 1900");
    for (String reference : List.of("Nature 1899", "Journal 20199", "J. Stuff 2100")) {
      assertRejected(working(), new SetJournalReference(reference))
          .as(reference).hasMessageContaining("has no year");
    }
  }

  @Test
  void journalReferenceRejectsUnpublishedWords() {
    for (String reference : List.of("Submitted to Nature 2020", "Nature (in press) 2020",
        "To appear in JHEP 2020", "Accepted by PRL 2020", "To be published 2020")) {
      assertRejected(working(), new SetJournalReference(reference))
          .as(reference).hasMessageContaining("put publication plans in the comments");
    }
  }

  @Test
  void journalReferenceAllowedWhenFinalized() throws Exception {
    Submission after = apply(submitted(), new SetJournalReference(""));

    assertThat(metadata(after, "journal_ref")).isEmpty();
    assertThat(metadata(apply(withStatus(Submission.ANNOUNCED),
        new SetJournalReference("JHEP 03 (2020) 1")), "journal_ref"))
        .isEqualTo("JHEP 03 (2020) 1");
  }

  @Test
  void reportNumberNeedsTwoDigits() throws Exception {
    assertThat(metadata(apply(working(), new SetReportNumber("CERN-TH-2020-01")), "report_num"))
        .isEqualTo("CERN-TH-2020-01");
    assertThat(metadata(apply(working(), new SetReportNumber("")), "report_num")).isEmpty();
    for (String number : List.of("REPORT-1", "A1B2C3")) {
      assertRejected(working(), new SetReportNumber(number))
          .as(number).hasMessageContaining("has no two consecutive digits");
    }
  }

  @Test
  void reportNumberAllowedWhenFinalized() throws Exception {
    assertThat(metadata(apply(submitted(), new SetReportNumber("TH-42")), "report_num"))
        .isEqualTo("TH-42");
  }

  @Test
  void authorsRejectEtAl() throws Exception {
    for (String display : List.of("Doe, Smith et al", "Doe et al.", "Doe et al. (CERN)",
        "Doe et al (CERN)")) {
      assertRejected(working(), new SetAuthors(List.of(), display))
          .as(display).hasMessageContaining("contain \"et al\"");
    }
    assertThat(metadata(apply(working(), new SetAuthors(List.of(), "Doe et alia")),
        "authors_display")).isEqualTo("Doe et alia");
  }

  @Test
  void authorsStoreListAndDisplay() throws Exception {
    Author author = new Author(0, "Ada", "Lovelace", "", "Analytical Engines", "", null, null);

    Submission after = apply(working(), new SetAuthors(List.of(author), null));

    JsonNode stored = after.metadata().get("authors").get(0);
    assertThat(after.metadata().get("authors")).hasSize(1);
    assertThat(stored.fieldNames()).toIterable().containsExactly("order", "forename", "surname",
        "initials", "affiliation", "email", "identifier", "display");
    assertThat(stored.get("display").textValue()).isEqualTo("Ada Lovelace (Analytical Engines)");
    assertThat(metadata(after, "authors_display")).isEqualTo("Ada Lovelace (Analytical Engines)");
  }

  @Test
  void authorsRejectedWhenFinalized() {
    assertRejected(submitted(), new SetAuthors(List.of(), "Doe, Smith"))
        .hasMessageContaining("is finalized");
  }
}
