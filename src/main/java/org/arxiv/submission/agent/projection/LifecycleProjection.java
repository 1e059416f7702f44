package org.arxiv.submission.agent.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Clock;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.Announce;
import org.arxiv.submission.agent.domain.event.ConfirmAuthorship;
import org.arxiv.submission.agent.domain.event.ConfirmContactInformation;
import org.arxiv.submission.agent.domain.event.ConfirmPolicy;
import org.arxiv.submission.agent.domain.event.CreateSubmission;
import org.arxiv.submission.agent.domain.event.CreateSubmissionVersion;
import org.arxiv.submission.agent.domain.event.FinalizeSubmission;
import org.arxiv.submission.agent.domain.event.Rollback;
import org.arxiv.submission.agent.domain.event.SetLicense;
import org.arxiv.submission.agent.domain.event.UnFinalizeSubmission;

/**
 * Events that move a submission through its life: creation, the submitter's confirmations and
 * license, finalisation, announcement, new versions and rollback.
 */
final class LifecycleProjection {

  // Top-level fields that FinalizeSubmission requires to be truthy, in the order checked.
  private static final List<String> REQUIRED_FIELDS =
      List.of("creator", "primary_classification", "submitter_contact_verified",
          "submitter_accepts_policy", "license", "source_content", "metadata");

  private static final List<String> REQUIRED_METADATA =
      List.of("title", "abstract", "authors_display");

  // Fields that Rollback restores from the last announced version.
  private static final List<String> ROLLBACK_FIELDS =
      List.of("status", "source_content", "submitter_contact_verified",
          "submitter_accepts_policy", "submitter_confirmed_preview", "license", "metadata");

  private LifecycleProjection() {}

  static void register(EventHandlers table) {
    // Projector builds the state of a new submission itself, because there is no state to copy.
    table.on(CreateSubmission.class, EventHandlers.acceptAll(), (data, event, after, clock) -> {});
    table.on(CreateSubmissionVersion.class,
        LifecycleProjection::validateNewVersion, LifecycleProjection::startNewVersion);
    table.on(Rollback.class, LifecycleProjection::validateRollback, LifecycleProjection::rollBack);
    table.on(ConfirmContactInformation.class, EventHandlers.rejectIfFinalized(),
        (data, event, after, clock) -> after.put("submitter_contact_verified", true));
    table.on(ConfirmAuthorship.class, EventHandlers.rejectIfFinalized(),
        (data, event, after, clock) ->
            after.put("submitter_is_author", data.submitterIsAuthor()));
    table.on(ConfirmPolicy.class, EventHandlers.rejectIfFinalized(),
        (data, event, after, clock) -> after.put("submitter_accepts_policy", true));
    table.on(SetLicense.class, LifecycleProjection::validateLicense, (data, event, after, clock) ->
        after.set("license", StateObjects.tree(
            new StateObjects.License(data.licenseUri(), data.licenseName()))));
    table.on(FinalizeSubmission.class,
        LifecycleProjection::validateFinalize, LifecycleProjection::finalizeSubmission);
    table.on(UnFinalizeSubmission.class,
        LifecycleProjection::validateUnfinalize, LifecycleProjection::unfinalize);
    table.on(Announce.class, EventHandlers.acceptAll(), LifecycleProjection::announce);
  }

  private static void validateNewVersion(
      CreateSubmissionVersion data, Event event, Submission state) throws InvalidEvent {
    if (!state.isAnnounced()) {
      throw new InvalidEvent(data,
          "submission is not announced (status \"" + state.status() + "\")");
    }
    Validators.requireNoActiveRequests(data, state);
  }

  private static void startNewVersion(
      CreateSubmissionVersion data, Event event, Submission after, Clock clock) {
    after.set("version", IntNode.valueOf(after.version() + 1));
    after.put("status", Submission.WORKING);
    after.set("source_content", null);
    after.set("license", null);
    after.set("submitter_is_author", null);
    after.put("submitter_contact_verified", false);
    after.set("submitter_accepts_policy", null);
    after.put("submitter_confirmed_preview", false);
  }

