package org.arxiv.submission.agent.process.text;

/** The conversion of the classifier's log-odds scores into probabilities. */
public final class ClassifierProbability {

  private ClassifierProbability() {}

  /**
   * Returns {@code exp(L) / (1 + exp(L))} for log-odds {@code L}, computed as written so that
   * results match the original bit for bit. Above about L = 709.78 {@code exp} overflows, where
   * the original failed; this returns the limit 1.0 there instead.
   */
  public static double fromLogOdds(double logOdds) {
    double odds = Math.exp(logOdds);
    if (Double.isInfinite(odds)) {
      return 1.0;
    }
    return odds / (1 + odds);
  }
}
