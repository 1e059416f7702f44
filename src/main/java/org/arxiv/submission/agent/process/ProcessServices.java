package org.arxiv.submission.agent.process;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.process.services.ClassifierService;
import org.arxiv.submission.agent.process.services.CompilerService;
import org.arxiv.submission.agent.process.services.ConfirmationMailer;
import org.arxiv.submission.agent.process.services.FileManagerService;
import org.arxiv.submission.agent.process.services.LegacyFilesystemService;
import org.arxiv.submission.agent.process.services.PlainTextService;
import org.arxiv.submission.agent.process.services.PreviewService;

/**
 * The outside world as processes see it. A network service without a client is absent, and the
 * steps that need it fail with a reason that names the service and its setting.
 */
public interface ProcessServices {

  /** A recent submission whose title a new title is compared with. */
  record Candidate(long submissionId, String title, Agent owner) {}

  /**
   * Returns the finalized submissions, other than {@code excludeSubmissionId}, created at or
   * after {@code since}, from the agent's own store of submissions seen on the stream.
   */
  List<Candidate> recentSubmissions(Long excludeSubmissionId, Instant since) throws Exception;

  // Network services. The agent includes no client for any of them, so each is empty unless an
  // embedding application supplies one, and the steps that need an empty one fail permanently
  // (see ExternalService).

  /** Returns the client of the plain-text extraction service (PLAINTEXT_ENDPOINT). */
  default Optional<PlainTextService> plainText() {
    return Optional.empty();
  }

  /** Returns the client of the classifier service (CLASSIFIER_ENDPOINT). */
  default Optional<ClassifierService> classifier() {
    return Optional.empty();
  }

  /** Returns the client of the compiler service (COMPILER_ENDPOINT). */
  default Optional<CompilerService> compiler() {
    return Optional.empty();
  }

  /** Returns the client of the file manager service (FILEMANAGER_ENDPOINT). */
  default Optional<FileManagerService> fileManager() {
    return Optional.empty();
  }

  /** Returns the client of the preview service (PREVIEW_ENDPOINT). */
  default Optional<PreviewService> preview() {
    return Optional.empty();
  }

  /** Returns the client of the legacy filesystem service (FILESYSTEM_ENDPOINT). */
  default Optional<LegacyFilesystemService> legacyFilesystem() {
    return Optional.empty();
  }

  /** Returns the confirmation mailer, which uses the SMTP server (SMTP_HOSTNAME). */
  default Optional<ConfirmationMailer> mailer() {
    return Optional.empty();
  }
}
