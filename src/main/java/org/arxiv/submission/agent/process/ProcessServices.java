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
 * The outside world as processes see it. A service that is not configured is absent, and the
 * steps that need it fail with a reason that names the missing setting.
 */
public interface ProcessServices {

  /** A recent submission whose title a new title is compared with. */
  record Candidate(long submissionId, String title, Agent owner) {}

  /**
   * Returns the finalized submissions, other than {@code excludeSubmissionId}, created at or
   * after {@code since}, from the agent's own store of submissions seen on the stream.
   */
  List<Candidate> recentSubmissions(Long excludeSubmissionId, Instant since) throws Exception;

  // Network services. Each is empty until a client is configured, and the steps that need an
  // empty one fail permanently with a message that names the setting to add.

  /** Returns the plain-text extraction client, set with PLAINTEXT_ENDPOINT. */
  default Optional<PlainTextService> plainText() {
    return Optional.empty();
  }

  /** Returns the classifier client, set with CLASSIFIER_ENDPOINT. */
  default Optional<ClassifierService> classifier() {
    return Optional.empty();
  }

  /** Returns the compiler client, set with COMPILER_ENDPOINT. */
  default Optional<CompilerService> compiler() {
    return Optional.empty();
  }

  /** Returns the file manager client, set with FILEMANAGER_ENDPOINT. */
  default Optional<FileManagerService> fileManager() {
    return Optional.empty();
  }

  /** Returns the preview client, set with PREVIEW_ENDPOINT. */
  default Optional<PreviewService> preview() {
    return Optional.empty();
  }

  /** Returns the legacy filesystem client, set with FILESYSTEM_ENDPOINT. */
  default Optional<LegacyFilesystemService> legacyFilesystem() {
    return Optional.empty();
  }

  /** Returns the confirmation mailer, set with SMTP_HOSTNAME. */
  default Optional<ConfirmationMailer> mailer() {
    return Optional.empty();
  }
}
