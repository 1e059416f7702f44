package org.arxiv.submission.agent.process.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import org.arxiv.submission.agent.domain.Agent;
import org.arxiv.submission.agent.domain.ContentFlagType;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddContentFlag;
import org.arxiv.submission.agent.domain.event.AddFeature;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepRun;
import org.arxiv.submission.agent.process.TestStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StopwordChecksTest {

  private static List<Event> checkCount(Submission after) throws Exception {
    return StepRun.of(StopwordChecks.countDefinition())
        .event(Agent.system("RunAutoclassifier"), new AddFeature("stops", 1))
        .after(after).step("check_stop_count");
  }

  private static List<Event> checkPercent(Submission after) throws Exception {
    return StepRun.of(StopwordChecks.percentDefinition())
        .event(Agent.system("RunAutoclassifier"), new AddFeature("%stop", 0.1))
        .after(after).step("check_stop_percent");
  }

  @ParameterizedTest
  @CsvSource({"0, true", "399, true", "400, false", "401, false"})
  void countFlagsBelowLowStop(int stops, boolean flagged) throws Exception {
    Submission after = TestStates.submission().feature("f1", "stops", stops).build();

    List<Event> emitted = checkCount(after);

    if (flagged) {
      assertThat(emitted).extracting(Event::data).containsExactly(new AddContentFlag(
          IntNode.valueOf(stops), StopwordChecks.COMMENT, ContentFlagType.LOW_STOP));
    } else {
      assertThat(emitted).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource({"0.0999, true", "0.09999999, true", "0.1, false", "0.10001, false", "0.5, false"})
  void percentFlagsBelowLowStopPercent(double share, boolean flagged) throws Exception {
    Submission after = TestStates.submission().feature("f1", "%stop", share).build();

    List<Event> emitted = checkPercent(after);

    if (flagged) {
      assertThat(emitted).extracting(Event::data).containsExactly(new AddContentFlag(
          DoubleNode.valueOf(share), StopwordChecks.COMMENT, ContentFlagType.LOW_STOP_PERCENT));
    } else {
      assertThat(emitted).isEmpty();
    }
  }

  @Test
  void newestCountDecidesAndIsReported() throws Exception {
    Submission lowThenHigh = TestStates.submission()
        .feature("old", "stops", 12).feature("new", "stops", 1733).build();
    Submission highThenLow = TestStates.submission()
        .feature("old", "stops", 1733).feature("new", "stops", 12).build();

    assertThat(checkCount(lowThenHigh)).isEmpty();
    assertThat(checkCount(highThenLow)).extracting(Event::data).containsExactly(
        new AddContentFlag(IntNode.valueOf(12), StopwordChecks.COMMENT,
            ContentFlagType.LOW_STOP));
  }

  @Test
  void otherFeatureTypesAreIgnored() throws Exception {
    Submission after = TestStates.submission()
        .feature("f1", "words", 5).feature("f2", "%stop", 0.01).feature("f3", "stops", 900)
        .build();

    assertThat(checkCount(after)).isEmpty();
  }

  @Test
  void missingFeatureFails() {
    Submission after = TestStates.submission().feature("f1", "words", 5).build();

    assertThatThrownBy(() -> checkCount(after))
        .isInstanceOf(StepFailed.class)
        .hasMessage("No stopword count feature on submission");
    assertThatThrownBy(() -> checkPercent(after))
        .isInstanceOf(StepFailed.class)
        .hasMessage("No stopword percentage feature on submission");
  }

  @Test
  void configuredThresholdIsUsed() throws Exception {
    Submission after = TestStates.submission().feature("f1", "stops", 450).build();

    List<Event> emitted = StepRun.of(StopwordChecks.countDefinition())
        .param("LOW_STOP", IntNode.valueOf(500)).after(after).step("check_stop_count");

    assertThat(emitted).hasSize(1);
  }

  @Test
  void missingThresholdFails() {
    Submission after = TestStates.submission().feature("f1", "stops", 450).build();
    StepRun run = StepRun.of(StopwordChecks.countDefinition()).param("LOW_STOP", null).after(after);

    assertThatThrownBy(() -> run.step("check_stop_count"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("LOW_STOP");
  }

  @Test
  void flagIsCreatedByProcessAgent() throws Exception {
    Submission after = TestStates.submission().feature("f1", "stops", 3).build();

    Event flag = checkCount(after).get(0);

    assertThat(flag.creator()).isEqualTo(Agent.system("CheckStopwordCount"));
    assertThat(flag.submissionId()).isEqualTo(1L);
  }
}
