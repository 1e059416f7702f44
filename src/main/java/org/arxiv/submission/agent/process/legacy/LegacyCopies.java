package org.arxiv.submission.agent.process.legacy;

import org.arxiv.submission.agent.process.ExternalService;
import org.arxiv.submission.agent.process.StepContext;
import org.arxiv.submission.agent.process.StepInputs;
import org.arxiv.submission.agent.process.StepRetry;
import org.arxiv.submission.agent.process.services.LegacyFilesystemService;

/** Helpers that both copies to the legacy filesystem use. */
final class LegacyCopies {

  private LegacyCopies() {}

  static LegacyFilesystemService filesystem(StepContext context) {
    return StepInputs.service(context.services().legacyFilesystem(),
        ExternalService.LEGACY_FILESYSTEM);
  }

  /** Throws StepRetry, which retries the copy, when the stored checksum differs from the sent. */
  static void requireSameChecksum(String what, String sent, String stored) {
    if (!sent.equals(stored)) {
      throw new StepRetry("legacy filesystem stored the " + what + " with checksum " + stored
          + ", expected " + sent);
    }
  }
}
