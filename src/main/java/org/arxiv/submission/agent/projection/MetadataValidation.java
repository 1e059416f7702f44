package org.arxiv.submission.agent.projection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.SetACMClassification;
import org.arxiv.submission.agent.domain.event.SetAbstract;
import org.arxiv.submission.agent.domain.event.SetAuthors;
import org.arxiv.submission.agent.domain.event.SetComments;
import org.arxiv.submission.agent.domain.event.SetDOI;
import org.arxiv.submission.agent.domain.event.SetJournalReference;
import org.arxiv.submission.agent.domain.event.SetMSCClassification;
import org.arxiv.submission.agent.domain.event.SetReportNumber;
import org.arxiv.submission.agent.domain.event.SetTitle;

/**
 * The checks on metadata values, which the event records have already normalised.
 *
 * <p>Lengths count code points, as Python's {@code len} does, and {@code \d}, {@code \s} and
 * {@code \D} match Unicode characters, as in Python's {@code re}.
 */
final class MetadataValidation {

  static final int TITLE_MIN_LENGTH = 5;
  static final int TITLE_MAX_LENGTH = 240;
  static final int ABSTRACT_MIN_LENGTH = 20;
  static final int ABSTRACT_MAX_LENGTH = 1920;
  static final int COMMENTS_MAX_LENGTH = 400;

  private static final int UNICODE = Pattern.UNICODE_CHARACTER_CLASS;

  // Named or numeric character references such as "&amp;" or "&#x3b1;". Upper-case ones such
  // as "&AMP;" pass, as in the original.
  private static final Pattern HTML_ESCAPE = Pattern.compile("&(?:[a-z]{3,4}|#x?[0-9a-f]{1,4});");

  private static final Pattern DOI = Pattern.compile("10\\.\\d{4,5}/\\S+", UNICODE);
  private static final Pattern DOI_SEPARATOR = Pattern.compile("[;,]");

  private static final Pattern ACM_CLASS =
      Pattern.compile("[A-K]\\.[0-9m](\\.(\\d{1,2}|m)(\\.[a-o])?)?", UNICODE);

  // Words that say the paper is not yet published, which the comments should say instead.
  private static final List<String> UNPUBLISHED_WORDS =
      List.of("submit", "in press", "appear", "accept", "to be publ");

  private static final Pattern YEAR = Pattern.compile("(\\A|\\D)(19|20)\\d\\d(\\D|\\z)", UNICODE);

  private static final Pattern TWO_DIGITS = Pattern.compile("\\d\\d", UNICODE);

  private static final Pattern ET_AL = Pattern.compile("et al\\.?($|\\s*\\()", UNICODE);

  private MetadataValidation() {}

  static void validateTitle(SetTitle data, Event event, Submission state) throws InvalidEvent {
    String title = data.title();
    Validators.requireNotFinalized(data, state);
    if (HTML_ESCAPE.matcher(title).find()) {
      throw new InvalidEvent(data, "title \"" + title + "\" contains an HTML escape");
    }
    checkLength(data, "title", title, TITLE_MIN_LENGTH, TITLE_MAX_LENGTH);
    Validators.rejectTrailingPeriod(data, title);
    if (isAllUpperCase(title)) {
      throw new InvalidEvent(data, "title \"" + title + "\" is all upper case");
    }
    Optional<String> markup = TitleMarkup.findDisallowed(title);
    if (markup.isPresent()) {
      throw new InvalidEvent(data, "title contains disallowed HTML " + markup.get()
          + "; only " + String.join(", ", TitleMarkup.ALLOWED_TAGS.stream().sorted().toList())
          + " without attributes are allowed");
    }
  }

  /**
   * Returns whether the text has a cased character and no lower-case or title-case one, as
   * Python's {@code str.isupper} does.
   */
  static boolean isAllUpperCase(String text) {
    boolean cased = false;
    for (int codePoint : text.codePoints().toArray()) {
      if (Character.isLowerCase(codePoint) || Character.isTitleCase(codePoint)) {
        return false;
      }
      cased |= Character.isUpperCase(codePoint);
    }
    return cased;
  }

  static void validateAbstract(SetAbstract data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
    checkLength(data, "abstract", data.abstractText(), ABSTRACT_MIN_LENGTH, ABSTRACT_MAX_LENGTH);
  }

  /**
   * Rejects a DOI on a submitted submission, then each part of a list separated by {@code ;}
   * or {@code ,} that is not a DOI. Unlike other metadata, the original allows DOIs on
   * scheduled and announced submissions.
   */
  static void validateDoi(SetDOI data, Event event, Submission state) throws InvalidEvent {
    if (Submission.SUBMITTED.equals(state.status())) {
      throw new InvalidEvent(data, "submission is submitted, so its DOI cannot change");
    }
    if (data.doi().isEmpty()) {
      return;
    }
    for (String part : DOI_SEPARATOR.split(data.doi(), -1)) {
      if (!DOI.matcher(part.strip()).matches()) {
        throw new InvalidEvent(data, "\"" + part.strip() + "\" is not a DOI such as 10.1000/xyz");
      }
    }
  }

  // NOTE: the original declares a maximum MSC class length of 160 but never checks it, so
  // neither does this port.
  static void validateMsc(SetMSCClassification data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
  }

  static void validateAcm(SetACMClassification data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
    if (data.acmClass().isBlank()) {
      return;
    }
    for (String part : data.acmClass().split(";", -1)) {
      if (!ACM_CLASS.matcher(part.strip()).matches()) {
        throw new InvalidEvent(data, "\"" + part.strip() + "\" is not an ACM class such as F.2.2");
      }
    }
  }

  /** Checks a journal reference; like the report number, it may change at any status. */
  static void validateJournalReference(SetJournalReference data, Event event, Submission state)
      throws InvalidEvent {
    String reference = data.journalRef();
    if (reference.isEmpty()) {
      return;
    }
    String lowerCase = reference.toLowerCase(Locale.ROOT);
    for (String word : UNPUBLISHED_WORDS) {
      if (lowerCase.contains(word)) {
        throw new InvalidEvent(data, "journal reference contains \"" + word
            + "\"; put publication plans in the comments");
      }
    }
    if (!YEAR.matcher(reference).find()) {
      throw new InvalidEvent(data, "journal reference \"" + reference
          + "\" has no year from 1900 to 2099");
    }
  }

  static void validateReportNumber(SetReportNumber data, Event event, Submission state)
      throws InvalidEvent {
    String number = data.reportNum();
    if (!number.isEmpty() && !TWO_DIGITS.matcher(number).find()) {
      throw new InvalidEvent(data,
          "report number \"" + number + "\" has no two consecutive digits");
    }
  }

  static void validateComments(SetComments data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
    int length = codePoints(data.comments());
    if (length > COMMENTS_MAX_LENGTH) {
      throw new InvalidEvent(data, "comments are " + length + " characters long; the maximum is "
          + COMMENTS_MAX_LENGTH);
    }
  }

  static void validateAuthors(SetAuthors data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
    if (ET_AL.matcher(data.authorsDisplay()).find()) {
      throw new InvalidEvent(data,
          "authors \"" + data.authorsDisplay() + "\" contain \"et al\"; list every author");
    }
  }

  private static void checkLength(EventData data, String field, String value, int min, int max)
      throws InvalidEvent {
    int length = codePoints(value);
    if (length < min || length > max) {
      throw new InvalidEvent(data, field + " is " + length + " characters long; it must be "
          + min + " to " + max);
    }
  }

  private static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }
}
