package org.arxiv.submission.agent.process.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.arxiv.submission.agent.TestAgents;
import org.arxiv.submission.agent.domain.event.FinalizeSubmission;
import org.arxiv.submission.agent.process.ProcessDefinition;
import org.arxiv.submission.agent.process.ProcessServices;
import org.arxiv.submission.agent.process.email.SendConfirmationEmail;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepRetry;
import org.arxiv.submission.agent.process.StepRun;
import org.arxiv.submission.agent.process.TestStates;
import org.arxiv.submission.agent.process.services.ContentStream;
import org.arxiv.submission.agent.process.services.FileManagerService;
import org.arxiv.submission.agent.process.services.LegacyFilesystemService;
import org.junit.jupiter.api.Test;

class LegacyAndEmailStepsTest {

  private static StepRun run(ProcessDefinition process) {
    return StepRun.of(process).after(TestStates.submission().source(1, 1).build());
  }

  @Test
  void copiesNeedTheirServices() {
    assertThatThrownBy(() -> run(CopySourceToLegacy.definition()).stepResult("copy_source_content"))
        .isInstanceOf(StepFailed.class)
        .hasMessage("needs the file manager service (FILEMANAGER_ENDPOINT), which this agent "
            + "has no client for");
    assertThatThrownBy(() -> run(CopyPDFPreviewToLegacy.definition()).stepResult("copy_preview"))
        .isInstanceOf(StepFailed.class)
        .hasMessage("needs the preview service (PREVIEW_ENDPOINT), which this agent has no "
            + "client for");
  }

  @Test
  void emailNeedsMailer() {
    StepRun run = run(SendConfirmationEmail.definition())
        .event(TestAgents.user(), new FinalizeSubmission());

    assertThatThrownBy(() -> run.stepResult("send"))
        .isInstanceOf(StepFailed.class)
        .hasMessage("needs the SMTP server (SMTP_HOSTNAME), which this agent has no client for");
  }

  @Test
  void emailNeedsRecipientAddress() {
    StepRun run = run(SendConfirmationEmail.definition())
        .event(TestAgents.client(), new FinalizeSubmission());

    assertThatThrownBy(() -> run.stepResult("send"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("no e-mail address");
  }

  @Test
  void copiesNeedSourcePackage() {
    StepRun run = StepRun.of(CopySourceToLegacy.definition())
        .after(TestStates.submission().build());

    assertThatThrownBy(() -> run.stepResult("copy_source_content"))
        .isInstanceOf(StepFailed.class)
        .hasMessage("Post-event state or source package not set");
  }

  /** A file manager and filesystem that record deposits and report given checksums. */
  private static final class Copies implements ProcessServices {
    final String uploadChecksum;
    final String storedChecksum;
    final List<String> deposits = new ArrayList<>();

    Copies(String uploadChecksum, String storedChecksum) {
      this.uploadChecksum = uploadChecksum;
      this.storedChecksum = storedChecksum;
    }

    @Override
    public List<Candidate> recentSubmissions(Long excludeSubmissionId, Instant since) {
      return List.of();
    }

    @Override
    public Optional<FileManagerService> fileManager() {
      return Optional.of(uploadId -> new ContentStream(
          new ByteArrayInputStream(("source of " + uploadId).getBytes(StandardCharsets.UTF_8)),
          uploadChecksum));
    }

    @Override
    public Optional<LegacyFilesystemService> legacyFilesystem() {
      return Optional.of(new LegacyFilesystemService() {
        @Override
        public String depositSource(long id, InputStream content, String checksum)
            throws Exception {
          deposits.add(id + " " + new String(content.readAllBytes(), StandardCharsets.UTF_8)
              + " " + checksum);
          return storedChecksum;
        }

        @Override
        public String depositPreview(long id, InputStream content, String checksum) {
          throw new UnsupportedOperationException();
        }
      });
    }
  }

  @Test
  void sourceIsCopiedWithChecksum() throws Exception {
    Copies services = new Copies("a1b2c3d4e5f6==", "a1b2c3d4e5f6==");

    run(CopySourceToLegacy.definition()).services(services).stepResult("copy_source_content");

    assertThat(services.deposits).containsExactly("1 source of 1000001 a1b2c3d4e5f6==");
  }

  @Test
  void staleUploadStopsCopy() {
    Copies services = new Copies("newer==", "newer==");

    assertThatThrownBy(() -> run(CopySourceToLegacy.definition()).services(services)
        .stepResult("copy_source_content"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("Checksums do not match");
    assertThat(services.deposits).isEmpty();
  }

  @Test
  void corruptedDepositIsRetried() {
    Copies services = new Copies("a1b2c3d4e5f6==", "garbled==");

    assertThatThrownBy(() -> run(CopySourceToLegacy.definition()).services(services)
        .stepResult("copy_source_content"))
        .isInstanceOf(StepRetry.class)
        .hasMessageContaining("garbled==");
  }
}
