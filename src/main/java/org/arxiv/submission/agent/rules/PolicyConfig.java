package org.arxiv.submission.agent.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.arxiv.submission.agent.domain.Taxonomy;

/**
 * The policy settings that rules pass to processes as parameters. Keys, defaults and units are
 * those of the original agent's configuration, and each setting is read under its original key.
 *
 * <p>Text forms accepted by {@link #from(Function)}: integers as decimal digits (underscores
 * between digits allowed, as in Python), decimals as plain or exponent notation, booleans as
 * {@code 1}/{@code 0}/{@code true}/{@code false}, lists as comma-separated items ({@code
 * "cs.CE,cs.XX"}, empty text for an empty list) and maps as comma-separated {@code key:value}
 * pairs ({@code "cs.LG:stat.ML,stat.ML:cs.LG"}). Whitespace around items is ignored.
 *
 * @param reclassifyProposalThreshold minimum classifier probability (0 to 1) for proposing a new
 *     primary category; default 0.57, about log-odds 0.3
 * @param lowStopPercent stopword fraction (0 to 1) below which content is flagged; default 0.10
 * @param lowStop stopword count below which content is flagged; default 400
 * @param highStopPercent stopword fraction (0 to 1); no process reads it; default 0.30
 * @param multipleLimit no process reads it; default 1.01
 * @param linenosLimit no process reads it; default 0
 * @param titleSimilarityWindowDays how far back, in days, titles are compared; default 91.25
 * @param titleSimilarityThreshold Jaccard similarity (0 to 1) above which a title is flagged as a
 *     possible duplicate; default 0.7
 * @param metadataAsciiThreshold ASCII fraction (0 to 1) below which a title or abstract is
 *     flagged; default 0.5
 * @param compressedPackageMaxBytes largest compressed source package, in bytes, that is not held;
 *     default 6,000,000
 * @param uncompressedPackageMaxBytes largest uncompressed source package, in bytes, that is not
 *     held; default 18,000,000
 * @param pdfLimitBytes largest compiled PDF, in bytes, that is not held; default 15,000,000
 * @param noReclassifyCategories primary categories never proposed for reclassification; default
 *     cs.CE
 * @param noReclassifyArchives archives whose categories are never proposed for reclassification;
 *     default econ
 * @param autoCrossForPrimary cross-list category proposed for a primary category; default cs.LG
 *     to stat.ML and stat.ML to cs.LG
 * @param maxSaveRetries retries of a failed save; default 25
 * @param defaultSaveRetryDelaySeconds delay in seconds between save retries; default 30
 * @param enableCallbacks whether the submission core runs event callbacks; default true
 * @param coreVersion event version stamped on emitted events; default 0.0.0
 */
