package io.vela4j.rollout;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pause after a step: either {@link Kind#MANUAL} (wait for approval) or a fixed {@link Duration}.
 * Immutable.
 *
 * @param kind manual or timed
 * @param duration the wait for a {@link Kind#DURATION} pause, {@code null} for a manual one
 */
public record Pause(Kind kind, @Nullable Duration duration) {

  /** How a pause ends. */
  public enum Kind {
    /** Until someone approves the next step. */
    MANUAL,
    /** For a fixed time. */
    DURATION
  }

  /** Checks that a duration is given exactly for {@link Kind#DURATION}, and is not negative. */
  public Pause {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.DURATION) != (duration != null)) {
      throw new IllegalArgumentException("a DURATION pause needs a duration, a MANUAL one none");
    }
    if (duration != null && duration.isNegative()) {
      throw new IllegalArgumentException("pause duration must not be negative: " + duration);
    }
  }

  /** A manual pause. */
  public static Pause manual() {
    return new Pause(Kind.MANUAL, null);
  }

  /** A timed pause. */
  public static Pause of(Duration duration) {
    return new Pause(Kind.DURATION, duration);
  }

  /**
   * Parses {@code MANUAL} (any case) or a Go-style duration such as {@code 30s}, {@code 5m}, {@code
   * 1h30m} or {@code 500ms}.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public static Pause parse(String text) {
    var s = text.strip();
    if (s.equalsIgnoreCase("manual")) {
      return manual();
    }
    return of(parseDuration(s, text));
  }

  private static Duration parseDuration(String s, String original) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException(badPause(original));
    }
    long millis = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start || i - start > 9) {
        throw new IllegalArgumentException(badPause(original));
      }
      long n = Long.parseLong(s.substring(start, i));
      int unitStart = i;
      while (i < s.length() && Character.isLetter(s.charAt(i))) {
        i++;
      }
      long factor =
          switch (s.substring(unitStart, i)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> throw new IllegalArgumentException(badPause(original));
          };
      millis += n * factor;
    }
    return Duration.ofMillis(millis);
  }

  private static String badPause(String text) {
    return "expected MANUAL or a duration such as 30s, 5m or 1h30m, found \"" + text + "\"";
  }

  /** {@code MANUAL} or the duration in Go form ({@code 1h30m}, {@code 45s}, {@code 250ms}). */
  @Override
  public String toString() {
    if (duration == null) {
      return "MANUAL";
    }
    long ms = duration.toMillis();
    if (ms == 0) {
      return "0s";
    }
    var sb = new StringBuilder();
    long h = ms / 3_600_000L;
    long m = ms / 60_000L % 60;
    long sec = ms / 1000 % 60;
    long rest = ms % 1000;
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (m > 0) {
      sb.append(m).append('m');
    }
    if (sec > 0) {
      sb.append(sec).append('s');
    }
    if (rest > 0) {
      sb.append(rest).append("ms");
    }
    return sb.toString();
  }
}
