package org.arxiv.submission.agent.process.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.arxiv.submission.agent.process.ExternalService;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.process.StepRetry;
import org.arxiv.submission.agent.process.services.ClassifierService;
import org.arxiv.submission.agent.process.services.ClassifierService.Classification;
import org.arxiv.submission.agent.process.services.PlainTextService;
import org.arxiv.submission.agent.wire.Json;

/**
 * RunAutoclassifier: extract the plain text of the submission's source, classify it and record
 * the classifier's categories, flags and counts on the submission.
 *
 * <p>Unlike the original, {@code call_classifier} returns the classifier's response and {@code
 * process_result} emits the events, so a successful classification is not reported as failed.
 */
public final class RunAutoclassifier {

  public static final String NAME = "RunAutoclassifier";

  private RunAutoclassifier() {}

  /** Returns the process definition with its five steps. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(
        new Step("start_extraction", RetryPolicies.unlimited(2, 2),
            RunAutoclassifier::startExtraction),
        new Step("poll_extraction", RetryPolicies.unlimited(1, 1).withJitter(0, 1),
            RunAutoclassifier::pollExtraction),
        new Step("retrieve_content", RetryPolicies.unlimited(2, 2),
            RunAutoclassifier::retrieveContent),
        new Step("call_classifier", RetryPolicies.unlimited(2, 2),
            RunAutoclassifier::callClassifier),
        new Step("process_result", RetryPolicies.standard(), ClassificationEvents::emit)))
        .withServices(ExternalService.PLAIN_TEXT, ExternalService.CLASSIFIER);
  }

  static JsonNode startExtraction(StepContext context) throws Exception {
    SourceRef source = SourceRef.of(context);
    plainText(context).requestExtraction(source.id(), source.checksum());
    return null;
  }

  static JsonNode pollExtraction(StepContext context) throws Exception {
    SourceRef source = SourceRef.of(context);
    if (!plainText(context).isExtractionComplete(source.id(), source.checksum())) {
      throw new StepRetry("plain-text extraction of source " + source.id() + " is in progress");
    }
    return null;
  }

  // NOTE: the text is this step's result, so the runner stores all of it between steps. Nothing
  // here limits its size.
  static JsonNode retrieveContent(StepContext context) throws Exception {
    SourceRef source = SourceRef.of(context);
    return TextNode.valueOf(plainText(context).retrieveContent(source.id(), source.checksum()));
  }

  static JsonNode callClassifier(StepContext context) throws Exception {
    JsonNode text = context.previousResult();
    if (text == null || !text.isTextual()) {
      throw new StepFailed("call_classifier needs the plain text from retrieve_content");
    }
    ClassifierService classifier = StepInputs.service(context.services().classifier(),
        ExternalService.CLASSIFIER);
    Classification result = classifier.classify(text.textValue());
    return Json.mapper().valueToTree(result);
  }

  private static PlainTextService plainText(StepContext context) {
    return StepInputs.service(context.services().plainText(), ExternalService.PLAIN_TEXT);
  }

  /** The source package of the post-event state: its upload identifier and checksum. */
  record SourceRef(String id, String checksum) {

    static SourceRef of(StepContext context) {
      JsonNode source = StepInputs.after(context).sourceContent();
      JsonNode id = source == null ? null : source.get("identifier");
      JsonNode checksum = source == null ? null : source.get("checksum");
      if (id == null || id.isNull() || checksum == null || checksum.isNull()) {
        throw new StepFailed("No source content identifier or checksum on the submission");
      }
      return new SourceRef(id.asText(), checksum.asText());
    }
  }
}
