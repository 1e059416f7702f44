package org.arxiv.submission.agent.process.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.HoldType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddHold;
import org.arxiv.submission.agent.domain.event.RemoveHold;
import org.arxiv.submission.agent.process.ProcessServices;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepRetry;
import org.arxiv.submission.agent.process.StepRun;
import org.arxiv.submission.agent.process.TestStates;
import org.arxiv.submission.agent.process.services.CompilerService;
import org.arxiv.submission.agent.process.services.CompilerService.PdfStatus;
import org.arxiv.submission.agent.process.services.CompilerService.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeChecksTest {

  private static List<Event> checkSource(Submission after) throws Exception {
    return StepRun.of(CheckSubmissionSourceSize.definition()).after(after).step("check");
  }

  private static List<Event> evaluatePdf(Submission after, long size) throws Exception {
    return StepRun.of(CheckPDFSize.definition()).after(after).previous(LongNode.valueOf(size))
        .step("evaluate_size");
  }

  @ParameterizedTest
  @CsvSource({
      "18000000, 6000000, false",
      "17999999, 5999999, false",
      "18000001, 6000000, true",
      "18000000, 6000001, true",
      "19500000, 6500000, true"})
  void sourceHeldAboveEitherLimit(long uncompressed, long compressed, boolean held)
      throws Exception {
    List<Event> emitted = checkSource(TestStates.submission().source(uncompressed, compressed)
        .build());

    if (held) {
      assertThat(emitted).extracting(Event::data).containsExactly(new AddHold(
          HoldType.SOURCE_OVERSIZE, uncompressed + " bytes; " + compressed + " bytes compressed"));
    } else {
      assertThat(emitted).isEmpty();
    }
  }

  @Test
  void existingSourceHoldIsKeptAsIs() throws Exception {
    Submission after = TestStates.submission().source(30_000_000, 7_000_000)
        .hold("h1", "source_oversize", "19500000 bytes; 6500000 bytes compressed").build();

    assertThat(checkSource(after)).isEmpty();
  }

  @Test
  void waivedSourceIsNotHeld() throws Exception {
    Submission after = TestStates.submission().source(30_000_000, 7_000_000)
        .waiver("w1", "source_oversize").build();

    assertThat(checkSource(after)).isEmpty();
  }

  @Test
  void otherWaiverDoesNotApply() throws Exception {
    Submission after = TestStates.submission().source(30_000_000, 7_000_000)
        .waiver("w1", "pdf_oversize").build();

    assertThat(checkSource(after)).hasSize(1);
  }

  @Test
  void shrunkSourceReleasesEveryHold() throws Exception {
    Submission after = TestStates.submission().source(18_000_000, 6_000_000)
        .hold("h1", "source_oversize", "old")
        .hold("p1", "pdf_oversize", "pdf")
        .hold("h2", "source_oversize", "older")
        .build();

    String reason = "18000000 bytes; 6000000 bytes compressed";
    assertThat(checkSource(after)).extracting(Event::data).containsExactly(
        new RemoveHold("h1", HoldType.SOURCE_OVERSIZE, reason),
        new RemoveHold("h2", HoldType.SOURCE_OVERSIZE, reason));
  }

  @Test
  void missingSourceSizesFail() {
    assertThatThrownBy(() -> checkSource(TestStates.submission().build()))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("uncompressed_size");
  }

  @ParameterizedTest
  @CsvSource({"14999999, false", "15000000, false", "15000001, true", "20000000, true"})
  void pdfHeldAboveLimit(long size, boolean held) throws Exception {
    List<Event> emitted = evaluatePdf(TestStates.submission().build(), size);

    if (held) {
      assertThat(emitted).extracting(Event::data).containsExactly(new AddHold(
          HoldType.PDF_OVERSIZE, "PDF is " + size + " bytes, exceeds limit of 15000000 bytes"));
    } else {
      assertThat(emitted).isEmpty();
    }
  }

  @Test
  void pdfAtLimitReleasesHold() throws Exception {
    Submission after = TestStates.submission()
        .hold("p1", "pdf_oversize", "PDF is 16000000 bytes, exceeds limit of 15000000 bytes")
        .build();

    assertThat(evaluatePdf(after, 15_000_000)).extracting(Event::data).containsExactly(
        new RemoveHold("p1", HoldType.PDF_OVERSIZE,
            "PDF is 15000000 bytes, below limit of 15000000 bytes"));
    assertThat(evaluatePdf(after, 15_000_001)).isEmpty();
  }

  @Test
  void waivedPdfIsNotHeld() throws Exception {
    Submission after = TestStates.submission().waiver("w1", "pdf_oversize").build();

    assertThat(evaluatePdf(after, 20_000_000)).isEmpty();
  }

  @Test
  void evaluateNeedsSize() {
    StepRun run = StepRun.of(CheckPDFSize.definition()).after(TestStates.submission().build())
        .previous(TextNode.valueOf("big"));

    assertThatThrownBy(() -> run.step("evaluate_size"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("PDF size");
  }

  @Test
  void getSizeNeedsCompiler() {
    StepRun run = StepRun.of(CheckPDFSize.definition())
        .after(TestStates.submission().source(1, 1).build());

    assertThatThrownBy(() -> run.stepResult("get_size"))
        .isInstanceOf(StepFailed.class)
        .hasMessage("needs the compiler service (COMPILER_ENDPOINT), which this agent has no "
            + "client for");
  }

  private static JsonNode getSize(PdfStatus status) throws Exception {
    CompilerService compiler = (sourceId, checksum) -> {
      assertThat(sourceId).isEqualTo("1000001");
      assertThat(checksum).isEqualTo("a1b2c3d4e5f6==");
      return status;
    };
    ProcessServices services = new ProcessServices() {
      @Override
      public List<Candidate> recentSubmissions(Long excludeSubmissionId, Instant since) {
        return List.of();
      }

      @Override
      public Optional<CompilerService> compiler() {
        return Optional.of(compiler);
      }
    };
    return StepRun.of(CheckPDFSize.definition()).after(TestStates.submission().source(1, 1).build())
        .services(services).stepResult("get_size");
  }

  @Test
  void getSizeFollowsCompilationState() throws Exception {
    assertThat(getSize(new PdfStatus(State.COMPLETED, 123L))).isEqualTo(LongNode.valueOf(123));
    assertThatThrownBy(() -> getSize(new PdfStatus(State.IN_PROGRESS, null)))
        .isInstanceOf(StepRetry.class);
    assertThatThrownBy(() -> getSize(new PdfStatus(State.FAILED, null)))
        .isInstanceOf(StepFailed.class)
        .hasMessage("Compilation failed; cannot get size of PDF");
    assertThatThrownBy(() -> getSize(new PdfStatus(State.COMPLETED, null)))
        .isInstanceOf(StepFailed.class);
  }
}
