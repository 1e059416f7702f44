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
import org.arxiv.submission.agent.process.services.FileManagerService;
import org.arxiv.submission.agent.process.services.LegacyFilesystemService;

/**
 * CopySourceToLegacy: copy the uploaded source package from the file manager to the legacy
 * filesystem, where the classic system reads it.
 */
public final class CopySourceToLegacy {

  public static final String NAME = "CopySourceToLegacy";

  private CopySourceToLegacy() {}

  /** Returns the process definition with its one step. */
  public static ProcessDefinition definition() {
    return new ProcessDefinition(NAME, List.of(new Step("copy_source_content",
        RetryPolicies.unlimited(2, 2), CopySourceToLegacy::copySourceContent)))
        .withServices(ExternalService.FILE_MANAGER, ExternalService.LEGACY_FILESYSTEM);
  }

  static JsonNode copySourceContent(StepContext context) throws Exception {
    JsonNode source = StepInputs.after(context).sourceContent();
    if (source == null || !source.hasNonNull("identifier") || !source.hasNonNull("checksum")) {
      throw new StepFailed("Post-event state or source package not set");
    }
    String uploadId = source.get("identifier").asText();
    String checksum = source.get("checksum").asText();
    long submissionId = StepInputs.submissionId(context);
    FileManagerService fileManager = StepInputs.service(context.services().fileManager(),
        ExternalService.FILE_MANAGER);
    LegacyFilesystemService filesystem = LegacyCopies.filesystem(context);

    try (ContentStream upload = fileManager.uploadContent(uploadId)) {
      // A later upload event starts its own copy, so this one stops for good.
      if (!checksum.equals(upload.checksum())) {
        throw new StepFailed("Checksums do not match: the file manager has " + upload.checksum()
            + " for upload " + uploadId + ", the submission expects " + checksum);
      }
      String stored = filesystem.depositSource(submissionId, upload.content(), checksum);
      LegacyCopies.requireSameChecksum("source", checksum, stored);
    }
    return null;
  }
}
