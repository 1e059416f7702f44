package org.arxiv.submission.agent.process.size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.List;
import org.arxiv.submission.agent.domain.HoldType;
import org.arxiv.submission.agent.process.ExternalService;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.process.StepRetry;
import org.arxiv.submission.agent.process.services.CompilerService;
import org.arxiv.submission.agent.process.services.CompilerService.PdfStatus;
import org.arxiv.submission.agent.rules.PolicyConfig;

/**
 * CheckPDFSize: ask the compiler for the size of the compiled PDF, hold the submission when it
 * is larger than PDF_LIMIT_BYTES and release the hold when it is not.
 */
public final class CheckPDFSize {

  public static final String NAME = "CheckPDFSize";

  private CheckPDFSize() {}

  /** Returns the process definition: get the size, then decide on the hold. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(
        new Step("get_size", RetryPolicies.unlimited(2, 2), CheckPDFSize::getSize),
        new Step("evaluate_size", RetryPolicies.standard(), CheckPDFSize::evaluateSize)))
        .withServices(ExternalService.COMPILER);
  }

  /** Returns the PDF size in bytes, polling while the compilation runs. */
  static JsonNode getSize(StepContext context) throws Exception {
    JsonNode source = StepInputs.after(context).sourceContent();
    JsonNode id = source == null ? null : source.get("identifier");
    JsonNode checksum = source == null ? null : source.get("checksum");
    if (id == null || id.isNull() || checksum == null || checksum.isNull()) {
      throw new StepFailed("No source content identifier or checksum on the submission");
    }
    CompilerService compiler = StepInputs.service(context.services().compiler(),
        ExternalService.COMPILER);

    PdfStatus status = compiler.pdfStatus(id.asText(), checksum.asText());
    switch (status.state()) {
      case IN_PROGRESS -> throw new StepRetry(
          "compilation of source " + id.asText() + " is in progress");
      case FAILED -> throw new StepFailed("Compilation failed; cannot get size of PDF");
      default -> {
        if (status.sizeBytes() == null) {
          throw new StepFailed("compiler reported a completed PDF without its size");
        }
        return LongNode.valueOf(status.sizeBytes());
      }
    }
  }

  /**
   * Holds or releases the submission by the size from {@code get_size}. A size equal to the
   * limit is within it, and the removal reason then keeps the original's wording "below limit".
   */
  static JsonNode evaluateSize(StepContext context) {
    JsonNode size = context.previousResult();
    if (size == null || !size.isIntegralNumber()) {
      throw new StepFailed("evaluate_size needs the PDF size in bytes from get_size, got " + size);
    }
    long bytes = size.longValue();
    long limit = StepInputs.integer(context, PolicyConfig.PDF_LIMIT_BYTES);

    OversizeHolds.apply(context, StepInputs.after(context), HoldType.PDF_OVERSIZE, bytes > limit,
        "PDF is " + bytes + " bytes, exceeds limit of " + limit + " bytes",
        "PDF is " + bytes + " bytes, below limit of " + limit + " bytes");
    return null;
  }
}
