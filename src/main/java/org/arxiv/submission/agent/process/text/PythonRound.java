package org.arxiv.submission.agent.process.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.arxiv.submission.agent.wire.PythonJson;

/** Python's {@code round(x, n)} for floats and the text {@code str()} gives for the result. */
public final class PythonRound {

  private PythonRound() {}

  /**
   * Returns {@code x} rounded to {@code digits} decimal places. Python rounds the exact binary
   * value of the float, with ties to even, which BigDecimal's exact conversion reproduces.
   */
  public static double round(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double rounded = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    // Python keeps the sign of a value that rounds to zero, as in round(-0.0001, 3) == -0.0.
    return rounded == 0 ? Math.copySign(0.0, x) : rounded;
  }

  /** Returns {@code str(round(x, digits))} as Python prints it, for example "0.12" or "0.5". */
  public static String roundedText(double x, int digits) {
    return PythonJson.formatFloat(round(x, digits));
  }
}
