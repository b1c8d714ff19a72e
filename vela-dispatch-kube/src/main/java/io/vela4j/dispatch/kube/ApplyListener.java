package io.vela4j.dispatch.kube;

import io.vela4j.dispatch.DeliveryTarget;

/**
 * Receives progress while {@link KubeApplier} runs. Called from the worker threads, possibly
 * concurrently for different targets; implementations must be thread-safe.
 */
public interface ApplyListener {
  /** Does nothing. */
  ApplyListener NONE = new ApplyListener() {};

  /** A wave finished on a target ({@code ok} false when any of its objects failed). */
  default void waveFinished(DeliveryTarget target, int wave, int objects, boolean ok) {}

  /** A target finished (successfully or not). */
  default void targetFinished(ClusterOutcome outcome) {}
}