  private static void validateRollback(Rollback data, Event event, Submission state)
      throws InvalidEvent {
    if (state.isAnnounced()) {
      throw new InvalidEvent(data, "submission is announced");
    }
    JsonNode versions = state.get("versions");
    if (state.version() > 1 && (versions == null || versions.isEmpty())) {
      throw new InvalidEvent(data, "version " + state.version()
          + " has no announced version to return to");
    }
  }

  /** Deletes a first version, or returns to the last announced version. */
  private static void rollBack(Rollback data, Event event, Submission after, Clock clock) {
    if (after.version() == 1) {
      after.put("status", Submission.DELETED);
      return;
    }
    after.set("version", IntNode.valueOf(after.version() - 1));
    ArrayNode versions = after.list("versions");
    JsonNode target = versions.get(versions.size() - 1);
    for (String field : ROLLBACK_FIELDS) {
      JsonNode value = target.get(field);
      after.set(field, value == null ? null : value.deepCopy());
    }
  }

  private static void validateLicense(SetLicense data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireNotFinalized(data, state);
    if (data.licenseUri() == null) {
      throw new InvalidEvent(data, "license_uri is missing");
    }
  }

  private static void validateFinalize(FinalizeSubmission data, Event event, Submission state)
      throws InvalidEvent {
    if (state.isFinalized()) {
      throw new InvalidEvent(data,
          "submission is already finalized (status \"" + state.status() + "\")");
    }
    if (!state.isActive()) {
      throw new InvalidEvent(data, "submission is not active (status \"" + state.status() + "\")");
    }
    for (String field : REQUIRED_FIELDS) {
      if (isFalsy(state.get(field))) {
        throw new InvalidEvent(data, "missing " + field);
      }
    }
    for (String field : REQUIRED_METADATA) {
      if (isFalsy(state.metadata().get(field))) {
        throw new InvalidEvent(data, "missing " + field);
      }
    }
  }

  /**
   * Returns whether Python would treat the decoded value as false. Nested objects decode to
   * dataclasses, which are always true, even when empty.
   */
  private static boolean isFalsy(JsonNode value) {
    if (value == null || value.isNull()) {
      return true;
    }
    if (value.isBoolean()) {
      return !value.booleanValue();
    }
    if (value.isTextual()) {
      return value.textValue().isEmpty();
    }
    if (value.isNumber()) {
      return value.doubleValue() == 0;
    }
    return value.isArray() && value.isEmpty();
  }

  // NOTE: submitted is the clock's time when the event is applied, not the event's created time,
  // as in the original. Replaying the same events later therefore gives a different state.
  private static void finalizeSubmission(
      FinalizeSubmission data, Event event, Submission after, Clock clock) {
    after.put("status", Submission.SUBMITTED);
    after.put("submitted", Timestamp.now(clock).toString());
  }

  private static void validateUnfinalize(
      UnFinalizeSubmission data, Event event, Submission state) throws InvalidEvent {
    if (!state.isFinalized()) {
      throw new InvalidEvent(data,
          "submission is not finalized (status \"" + state.status() + "\")");
    }
    if (state.isAnnounced()) {
      throw new InvalidEvent(data, "submission is announced");
    }
  }

  private static void unfinalize(
      UnFinalizeSubmission data, Event event, Submission after, Clock clock) {
    after.put("status", Submission.WORKING);
    after.set("submitted", null);
  }

  /**
   * Announces the submission and appends a snapshot of it to {@code versions}. The snapshot
   * contains the earlier snapshots, as in the original, so each announcement nests one level
   * deeper.
   */
  private static void announce(Announce data, Event event, Submission after, Clock clock) {
    after.put("arxiv_id", data.arxivId());
    after.put("status", Submission.ANNOUNCED);
    JsonNode snapshot = after.toJson().deepCopy();
    after.list("versions").add(snapshot);
  }
}
