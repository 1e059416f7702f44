package org.arxiv.submission.agent.process.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.arxiv.submission.agent.process.ExternalService;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.RetryPolicies;
import org.arxiv.submission.agent.process.Step;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.process.services.ContentStream;
import org.arxiv.submission.agent.process.services.LegacyFilesystemService;
import org.arxiv.submission.agent.process.services.PreviewService;

/**
 * CopyPDFPreviewToLegacy: copy the PDF preview of the current source package from the preview
 * service to the legacy filesystem.
 */
public final class CopyPDFPreviewToLegacy {

  public static final String NAME = "CopyPDFPreviewToLegacy";

  private CopyPDFPreviewToLegacy() {}

  /** Returns the process definition with its one step. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(new Step("copy_preview",
        RetryPolicies.unlimited(2, 2), CopyPDFPreviewToLegacy::copyPreview)))
        .withServices(ExternalService.PREVIEW, ExternalService.LEGACY_FILESYSTEM);
  }

  static JsonNode copyPreview(StepContext context) throws Exception {
    JsonNode source = StepInputs.after(context).sourceContent();
    if (source == null || !source.hasNonNull("identifier") || !source.hasNonNull("checksum")) {
      throw new StepFailed("Post-event state or source package not set");
    }
    String sourceId = source.get("identifier").asText();
    String sourceChecksum = source.get("checksum").asText();
    long submissionId = StepInputs.submissionId(context);
    PreviewService previews = StepInputs.service(context.services().preview(),
        ExternalService.PREVIEW);
    LegacyFilesystemService filesystem = LegacyCopies.filesystem(context);

    try (ContentStream preview = previews.preview(sourceId, sourceChecksum)) {
      String stored =
          filesystem.depositPreview(submissionId, preview.content(), preview.checksum());
      LegacyCopies.requireSameChecksum("preview", preview.checksum(), stored);
    }
    return null;
  }
}
