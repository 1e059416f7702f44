package org.arxiv.submission.agent.projection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Taxonomy;
import org.arxiv.submission.agent.domain.event.EventData;

/** Checks that several event types share; each throws {@link InvalidEvent} naming the value. */
final class Validators {

  /** At most this many secondary categories per submission. */
  static final int MAX_SECONDARIES = 4;

  // A period at the end, unless it ends an ellipsis.
  private static final Pattern TRAILING_PERIOD = Pattern.compile("(?<!\\.\\.)\\.$");

  private Validators() {}

  /** Rejects an event on a submission that is neither working nor deleted. */
  static void requireNotFinalized(EventData data, Submission state) throws InvalidEvent {
    if (state.isFinalized()) {
      throw new InvalidEvent(data,
          "submission is finalized (status \"" + state.status() + "\"), so it cannot change");
    }
  }

  static void requireActiveCategory(EventData data, String category) throws InvalidEvent {
    if (category == null || category.isEmpty()) {
      throw new InvalidEvent(data, "category is missing");
    }
    if (!Taxonomy.isActive(category)) {
      throw new InvalidEvent(data, "\"" + category + "\" is not an active category");
    }
  }

  static void requireNotPrimary(EventData data, String category, Submission state)
      throws InvalidEvent {
    if (category.equals(state.primaryCategory())) {
      throw new InvalidEvent(data, category + " is already the primary category");
    }
  }

  static void requireNotSecondary(EventData data, String category, Submission state)
      throws InvalidEvent {
    if (state.secondaryCategories().contains(category)) {
      throw new InvalidEvent(data, category + " is already a secondary category");
    }
  }

  /** Rejects an event while a user request is pending or approved. */
  static void requireNoActiveRequests(EventData data, Submission state) throws InvalidEvent {
    if (state.hasActiveRequests()) {
      throw new InvalidEvent(data, "submission has a pending or approved user request");
    }
  }

  static void requireRoomForSecondary(EventData data, Submission state) throws InvalidEvent {
    if (state.secondaryCategories().size() >= MAX_SECONDARIES) {
      throw new InvalidEvent(data,
          "submission already has the maximum of " + MAX_SECONDARIES + " secondary categories");
    }
  }

  /**
   * Rejects a general category when the primary or a secondary category is from the same
   * archive, because the more specific category already covers it.
   */
  static void rejectRedundantGeneral(EventData data, String category, Submission state)
      throws InvalidEvent {
    if (!Taxonomy.isGeneral(category)) {
      return;
    }
    Optional<String> archive = Taxonomy.archiveOf(category);
    boolean primaryInArchive = sameArchive(archive, state.primaryCategory());
    boolean secondaryInArchive =
        state.secondaryCategories().stream().anyMatch(c -> sameArchive(archive, c));
    if (primaryInArchive || secondaryInArchive) {
      throw new InvalidEvent(data, "general category " + category
          + " is redundant next to a category from " + archive.orElseThrow());
    }
  }

  /**
   * Rejects a specific category when the general category of its archive is the primary or a
   * secondary category.
   */
  static void rejectRedundantSpecific(EventData data, String category, Submission state)
      throws InvalidEvent {
    if (Taxonomy.isGeneral(category)) {
      return;
    }
    Optional<String> archive = Taxonomy.archiveOf(category);
    String primary = state.primaryCategory();
    if (Taxonomy.isGeneral(primary) && sameArchive(archive, primary)) {
      throw new InvalidEvent(data,
          "specific category " + category + " is redundant next to general primary " + primary);
    }
    List<String> generalSecondaries =
        state.secondaryCategories().stream().filter(Taxonomy::isGeneral).toList();
    for (String secondary : generalSecondaries) {
      if (sameArchive(archive, secondary)) {
        throw new InvalidEvent(data, "specific category " + category
            + " is redundant next to general secondary " + secondary);
      }
    }
  }

  /** Rejects physics.gen-ph, which may only be a primary category. */
  static void rejectGeneralPhysics(EventData data, String category) throws InvalidEvent {
    if ("physics.gen-ph".equals(category)) {
      throw new InvalidEvent(data, "physics.gen-ph cannot be a secondary category");
    }
  }

  static void rejectTrailingPeriod(EventData data, String value) throws InvalidEvent {
    if (TRAILING_PERIOD.matcher(value).find()) {
      throw new InvalidEvent(data, "\"" + value + "\" ends with a period; only an ellipsis may");
    }
  }

  private static boolean sameArchive(Optional<String> archive, String category) {
    return archive.isPresent() && Objects.equals(archive, Taxonomy.archiveOf(category));
  }
}
