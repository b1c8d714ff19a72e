package io.vela4j.workflow.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code time.ParseDuration}, which KubeVela uses for {@code timeout} and suspend {@code
 * duration}: a sequence of decimal numbers with a unit each ({@code ns}, {@code us}, {@code ms},
 * {@code s}, {@code m}, {@code h}), such as {@code 30s}, {@code 1h30m} or {@code 1.5h}.
 */
public final class Durations {
  private Durations() {}

  /**
   * Parses a duration.
   *
   * @param text the text
   * @return the duration, or {@code null} when the text is not a duration
   */
  public static @Nullable Duration parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return null;
    }
    boolean negative = false;
    int i = 0;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      i++;
    }
    if (s.substring(i).equals("0")) {
      return Duration.ZERO;
    }
    long nanos = 0;
    boolean any = false;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        return null;
      }
      double value;
      try {
        value = Double.parseDouble(s.substring(start, i));
      } catch (NumberFormatException e) {
        return null;
      }
      int u = i;
      while (i < s.length() && Character.isLetter(s.charAt(i))
          || i < s.length() && s.charAt(i) == 'µ') {
        i++;
      }
      long unit =
          switch (s.substring(u, i)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> -1L;
          };
      if (unit < 0) {
        return null;
      }
      nanos += (long) (value * unit);
      any = true;
    }
    if (!any) {
      return null;
    }
    return Duration.ofNanos(negative ? -nanos : nanos);
  }
}
