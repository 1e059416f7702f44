package org.arxiv.submission.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arxiv.submission.agent.Samples;
import org.arxiv.submission.agent.domain.Event;
import org.arxiv.submission.agent.domain.event.SetTitle;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  @Test
  void everySampleRecordReencodesByteForByte() throws Exception {
    List<String> lines = Samples.recordLines();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      StreamRecord record = RecordCodec.decode(line);
      assertThat(RecordCodec.encode(record)).as("line %d", i + 1).isEqualTo(line);
    }
  }

  @Test
  void healthCheckDocumentIsRejected() {
    assertThatThrownBy(() -> RecordCodec.decode("{}"))
        .isInstanceOf(RecordDecodeException.class)
        .hasMessageContaining("missing \"event\"");
  }

  @Test
  void healthCheckLacksRecordKey() {
    assertThatThrownBy(() -> RecordCodec.decode("{}"))
        .isInstanceOf(MissingRecordKeyException.class);
  }

  @Test
  void partialRecordIsNotHealthCheck() {
    String line = Samples.recordLines().get(9).replaceFirst("^\\{\"event\"", "{\"evnt\"");
    assertThatThrownBy(() -> RecordCodec.decode(line))
        .isInstanceOf(RecordDecodeException.class)
        .isNotInstanceOf(MissingRecordKeyException.class)
        .hasMessage("record is missing \"event\"");
  }

  @Test
  void invalidUtf8IsRejected() {
    String text = Samples.recordLines().stream()
        .filter(l -> l.contains("\"title\": \"Spectroscopic")).findFirst().orElseThrow();
    byte[] line = text.getBytes(StandardCharsets.US_ASCII);
    // An ASCII title letter replaced by a UTF-8 lead byte followed by an ASCII letter.
    int letter = text.indexOf("\"title\": \"Spectroscopic") + "\"title\": \"".length();
    line[letter] = (byte) 0xC3;
    assertThatThrownBy(() -> RecordCodec.decode(line))
        .isInstanceOf(RecordDecodeException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void missingCreatorIdIsNotMissingKey() {
    String line = Samples.recordLines().get(9).replaceFirst("\"native_id\": \"1234\", ", "");
    assertThatThrownBy(() -> RecordCodec.decode(line))
        .isInstanceOf(RecordDecodeException.class)
        .isNotInstanceOf(MissingRecordKeyException.class)
        .hasMessageContaining("native_id");
  }

  @Test
  void nonJsonIsRejected() {
    assertThatThrownBy(() -> RecordCodec.decode("not json"))
        .isInstanceOf(RecordDecodeException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void unknownEventTypeIsRejected() {
    String line = Samples.recordLines().get(9).replace("\"SetTitle\"", "\"SetColour\"");
    assertThatThrownBy(() -> RecordCodec.decode(line))
        .isInstanceOf(RecordDecodeException.class)
        .hasMessageContaining("unknown event type \"SetColour\"");
  }

  @Test
  void eventIdMatchesSha1OfCreatedTypeAndCreator() throws Exception {
    Event event = RecordCodec.decode(Samples.recordLines().get(9)).event();
    assertThat(event.data()).isInstanceOf(SetTitle.class);
    assertThat(event.eventId())
        .isEqualTo(org.arxiv.submission.agent.domain.Hashing.sha1Hex(
            "2020-03-02T14:01:03.133455+00:00:SetTitle:"));
  }

  @Test
  void titleThatLooksLikeDateStaysString() throws Exception {
    String line = Samples.recordLines().get(9)
        .replaceFirst("\"title\": \"[^\"]*\", \"__type__\": \"event\"",
            "\"title\": \"2019-01-01\", \"__type__\": \"event\"");
    SetTitle title = (SetTitle) RecordCodec.decode(line).event().data();
    assertThat(title.title()).isEqualTo("2019-01-01");
  }
}