public record PolicyConfig(
    double reclassifyProposalThreshold,
    double lowStopPercent,
    int lowStop,
    double highStopPercent,
    double multipleLimit,
    int linenosLimit,
    double titleSimilarityWindowDays,
    double titleSimilarityThreshold,
    double metadataAsciiThreshold,
    long compressedPackageMaxBytes,
    long uncompressedPackageMaxBytes,
    long pdfLimitBytes,
    List<String> noReclassifyCategories,
    List<String> noReclassifyArchives,
    Map<String, String> autoCrossForPrimary,
    int maxSaveRetries,
    int defaultSaveRetryDelaySeconds,
    boolean enableCallbacks,
    String coreVersion) {

  public static final String RECLASSIFY_PROPOSAL_THRESHOLD = "RECLASSIFY_PROPOSAL_THRESHOLD";
  public static final String LOW_STOP_PERCENT = "LOW_STOP_PERCENT";
  public static final String LOW_STOP = "LOW_STOP";
  public static final String HIGH_STOP_PERCENT = "HIGH_STOP_PERCENT";
  public static final String MULTIPLE_LIMIT = "MULTIPLE_LIMIT";
  public static final String LINENOS_LIMIT = "LINENOS_LIMIT";
  public static final String TITLE_SIMILARITY_WINDOW = "TITLE_SIMILARITY_WINDOW";
  public static final String TITLE_SIMILARITY_THRESHOLD = "TITLE_SIMILARITY_THRESHOLD";
  public static final String METADATA_ASCII_THRESHOLD = "METADATA_ASCII_THRESHOLD";
  public static final String COMPRESSED_PACKAGE_MAX_BYTES = "COMPRESSED_PACKAGE_MAX_BYTES";
  public static final String UNCOMPRESSED_PACKAGE_MAX_BYTES = "UNCOMPRESSED_PACKAGE_MAX_BYTES";
  public static final String PDF_LIMIT_BYTES = "PDF_LIMIT_BYTES";
  public static final String NO_RECLASSIFY_CATEGORIES = "NO_RECLASSIFY_CATEGORIES";
  public static final String NO_RECLASSIFY_ARCHIVES = "NO_RECLASSIFY_ARCHIVES";
  public static final String AUTO_CROSS_FOR_PRIMARY = "AUTO_CROSS_FOR_PRIMARY";
  public static final String MAX_SAVE_RETRIES = "MAX_SAVE_RETRIES";
  public static final String DEFAULT_SAVE_RETRY_DELAY = "DEFAULT_SAVE_RETRY_DELAY";
  public static final String ENABLE_CALLBACKS = "ENABLE_CALLBACKS";
  public static final String CORE_VERSION = "CORE_VERSION";

  /** Every key, in the order of the original's configuration. */
  public static final List<String> KEYS = List.of(RECLASSIFY_PROPOSAL_THRESHOLD, LOW_STOP_PERCENT,
      LOW_STOP, HIGH_STOP_PERCENT, MULTIPLE_LIMIT, LINENOS_LIMIT, TITLE_SIMILARITY_WINDOW,
      TITLE_SIMILARITY_THRESHOLD, METADATA_ASCII_THRESHOLD, COMPRESSED_PACKAGE_MAX_BYTES,
      UNCOMPRESSED_PACKAGE_MAX_BYTES, PDF_LIMIT_BYTES, NO_RECLASSIFY_CATEGORIES,
      NO_RECLASSIFY_ARCHIVES, AUTO_CROSS_FOR_PRIMARY, MAX_SAVE_RETRIES, DEFAULT_SAVE_RETRY_DELAY,
      ENABLE_CALLBACKS, CORE_VERSION);

  private static final PolicyConfig DEFAULTS = new PolicyConfig(0.57, 0.10, 400, 0.30, 1.01, 0,
      3 * 365 / 12.0, 0.7, 0.5, 6_000_000, 18_000_000, 15_000_000, List.of("cs.CE"),
      List.of("econ"), orderedMap("cs.LG", "stat.ML", "stat.ML", "cs.LG"), 25, 30, true,
      "0.0.0");

  /**
   * Validates every setting.
   *
   * @throws IllegalArgumentException naming the key and the invalid value
   */
  public PolicyConfig {
    requireFraction(RECLASSIFY_PROPOSAL_THRESHOLD, reclassifyProposalThreshold);
    requireFraction(LOW_STOP_PERCENT, lowStopPercent);
    requireAtLeast(LOW_STOP, lowStop, 0);
    requireFraction(HIGH_STOP_PERCENT, highStopPercent);
    requireNonNegative(MULTIPLE_LIMIT, multipleLimit);
    requireAtLeast(LINENOS_LIMIT, linenosLimit, 0);
    requirePositive(TITLE_SIMILARITY_WINDOW, titleSimilarityWindowDays);
    requireFraction(TITLE_SIMILARITY_THRESHOLD, titleSimilarityThreshold);
    requireFraction(METADATA_ASCII_THRESHOLD, metadataAsciiThreshold);
    requireAtLeast(COMPRESSED_PACKAGE_MAX_BYTES, compressedPackageMaxBytes, 1);
    requireAtLeast(UNCOMPRESSED_PACKAGE_MAX_BYTES, uncompressedPackageMaxBytes, 1);
    requireAtLeast(PDF_LIMIT_BYTES, pdfLimitBytes, 1);
    noReclassifyCategories = List.copyOf(noReclassifyCategories);
    noReclassifyArchives = List.copyOf(noReclassifyArchives);
    autoCrossForPrimary = Collections.unmodifiableMap(new LinkedHashMap<>(autoCrossForPrimary));
    noReclassifyCategories.forEach(c -> requireCategory(NO_RECLASSIFY_CATEGORIES, c));
    for (String archive : noReclassifyArchives) {
      if (!Taxonomy.isKnownArchive(archive)) {
        throw invalid(NO_RECLASSIFY_ARCHIVES, archive, "an archive of the arXiv taxonomy, "
            + "such as econ");
      }
    }
    autoCrossForPrimary.forEach((primary, cross) -> {
      requireCategory(AUTO_CROSS_FOR_PRIMARY, primary);
      requireCategory(AUTO_CROSS_FOR_PRIMARY, cross);
    });
    requireAtLeast(MAX_SAVE_RETRIES, maxSaveRetries, 0);
    requireAtLeast(DEFAULT_SAVE_RETRY_DELAY, defaultSaveRetryDelaySeconds, 0);
    if (coreVersion == null || coreVersion.isBlank()) {
      throw new IllegalArgumentException("invalid " + CORE_VERSION + " \"" + coreVersion
          + "\": expected a version such as 0.0.0");
    }
  }

  /** Returns the original agent's defaults. */
  public static PolicyConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Reads every setting through {@code lookup}, which returns the configured text for a key or
   * null to keep the default. See the class comment for the text forms.
   *
   * @throws IllegalArgumentException naming the key and the value that is invalid
   */
  public static PolicyConfig from(Function<String, String> lookup) {
    PolicyText text = new PolicyText(lookup);
    PolicyConfig defaults = DEFAULTS;
    return new PolicyConfig(
        text.decimal(RECLASSIFY_PROPOSAL_THRESHOLD, defaults.reclassifyProposalThreshold),
        text.decimal(LOW_STOP_PERCENT, defaults.lowStopPercent),
        text.integer(LOW_STOP, defaults.lowStop),
        text.decimal(HIGH_STOP_PERCENT, defaults.highStopPercent),
        text.decimal(MULTIPLE_LIMIT, defaults.multipleLimit),
        text.integer(LINENOS_LIMIT, defaults.linenosLimit),
        text.decimal(TITLE_SIMILARITY_WINDOW, defaults.titleSimilarityWindowDays),
        text.decimal(TITLE_SIMILARITY_THRESHOLD, defaults.titleSimilarityThreshold),
        text.decimal(METADATA_ASCII_THRESHOLD, defaults.metadataAsciiThreshold),
        text.longInteger(COMPRESSED_PACKAGE_MAX_BYTES, defaults.compressedPackageMaxBytes),
        text.longInteger(UNCOMPRESSED_PACKAGE_MAX_BYTES, defaults.uncompressedPackageMaxBytes),
        text.longInteger(PDF_LIMIT_BYTES, defaults.pdfLimitBytes),
        text.list(NO_RECLASSIFY_CATEGORIES, defaults.noReclassifyCategories),
        text.list(NO_RECLASSIFY_ARCHIVES, defaults.noReclassifyArchives),
        text.map(AUTO_CROSS_FOR_PRIMARY, defaults.autoCrossForPrimary),
        text.integer(MAX_SAVE_RETRIES, defaults.maxSaveRetries),
        text.integer(DEFAULT_SAVE_RETRY_DELAY, defaults.defaultSaveRetryDelaySeconds),
        text.bool(ENABLE_CALLBACKS, defaults.enableCallbacks),
        text.string(CORE_VERSION, defaults.coreVersion));
  }

  /**
   * Returns the value of a setting as the original serializes it in rule parameters: integers
   * for counts and byte limits, floats for fractions and the window, arrays for lists and an
   * object for the cross-list map.
   *
   * @throws IllegalArgumentException when the key is not one of {@link #KEYS}
   */
  public JsonNode json(String key) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (key) {
      case RECLASSIFY_PROPOSAL_THRESHOLD -> f.numberNode(reclassifyProposalThreshold);
      case LOW_STOP_PERCENT -> f.numberNode(lowStopPercent);
      case LOW_STOP -> f.numberNode(lowStop);
      case HIGH_STOP_PERCENT -> f.numberNode(highStopPercent);
      case MULTIPLE_LIMIT -> f.numberNode(multipleLimit);
      case LINENOS_LIMIT -> f.numberNode(linenosLimit);
      case TITLE_SIMILARITY_WINDOW -> f.numberNode(titleSimilarityWindowDays);
      case TITLE_SIMILARITY_THRESHOLD -> f.numberNode(titleSimilarityThreshold);
      case METADATA_ASCII_THRESHOLD -> f.numberNode(metadataAsciiThreshold);
      case COMPRESSED_PACKAGE_MAX_BYTES -> f.numberNode(compressedPackageMaxBytes);
      case UNCOMPRESSED_PACKAGE_MAX_BYTES -> f.numberNode(uncompressedPackageMaxBytes);
      case PDF_LIMIT_BYTES -> f.numberNode(pdfLimitBytes);
      case NO_RECLASSIFY_CATEGORIES -> stringArray(noReclassifyCategories);
      case NO_RECLASSIFY_ARCHIVES -> stringArray(noReclassifyArchives);
      case AUTO_CROSS_FOR_PRIMARY -> stringObject(autoCrossForPrimary);
      case MAX_SAVE_RETRIES -> f.numberNode(maxSaveRetries);
      case DEFAULT_SAVE_RETRY_DELAY -> f.numberNode(defaultSaveRetryDelaySeconds);
      case ENABLE_CALLBACKS -> f.booleanNode(enableCallbacks);
      case CORE_VERSION -> f.textNode(coreVersion);
      default -> throw new IllegalArgumentException("unknown policy key \"" + key
          + "\"; expected one of " + KEYS);
    };
  }

  /** Returns a new JSON object with the given keys, in that order, and their values. */
  public ObjectNode params(List<String> keys) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    for (String key : keys) {
      params.set(key, json(key));
    }
    return params;
  }

  private static JsonNode stringArray(List<String> values) {
    var array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static JsonNode stringObject(Map<String, String> values) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    values.forEach(object::put);
    return object;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static void requireCategory(String key, String category) {
    if (!Taxonomy.isKnown(category)) {
      throw invalid(key, category, "a category of the arXiv taxonomy, such as cs.CE");
    }
  }

  private static void requireFraction(String key, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw invalid(key, value, "a fraction from 0 to 1");
    }
  }

  private static void requirePositive(String key, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw invalid(key, value, "a finite number above 0");
    }
  }

  private static void requireNonNegative(String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw invalid(key, value, "a finite number of at least 0");
    }
  }

  private static void requireAtLeast(String key, long value, long minimum) {
    if (value < minimum) {
      throw invalid(key, value, "an integer of at least " + minimum);
    }
  }

  private static IllegalArgumentException invalid(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "invalid " + key + " \"" + value + "\": expected " + expected);
  }
}
