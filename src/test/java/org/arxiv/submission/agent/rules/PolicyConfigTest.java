package org.arxiv.submission.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.arxiv.submission.agent.wire.PythonJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyConfigTest {

  private static PolicyConfig withSetting(String key, String value) {
    return PolicyConfig.from(k -> k.equals(key) ? value : null);
  }

  @Test
  void defaultsMatchOriginal() {
    PolicyConfig config = PolicyConfig.defaults();

    assertThat(config.reclassifyProposalThreshold()).isEqualTo(0.57);
    assertThat(config.lowStopPercent()).isEqualTo(0.10);
    assertThat(config.lowStop()).isEqualTo(400);
    assertThat(config.highStopPercent()).isEqualTo(0.30);
    assertThat(config.multipleLimit()).isEqualTo(1.01);
    assertThat(config.linenosLimit()).isZero();
    assertThat(config.titleSimilarityWindowDays()).isEqualTo(91.25);
    assertThat(config.titleSimilarityThreshold()).isEqualTo(0.7);
    assertThat(config.metadataAsciiThreshold()).isEqualTo(0.5);
    assertThat(config.compressedPackageMaxBytes()).isEqualTo(6_000_000L);
    assertThat(config.uncompressedPackageMaxBytes()).isEqualTo(18_000_000L);
    assertThat(config.pdfLimitBytes()).isEqualTo(15_000_000L);
    assertThat(config.noReclassifyCategories()).containsExactly("cs.CE");
    assertThat(config.noReclassifyArchives()).containsExactly("econ");
    assertThat(config.autoCrossForPrimary())
        .containsExactly(Map.entry("cs.LG", "stat.ML"), Map.entry("stat.ML", "cs.LG"));
    assertThat(config.maxSaveRetries()).isEqualTo(25);
    assertThat(config.defaultSaveRetryDelaySeconds()).isEqualTo(30);
    assertThat(config.enableCallbacks()).isTrue();
    assertThat(config.coreVersion()).isEqualTo("0.0.0");
  }

  @Test
  void emptyLookupGivesDefaults() {
    assertThat(PolicyConfig.from(key -> null)).isEqualTo(PolicyConfig.defaults());
  }

  @Test
  void everyKeyIsReadUnderItsOriginalName() {
    Map<String, String> settings = Map.ofEntries(
        Map.entry("RECLASSIFY_PROPOSAL_THRESHOLD", "0.6"),
        Map.entry("LOW_STOP_PERCENT", "0.2"),
        Map.entry("LOW_STOP", "500"),
        Map.entry("HIGH_STOP_PERCENT", "0.4"),
        Map.entry("MULTIPLE_LIMIT", "2"),
        Map.entry("LINENOS_LIMIT", "3"),
        Map.entry("TITLE_SIMILARITY_WINDOW", "30"),
        Map.entry("TITLE_SIMILARITY_THRESHOLD", "0.8"),
        Map.entry("METADATA_ASCII_THRESHOLD", "0.25"),
        Map.entry("COMPRESSED_PACKAGE_MAX_BYTES", "7_000_000"),
        Map.entry("UNCOMPRESSED_PACKAGE_MAX_BYTES", "19000000"),
        Map.entry("PDF_LIMIT_BYTES", "16000000"),
        Map.entry("NO_RECLASSIFY_CATEGORIES", "cs.CE, math.ST"),
        Map.entry("NO_RECLASSIFY_ARCHIVES", ""),
        Map.entry("AUTO_CROSS_FOR_PRIMARY", "stat.ML:cs.LG,cs.LG:stat.ML,math.ST:stat.TH"),
        Map.entry("MAX_SAVE_RETRIES", "5"),
        Map.entry("DEFAULT_SAVE_RETRY_DELAY", "10"),
        Map.entry("ENABLE_CALLBACKS", "0"),
        Map.entry("CORE_VERSION", "1.2.3"));
    assertThat(settings.keySet()).containsExactlyInAnyOrderElementsOf(PolicyConfig.KEYS);

    PolicyConfig config = PolicyConfig.from(settings::get);

    assertThat(config).isEqualTo(new PolicyConfig(0.6, 0.2, 500, 0.4, 2, 3, 30, 0.8, 0.25,
        7_000_000, 19_000_000, 16_000_000, List.of("cs.CE", "math.ST"), List.of(),
        Map.of("stat.ML", "cs.LG", "cs.LG", "stat.ML", "math.ST", "stat.TH"), 5, 10, false,
        "1.2.3"));
    assertThat(config.autoCrossForPrimary().keySet())
        .containsExactly("stat.ML", "cs.LG", "math.ST");
  }

  @Test
  void paramsSerializeAsOriginal() {
    PolicyConfig config = PolicyConfig.defaults();

    assertThat(PythonJson.write(config.params(List.of("TITLE_SIMILARITY_WINDOW",
        "TITLE_SIMILARITY_THRESHOLD", "LOW_STOP", "LOW_STOP_PERCENT", "PDF_LIMIT_BYTES"))))
        .isEqualTo("{\"TITLE_SIMILARITY_WINDOW\": 91.25, \"TITLE_SIMILARITY_THRESHOLD\": 0.7, "
            + "\"LOW_STOP\": 400, \"LOW_STOP_PERCENT\": 0.1, \"PDF_LIMIT_BYTES\": 15000000}");
    assertThat(PythonJson.write(config.params(List.of("NO_RECLASSIFY_CATEGORIES",
        "AUTO_CROSS_FOR_PRIMARY", "ENABLE_CALLBACKS", "CORE_VERSION"))))
        .isEqualTo("{\"NO_RECLASSIFY_CATEGORIES\": [\"cs.CE\"], \"AUTO_CROSS_FOR_PRIMARY\": "
            + "{\"cs.LG\": \"stat.ML\", \"stat.ML\": \"cs.LG\"}, \"ENABLE_CALLBACKS\": true, "
            + "\"CORE_VERSION\": \"0.0.0\"}");
  }

  @Test
  void integralDecimalStaysFloat() {
    PolicyConfig config = withSetting("TITLE_SIMILARITY_THRESHOLD", "1");

    assertThat(PythonJson.write(config.json("TITLE_SIMILARITY_THRESHOLD"))).isEqualTo("1.0");
  }

  @Test
  void unknownKeyIsRejected() {
    assertThatThrownBy(() -> PolicyConfig.defaults().json("LOW_STOPS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOW_STOPS");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "LOW_STOP|four hundred",
      "LOW_STOP|400.5",
      "LOW_STOP|-1",
      "LOW_STOP|99999999999",
      "LOW_STOP_PERCENT|1.5",
      "LOW_STOP_PERCENT|NaN",
      "RECLASSIFY_PROPOSAL_THRESHOLD|0.5f",
      "TITLE_SIMILARITY_WINDOW|0",
      "TITLE_SIMILARITY_WINDOW|1e400",
      "PDF_LIMIT_BYTES|0",
      "PDF_LIMIT_BYTES|0x10",
      "COMPRESSED_PACKAGE_MAX_BYTES|99999999999999999999",
      "NO_RECLASSIFY_CATEGORIES|cs.CE,,cs.AI",
      "NO_RECLASSIFY_CATEGORIES|not.a.cat",
      "NO_RECLASSIFY_CATEGORIES|cs.CE,cs.XX",
      "NO_RECLASSIFY_CATEGORIES|cs",
      "NO_RECLASSIFY_ARCHIVES|economics",
      "NO_RECLASSIFY_ARCHIVES|econ.GN",
      "AUTO_CROSS_FOR_PRIMARY|cs.LG:stat.XX",
      "AUTO_CROSS_FOR_PRIMARY|a:b",
      "AUTO_CROSS_FOR_PRIMARY|cs.LG=stat.ML",
      "AUTO_CROSS_FOR_PRIMARY|cs.LG:stat.ML,cs.LG:cs.AI",
      "AUTO_CROSS_FOR_PRIMARY|cs.LG:",
      "ENABLE_CALLBACKS|yes",
      "CORE_VERSION|' '"})
  void invalidValueIsRejectedWithKey(String key, String value) {
    assertThatThrownBy(() -> withSetting(key, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("invalid");
  }

  @Test
  void errorNamesConfiguredText() {
    assertThatThrownBy(() -> withSetting("LOW_STOP", "many"))
        .hasMessage("invalid LOW_STOP \"many\": expected an integer such as 400");
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertThat(withSetting("LOW_STOP", " 300 ").lowStop()).isEqualTo(300);
    assertThat(withSetting("AUTO_CROSS_FOR_PRIMARY", " math.ST : stat.TH ").autoCrossForPrimary())
        .containsExactly(Map.entry("math.ST", "stat.TH"));
  }

  @Test
  void unknownCategoryErrorNamesSettingAndValue() {
    assertThatThrownBy(() -> withSetting("NO_RECLASSIFY_CATEGORIES", "cs.CE,not.a.cat"))
        .hasMessage("invalid NO_RECLASSIFY_CATEGORIES \"not.a.cat\": expected a category of "
            + "the arXiv taxonomy, such as cs.CE");
  }

  @Test
  void knownArchivesAreAccepted() {
    assertThat(withSetting("NO_RECLASSIFY_ARCHIVES", "econ, hep-th, astro-ph, test")
        .noReclassifyArchives()).containsExactly("econ", "hep-th", "astro-ph", "test");
  }

  @Test
  void booleanAcceptsTrueAndOne() {
    assertThat(withSetting("ENABLE_CALLBACKS", "TRUE").enableCallbacks()).isTrue();
    assertThat(withSetting("ENABLE_CALLBACKS", "1").enableCallbacks()).isTrue();
    assertThat(withSetting("ENABLE_CALLBACKS", "false").enableCallbacks()).isFalse();
  }

  @Test
  void configuredListsCannotBeChanged() {
    PolicyConfig config = PolicyConfig.defaults();

    assertThatThrownBy(() -> config.noReclassifyCategories().add("cs.XX"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.autoCrossForPrimary().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
