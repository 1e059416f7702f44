package org.arxiv.submission.agent.projection;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.FeatureType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddClassifierResults;
import org.arxiv.submission.agent.domain.event.AddFeature;
import org.arxiv.submission.agent.domain.event.AddProcessStatus;

/**
 * Events that record what the agent found: feature counts, classifier results and the states
 * of its processes.
 *
 * <p>Feature types and classifiers are checked by their wire value. The original checked
 * membership in its enums, which every event rebuilt from JSON failed because it carried a
 * plain string.
 */
final class AnnotationProjection {

  /** The one classifier whose results the original accepts. */
  static final String CLASSIC_CLASSIFIER = "classic";

  private static final List<String> FEATURE_TYPES =
      Arrays.stream(FeatureType.values()).map(FeatureType::wireValue).toList();

  private AnnotationProjection() {}

  static void register(EventHandlers table) {
    table.on(AddFeature.class,
        AnnotationProjection::validateFeature, AnnotationProjection::addFeature);
    table.on(AddClassifierResults.class, AnnotationProjection::validateClassifierResults,
        AnnotationProjection::addClassifierResults);
    table.on(AddProcessStatus.class,
        AnnotationProjection::validateProcessStatus, AnnotationProjection::addProcessStatus);
  }

  private static void validateFeature(AddFeature data, Event event, Submission state)
      throws InvalidEvent {
    if (!FEATURE_TYPES.contains(data.featureType())) {
      throw new InvalidEvent(data, "feature_type \"" + data.featureType() + "\" is not one of "
          + String.join(", ", FEATURE_TYPES));
    }
  }

  private static void addFeature(AddFeature data, Event event, Submission after, Clock clock) {
    StateObjects.Feature feature = new StateObjects.Feature(event.eventId(), event.creator(),
        event.created(), data.featureType(), event.proxy(), data.featureValue(), "Feature");
    after.map("annotations").set(event.eventId(), StateObjects.tree(feature));
  }

  private static void validateClassifierResults(
      AddClassifierResults data, Event event, Submission state) throws InvalidEvent {
    if (!CLASSIC_CLASSIFIER.equals(data.classifier())) {
      throw new InvalidEvent(data, "classifier \"" + data.classifier() + "\" is not "
          + CLASSIC_CLASSIFIER);
    }
  }

  /** Adds the results as given; an empty list still adds an annotation, as in the original. */
  private static void addClassifierResults(
      AddClassifierResults data, Event event, Submission after, Clock clock) {
    StateObjects.ClassifierResults results = new StateObjects.ClassifierResults(event.eventId(),
        event.creator(), event.created(), event.proxy(), data.classifier(), data.results(),
        "ClassifierResults");
    after.map("annotations").set(event.eventId(), StateObjects.tree(results));
  }

  private static void validateProcessStatus(AddProcessStatus data, Event event, Submission state)
      throws InvalidEvent {
    if (data.process() == null) {
      throw new InvalidEvent(data, "process is missing");
    }
  }

  private static void addProcessStatus(
      AddProcessStatus data, Event event, Submission after, Clock clock) {
    StateObjects.ProcessStatus status = new StateObjects.ProcessStatus(event.creator(),
        event.created(), data.process(), data.step(), data.status(), data.reason());
    after.list("processes").add(StateObjects.tree(status));
  }
}
