package io.vela4j.dispatch.kube;

import java.time.Duration;

/**
 * Waits between retries and polls. The default ({@link #SYSTEM}) uses {@link Thread#sleep}; tests
 * inject one that records the delays instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
