package org.arxiv.submission.agent.process.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.arxiv.submission.agent.domain.ContentFlagType;
import org.arxiv.submission.agent.domain.FeatureType;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.AddClassifierResults;
import org.arxiv.submission.agent.domain.event.AddContentFlag;
import org.arxiv.submission.agent.domain.event.AddFeature;
import org.arxiv.submission.agent.domain.event.ClassifierResult;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.services.ClassifierService.Classification;
import org.arxiv.submission.agent.process.services.ClassifierService.Counts;
import org.arxiv.submission.agent.process.text.ClassifierProbability;
import org.arxiv.submission.agent.wire.Json;

/**
 * The {@code process_result} step of RunAutoclassifier: turns the classifier's response into
 * events, in the original's order. First the category probabilities, then one content flag per
 * known flag key, then five features.
 */
final class ClassificationEvents {

  /** Classifier flag keys and the content flags they become; other keys are skipped. */
  private static final Map<String, ContentFlagType> FLAG_TYPES = Map.of(
      "language", ContentFlagType.LANGUAGE,
      "charset", ContentFlagType.CHARACTER_SET,
      "linenos", ContentFlagType.LINE_NUMBERS);

  private ClassificationEvents() {}

  static JsonNode emit(StepContext context) {
    Classification result = parse(context.previousResult());
    Counts counts = result.counts();
    if (counts == null) {
      throw new StepFailed("classifier response has no counts");
    }
    if (counts.words() == 0) {
      throw new StepFailed("classifier counted no words, so the stopword share is undefined");
    }

    context.emit(new AddClassifierResults("classic", probabilities(result)));
    String comment = "flag from classification succeeded at " + Timestamp.now(context.clock());
    for (Map.Entry<String, JsonNode> flag : result.flags().entrySet()) {
      ContentFlagType type = FLAG_TYPES.get(flag.getKey());
      if (type != null) {
        context.emit(new AddContentFlag(flag.getValue(), comment, type));
      }
    }
    emitFeatures(context, counts);
    return null;
  }

  private static Classification parse(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new StepFailed("process_result needs the classifier response from call_classifier");
    }
    try {
      return Json.mapper().treeToValue(json, Classification.class);
    } catch (JsonProcessingException e) {
      throw new StepFailed("invalid classifier response: " + e.getOriginalMessage(), e);
    }
  }

  private static List<ClassifierResult> probabilities(Classification result) {
    return result.suggestions().stream()
        .map(s -> new ClassifierResult(s.category(),
            ClassifierProbability.fromLogOdds(s.logOdds())))
        .toList();
  }

  private static void emitFeatures(StepContext context, Counts counts) {
    context.emit(new AddFeature(FeatureType.CHARACTER_COUNT.wireValue(), counts.chars()));
    context.emit(new AddFeature(FeatureType.PAGE_COUNT.wireValue(), counts.pages()));
    context.emit(new AddFeature(FeatureType.STOPWORD_COUNT.wireValue(), counts.stops()));
    context.emit(new AddFeature(FeatureType.WORD_COUNT.wireValue(), counts.words()));
    double share = (double) counts.stops() / counts.words();
    context.emit(new AddFeature(FeatureType.STOPWORD_PERCENT.wireValue(), share));
  }
}
