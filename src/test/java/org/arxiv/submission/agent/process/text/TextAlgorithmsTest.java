package org.arxiv.submission.agent.process.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAlgorithmsTest {

  @Test
  void tokensDropStopwordsAndPunctuation() {
    assertThat(TitleTokens.tokens("The Geometry of Quantum-Entanglement: a Survey, (with notes)!"))
        .containsExactly("geometry", "quantum", "entanglement", "survey", "notes");
  }

  @Test
  void tokensAreDistinct() {
    assertThat(TitleTokens.tokens("Noise noise NOISE")).containsExactly("noise");
  }

  @Test
  void tokensTransliterateAfterLowerCasing() {
    assertThat(TitleTokens.tokens("Lyα Émission")).containsExactly("lya", "emission");
    // The transliteration of a Han character is capitalised and stays so.
    assertThat(TitleTokens.tokens("量子")).containsExactly("Liang", "Zi");
  }

  @Test
  void dottedCapitalIBecomesPlainI() {
    assertThat(TitleTokens.tokens("İstanbul")).containsExactly("istanbul");
  }

  @Test
  void tokensSplitOnPythonWhitespace() {
    assertThat(TitleTokens.tokens("a\tb\nc\u000bd\u000ce\rf\u001cg\u001fh"))
        .containsExactly("b", "c", "d", "e", "f", "g", "h");
  }

  @Test
  void astralLettersAreNormalised() {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A has no lower case and normalises to "A".
    assertThat(TitleTokens.tokens("\uD835\uDC00lpha")).containsExactly("Alpha");
    assertThat(TitleTokens.tokens("smile \uD83D\uDE00")).containsExactly("smile");
  }

  @Test
  void onlyStopwordsGiveNoTokens() {
    assertThat(TitleTokens.tokens("The and of, is.")).isEmpty();
  }

  @Test
  void jaccardCountsSharedTokens() {
    assertThat(TitleTokens.jaccard(Set.of("a1", "b1"), Set.of("b1", "c1"))).isEqualTo(1.0 / 3);
    assertThat(TitleTokens.jaccard(Set.of("a1"), Set.of("a1"))).isEqualTo(1.0);
    assertThat(TitleTokens.jaccard(Set.of("a1"), Set.of())).isEqualTo(0.0);
    assertThat(TitleTokens.jaccard(Set.of(), Set.of())).isEqualTo(0.0);
  }

  @Test
  void sampleTitlesAreIdentical() {
    assertThat(TitleTokens.similarity(
        "Spectroscopic survey of Lyα emitters at z ≈ 5.7 in the COSMOS field",
        "Spectroscopic survey of Lya emitters at z~5.7 in the COSMOS field"))
        .isEqualTo(1.0);
    assertThat(TitleTokens.similarity(
        "Gradient Descent on Riemannian Manifolds: Convergence Guarantees for Non-Convex "
            + "Objectives",
        "Gradient descent on Riemannian manifolds: convergence guarantees for non-convex "
            + "objectives"))
        .isEqualTo(1.0);
  }

  @Test
  void retitledSampleIsBelowThreshold() {
    // 5 shared tokens out of 8, because "Liang", "Zi" and "moture" are new.
    assertThat(TitleTokens.similarity(
        "Geometric description of quantum entanglement (量子もつれ) and applications",
        "Geometric description of quantum entanglement and applications"))
        .isEqualTo(5.0 / 8);
  }

  @Test
  void asciiProportionCountsCodePoints() {
    assertThat(AsciiProportion.of("abcd")).isEqualTo(1.0);
    assertThat(AsciiProportion.of("ab\u00e9\u00e9")).isEqualTo(0.5);
    assertThat(AsciiProportion.of("a\uD835\uDC00")).isEqualTo(0.5);
    assertThat(AsciiProportion.of("量子もつれ")).isEqualTo(0.0);
  }

  @Test
  void asciiProportionRejectsEmptyText() {
    assertThatThrownBy(() -> AsciiProportion.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void probabilityFromLogOdds() {
    assertThat(ClassifierProbability.fromLogOdds(0)).isEqualTo(0.5);
    assertThat(ClassifierProbability.fromLogOdds(0.3))
        .isEqualTo(Math.exp(0.3) / (1 + Math.exp(0.3)));
    assertThat(ClassifierProbability.fromLogOdds(0.3)).isBetween(0.574, 0.575);
    assertThat(ClassifierProbability.fromLogOdds(-800)).isEqualTo(0.0);
    assertThat(ClassifierProbability.fromLogOdds(800)).isEqualTo(1.0);
  }

  @ParameterizedTest
  @CsvSource({
      "0.12, 0.12",
      "0.5, 0.5",
      "0.4213, 0.421",
      "0.0625, 0.062",
      "0.0635, 0.064",
      "1, 1.0",
      "0.99951, 1.0",
      "0.0001, 0.0",
      "-0.0001, -0.0"})
  void roundedTextMatchesPython(double value, String text) {
    assertThat(PythonRound.roundedText(value, 3)).isEqualTo(text);
  }
}
