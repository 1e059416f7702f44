package org.arxiv.submission.agent.process.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.MetadataFlagType;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.event.AddMetadataFlag;
import org.arxiv.submission.agent.domain.event.RemoveFlag;
import org.arxiv.submission.agent.process.StepFailed;
import org.arxiv.submission.agent.process.StepRun;
import org.arxiv.submission.agent.process.TestStates;
import org.arxiv.submission.agent.wire.PythonJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnicodeAbuseChecksTest {

  private static List<Event> checkTitle(Submission after) throws Exception {
    return StepRun.of(UnicodeAbuseChecks.titleDefinition()).after(after).step("check_title");
  }

  private static List<Event> checkAbstract(Submission after) throws Exception {
    return StepRun.of(UnicodeAbuseChecks.abstractDefinition()).after(after).step("check_abstract");
  }

  @ParameterizedTest
  @CsvSource({
      "abcd, ",
      "ab\u00e9\u00e9, ",
      "ab\u00e9\u00e9\u00e9, 0.4",
      "a\u00e9\u00e9\u00e9, 0.25",
      "\u91cf\u5b50, 0.0"})
  void titleFlaggedBelowHalfAscii(String title, Double level) throws Exception {
    List<Event> emitted = checkTitle(TestStates.submission().title(title).build());

    if (level == null) {
      assertThat(emitted).isEmpty();
      return;
    }
    assertThat(emitted).hasSize(1);
    AddMetadataFlag flag = (AddMetadataFlag) emitted.get(0).data();
    assertThat(flag.flagType()).isEqualTo(MetadataFlagType.CHARACTER_SET);
    assertThat(flag.field()).isEqualTo("title");
    assertThat(flag.comment()).isEqualTo("Possible excessive use of non-ASCII characters.");
    assertThat(PythonJson.write(flag.flagData())).isEqualTo("{\"ascii\": " + level + "}");
  }

  @Test
  void abstractFlagUsesAbstractField() throws Exception {
    List<Event> emitted = checkAbstract(TestStates.submission().abstractText("\u00e9\u00e9a")
        .build());

    AddMetadataFlag flag = (AddMetadataFlag) emitted.get(0).data();
    assertThat(flag.field()).isEqualTo("abstract");
    assertThat(flag.flagData().get("ascii").doubleValue()).isEqualTo(1.0 / 3);
  }

  @Test
  void earlierFlagsOfSameFieldAreRemoved() throws Exception {
    Submission after = TestStates.submission().title("Plain title")
        .flag("t1", "MetadataFlag", "character_set", "title")
        .flag("a1", "MetadataFlag", "character_set", "abstract")
        .flag("d1", "MetadataFlag", "possible duplicate title", "title")
        .flag("c1", "ContentFlag", "character set", null)
        .flag("t2", "MetadataFlag", "character_set", "title")
        .build();

    assertThat(checkTitle(after)).extracting(Event::data)
        .containsExactly(new RemoveFlag("t1"), new RemoveFlag("t2"));
  }

  @Test
  void stillAbusiveTitleIsReflagged() throws Exception {
    Submission after = TestStates.submission().title("\u91cf\u5b50")
        .flag("t1", "MetadataFlag", "character_set", "title").build();

    List<Event> emitted = checkTitle(after);

    assertThat(emitted).hasSize(2);
    assertThat(emitted.get(0).data()).isEqualTo(new RemoveFlag("t1"));
    assertThat(emitted.get(1).data()).isInstanceOf(AddMetadataFlag.class);
  }

  @Test
  void missingTitleFailsBeforeRemovingFlags() {
    Submission after = TestStates.submission()
        .flag("t1", "MetadataFlag", "character_set", "title").build();
    StepRun run = StepRun.of(UnicodeAbuseChecks.titleDefinition()).after(after);

    assertThatThrownBy(() -> run.step("check_title"))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("no title");
    assertThat(run.emitted()).isEmpty();
  }

  @Test
  void missingStateFails() {
    assertThatThrownBy(() -> checkAbstract(null))
        .isInstanceOf(StepFailed.class)
        .hasMessageContaining("post-event");
  }
}
