package org.arxiv.submission.agent.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Set;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddContentFlag;
import org.arxiv.submission.agent.domain.event.AddHold;
import org.arxiv.submission.agent.domain.event.AddMetadataFlag;
import org.arxiv.submission.agent.domain.event.AddUserFlag;
import org.arxiv.submission.agent.domain.event.AddWaiver;
import org.arxiv.submission.agent.domain.event.RemoveFlag;
import org.arxiv.submission.agent.domain.event.RemoveHold;

/**
 * Events that flag a submission for moderators, hold it or waive a kind of hold. Each flag,
 * hold and waiver is stored under the id of the event that added it.
 *
 * <p>A hold does not change the status: whether a submission is on hold is derived from its
 * holds and waivers.
 */
final class FlagProjection {

  /** The fields of the submission metadata that a metadata flag may name. */
  static final Set<String> METADATA_FIELDS =
      Set.of("title", "abstract", "authors", "authors_display", "doi", "msc_class", "acm_class",
          "report_num", "journal_ref", "comments");

  private FlagProjection() {}

  static void register(EventHandlers table) {
    table.on(RemoveFlag.class, FlagProjection::validateRemoveFlag,
        (data, event, after, clock) -> after.map("flags").remove(data.flagId()));
    table.on(AddContentFlag.class, (data, event, state) -> {
      if (data.flagType() == null) {
        throw new InvalidEvent(data, "flag_type is missing");
      }
    }, FlagProjection::addContentFlag);
    table.on(AddMetadataFlag.class,
        FlagProjection::validateMetadataFlag, FlagProjection::addMetadataFlag);
    table.on(AddUserFlag.class, (data, event, state) -> {
      if (data.flagType() == null) {
        throw new InvalidEvent(data, "flag_type is missing");
      }
    }, FlagProjection::addUserFlag);
    table.on(AddHold.class, EventHandlers.acceptAll(), FlagProjection::addHold);
    table.on(RemoveHold.class, FlagProjection::validateRemoveHold,
        (data, event, after, clock) -> after.map("holds").remove(data.holdEventId()));
    table.on(AddWaiver.class, EventHandlers.acceptAll(), FlagProjection::addWaiver);
  }

  private static void validateRemoveFlag(RemoveFlag data, Event event, Submission state)
      throws InvalidEvent {
    JsonNode flags = state.get("flags");
    if (data.flagId() == null || flags == null || !flags.has(data.flagId())) {
      throw new InvalidEvent(data, "submission has no flag " + data.flagId());
    }
  }

  private static void addContentFlag(
      AddContentFlag data, Event event, Submission after, Clock clock) {
    StateObjects.Flag flag = new StateObjects.Flag(event.eventId(), event.creator(),
        event.created(), copy(data.flagData()), commentOrEmpty(data.comment()), event.proxy(),
        "ContentFlag", data.flagType().wireValue());
    after.map("flags").set(event.eventId(), StateObjects.tree(flag));
  }

  private static void validateMetadataFlag(AddMetadataFlag data, Event event, Submission state)
      throws InvalidEvent {
    if (data.flagType() == null) {
      throw new InvalidEvent(data, "flag_type is missing");
    }
    String field = data.field();
    if (field != null && !field.isEmpty() && !METADATA_FIELDS.contains(field)) {
      throw new InvalidEvent(data, "\"" + field + "\" is not a metadata field; expected one of "
          + String.join(", ", METADATA_FIELDS.stream().sorted().toList()));
    }
  }

  private static void addMetadataFlag(
      AddMetadataFlag data, Event event, Submission after, Clock clock) {
    StateObjects.MetadataFlag flag = new StateObjects.MetadataFlag(event.eventId(),
        event.creator(), event.created(), copy(data.flagData()), commentOrEmpty(data.comment()),
        event.proxy(), "MetadataFlag", data.flagType().wireValue(), data.field());
    after.map("flags").set(event.eventId(), StateObjects.tree(flag));
  }

  /** Adds a user flag; the original stores no proxy on user flags. */
  private static void addUserFlag(AddUserFlag data, Event event, Submission after, Clock clock) {
    StateObjects.Flag flag = new StateObjects.Flag(event.eventId(), event.creator(),
        event.created(), copy(data.flagData()), commentOrEmpty(data.comment()), null,
        "UserFlag", data.flagType().wireValue());
    after.map("flags").set(event.eventId(), StateObjects.tree(flag));
  }

  private static void addHold(AddHold data, Event event, Submission after, Clock clock) {
    StateObjects.Hold hold = new StateObjects.Hold(event.eventId(), event.creator(),
        event.created(), data.holdType(), data.holdReason());
    after.map("holds").set(event.eventId(), StateObjects.tree(hold));
  }

  private static void validateRemoveHold(RemoveHold data, Event event, Submission state)
      throws InvalidEvent {
    JsonNode holds = state.get("holds");
    if (holds == null || !holds.has(data.holdEventId())) {
      throw new InvalidEvent(data, "submission has no hold " + data.holdEventId());
    }
  }

  private static void addWaiver(AddWaiver data, Event event, Submission after, Clock clock) {
    StateObjects.Waiver waiver = new StateObjects.Waiver(event.eventId(), data.waiverType(),
        data.waiverReason(), event.created(), event.creator());
    after.map("waivers").set(event.eventId(), StateObjects.tree(waiver));
  }

  private static JsonNode copy(JsonNode value) {
    return value == null ? null : value.deepCopy();
  }

  private static String commentOrEmpty(String comment) {
    return comment == null ? "" : comment;
  }
}
