package org.arxiv.submission.agent.projection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Taxonomy;
import org.arxiv.submission.agent.domain.event.AddSecondaryClassification;
import org.arxiv.submission.agent.domain.event.EventData;
import org.arxiv.submission.agent.domain.event.Reclassify;
import org.arxiv.submission.agent.domain.event.RemoveSecondaryClassification;
import org.arxiv.submission.agent.domain.event.SetPrimaryClassification;

/**
 * Events that set the primary category and the secondary (cross-list) categories.
 *
 * <p>Adding a secondary category and reclassifying have no finalisation check, as in the
 * original: the agent proposes cross-lists for submitted submissions, and those proposals must
 * pass validation.
 */
final class ClassificationProjection {

  private ClassificationProjection() {}

  static void register(EventHandlers table) {
    table.on(SetPrimaryClassification.class, ClassificationProjection::validatePrimary,
        (data, event, after, clock) -> setPrimary(data.category(), after));
    table.on(AddSecondaryClassification.class, ClassificationProjection::validateAddSecondary,
        ClassificationProjection::addSecondary);
    table.on(RemoveSecondaryClassification.class,
        ClassificationProjection::validateRemoveSecondary,
        ClassificationProjection::removeSecondary);
    table.on(Reclassify.class, ClassificationProjection::validateReclassify,
        (data, event, after, clock) -> setPrimary(data.category(), after));
  }

  private static void validatePrimary(
      SetPrimaryClassification data, Event event, Submission state) throws InvalidEvent {
    Validators.requireActiveCategory(data, data.category());
    requireEndorsement(data, event, data.category());
    requireUnannounced(data, state);
    Validators.requireNotFinalized(data, state);
    Validators.requireNotSecondary(data, data.category(), state);
  }

  /**
   * Rejects a primary category that a user or client is not endorsed for. System agents need
   * no endorsement, and an endorsement for {@code "<archive>.*"} or {@code "*.*"} covers every
   * category of the archive or of all archives.
   */
  private static void requireEndorsement(EventData data, Event event, String category)
      throws InvalidEvent {
    if (event.creator().isSystem()) {
      return;
    }
    String archive = Taxonomy.archiveOf(category).orElse(category);
    List<String> endorsements = event.creator().endorsements();
    boolean endorsed = endorsements.contains(category)
        || endorsements.contains(archive + ".*")
        || endorsements.contains("*.*");
    if (!endorsed) {
      throw new InvalidEvent(data, "creator is not endorsed for " + category);
    }
  }

  /** Rejects a change of primary category once a version has been announced. */
  private static void requireUnannounced(EventData data, Submission state) throws InvalidEvent {
    if (state.arxivId() != null || state.version() > 1) {
      throw new InvalidEvent(data, "primary category can only be set on the first version,"
          + " before announcement (arxiv_id " + state.arxivId() + ", version "
          + state.version() + ")");
    }
  }

  private static void setPrimary(String category, Submission after) {
    after.set("primary_classification",
        StateObjects.tree(new StateObjects.Classification(category)));
  }

  private static void validateAddSecondary(
      AddSecondaryClassification data, Event event, Submission state) throws InvalidEvent {
    String category = data.category();
    Validators.requireActiveCategory(data, category);
    Validators.requireNotPrimary(data, category, state);
    Validators.requireNotSecondary(data, category, state);
    Validators.requireRoomForSecondary(data, state);
    Validators.rejectRedundantGeneral(data, category, state);
    Validators.rejectRedundantSpecific(data, category, state);
    Validators.rejectGeneralPhysics(data, category);
  }

  private static void addSecondary(
      AddSecondaryClassification data, Event event, Submission after, Clock clock) {
    after.list("secondary_classification")
        .add(StateObjects.tree(new StateObjects.Classification(data.category())));
  }

  private static void validateRemoveSecondary(
      RemoveSecondaryClassification data, Event event, Submission state) throws InvalidEvent {
    Validators.requireActiveCategory(data, data.category());
    if (!state.secondaryCategories().contains(data.category())) {
      throw new InvalidEvent(data, data.category() + " is not a secondary category");
    }
    Validators.requireNotFinalized(data, state);
  }

  private static void removeSecondary(
      RemoveSecondaryClassification data, Event event, Submission after, Clock clock) {
    ArrayNode secondaries = after.list("secondary_classification");
    for (int i = secondaries.size() - 1; i >= 0; i--) {
      String category = StateObjects.textOrNull(secondaries.get(i), "category");
      if (data.category().equals(category)) {
        secondaries.remove(i);
      }
    }
  }

  private static void validateReclassify(Reclassify data, Event event, Submission state)
      throws InvalidEvent {
    Validators.requireActiveCategory(data, data.category());
    requireUnannounced(data, state);
    Validators.requireNotSecondary(data, data.category(), state);
  }
}
