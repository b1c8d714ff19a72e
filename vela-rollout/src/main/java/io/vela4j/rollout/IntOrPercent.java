package io.vela4j.rollout;

/**
 * An integer or a whole percentage, like Kubernetes' {@code IntOrString} ({@code 3} or {@code
 * "20%"}). Immutable. Resolving against a total uses exact integer arithmetic only.
 *
 * @param value the integer, or the percentage without its {@code %} sign; may be negative here
 *     (specs reject negative values with a located error)
 * @param percent whether {@link #value()} is a percentage
 */
public record IntOrPercent(int value, boolean percent) {

  /** An absolute integer. */
  public static IntOrPercent of(int value) {
    return new IntOrPercent(value, false);
  }

  /** A percentage, e.g. {@code percent(20)} for {@code "20%"}. */
  public static IntOrPercent percent(int value) {
    return new IntOrPercent(value, true);
  }

  /**
   * Parses {@code "3"}, {@code "-1"} or {@code "20%"}. Fractions ({@code "0.2"}, {@code "7.5%"}),
   * empty strings and anything else are rejected.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public static IntOrPercent parse(String text) {
    var s = text.strip();
    boolean pct = s.endsWith("%");
    var digits = pct ? s.substring(0, s.length() - 1).strip() : s;
    int start = digits.startsWith("-") ? 1 : 0;
    if (digits.length() <= start || digits.length() - start > 9) {
      throw new IllegalArgumentException(bad(text));
    }
    for (int i = start; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(bad(text));
      }
    }
    return new IntOrPercent(Integer.parseInt(digits), pct);
  }

  private static String bad(String text) {
    return "expected an integer or a whole percentage such as 3 or \"20%\", found \"" + text + "\"";
  }

  /** Whether the value is below zero. */
  public boolean isNegative() {
    return value < 0;
  }

  /**
   * Resolves against {@code total}: an integer as is, a percentage as {@code ceil(value × total /
   * 100)} when {@code roundUp}, else {@code floor}; exact integer arithmetic.
   */
  public long resolve(long total, boolean roundUp) {
    if (!percent) {
      return value;
    }
    long num = (long) value * total;
    return roundUp ? Math.floorDiv(num + 99, 100) : Math.floorDiv(num, 100);
  }

  /**
   * The exact value against {@code total} as a numerator over 100 ({@code 100 × value} for an
   * integer, {@code value × total} for a percentage), so sums stay exact.
   */
  public long hundredths(long total) {
    return percent ? (long) value * total : 100L * value;
  }

  /** {@code "20%"} or {@code "3"}. */
  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
