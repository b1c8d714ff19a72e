package io.vela4j.dispatch.kube;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential backoff for transient API errors (HTTP 429 and 5xx, timeouts, connection
 * resets). Attempt {@code n} (1-based) that fails transiently is followed by a delay of {@code
 * initialDelay * multiplier^(n-1)}, capped at {@code maxDelay}; a server's {@code Retry-After} is
 * honoured up to {@code maxDelay}. After {@code maxAttempts} attempts the last error is reported.
 * Immutable.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param initialDelay delay after the first failure
 * @param multiplier growth factor, at least 1
 * @param maxDelay cap of a single delay
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

  /** 5 attempts, 200 ms doubling up to 5 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5));

  /** A single attempt: no retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

  /** Validates the components. */
  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (multiplier < 1.0 || Double.isNaN(multiplier)) {
      throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
    }
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
  }

  /** The delay after failed attempt {@code attempt} (1-based), capped at {@link #maxDelay()}. */
  public Duration delayAfter(int attempt) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    long capped = (long) Math.min(millis, (double) maxDelay.toMillis());
    return Duration.ofMillis(capped);
  }
}
