package org.arxiv.submission.agent.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.domain.Submission;
import org.arxiv.submission.agent.domain.Timestamp;
import org.arxiv.submission.agent.domain.event.FinalizeSubmission;
import org.arxiv.submission.agent.wire.RecordCodec;
import org.arxiv.submission.agent.wire.StreamRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every sample record made by the original and compares the projected state. */
class ProjectorSamplesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2020-03-02T15:00:00.123456Z"), ZoneOffset.UTC);

  private final Projector projector = new Projector();

  static IntStream sampleLines() {
    return IntStream.rangeClosed(2, Samples.recordLines().size());
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("sampleLines")
  void projectionMatchesRecordedAfter(int line) throws Exception {
    StreamRecord record = RecordCodec.decode(Samples.recordLines().get(line - 1));
    ObjectNode expected = record.after().toJson().deepCopy();

    Submission after = projector.apply(record.event(), record.before(), CLOCK);

    if (record.event().data() instanceof FinalizeSubmission) {
      assertThat(after.submitted()).isEqualTo(Timestamp.now(CLOCK));
      expected.set("submitted", after.toJson().get("submitted"));
    }
    assertThat(after.toJson()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("sampleLines")
  void projectionKeepsRecordedKeyOrder(int line) throws Exception {
    StreamRecord record = RecordCodec.decode(Samples.recordLines().get(line - 1));

    Submission after = projector.apply(record.event(), record.before(), CLOCK);

    assertSameKeyOrder(after.toJson(), record.after().toJson(), "after");
  }

  /** Asserts that every object in the two trees lists its keys in the same order. */
  private static void assertSameKeyOrder(JsonNode actual, JsonNode expected, String path) {
    if (expected.isObject()) {
      List<String> expectedKeys = new ArrayList<>();
      expected.fieldNames().forEachRemaining(expectedKeys::add);
      assertThat(actual.fieldNames()).toIterable().as(path).containsExactlyElementsOf(expectedKeys);
      for (String key : expectedKeys) {
        assertSameKeyOrder(actual.get(key), expected.get(key), path + "." + key);
      }
    } else if (expected.isArray()) {
      assertThat(actual).as(path).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertSameKeyOrder(actual.get(i), expected.get(i), path + "[" + i + "]");
      }
    }
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("sampleLines")
  void projectionLeavesBeforeUnchanged(int line) throws Exception {
    StreamRecord record = RecordCodec.decode(Samples.recordLines().get(line - 1));
    Submission before = record.before() == null ? null : record.before().copy();

    projector.apply(record.event(), record.before(), CLOCK);

    assertThat(record.before()).isEqualTo(before);
  }
}
