package io.vela4j.rollout;

import org.jspecify.annotations.Nullable;

/**
 * One explicit step of a {@link RolloutSpec}. Immutable.
 *
 * @param replicas the replicas of the step, cumulative or incremental according to {@link
 *     RolloutSpec#semantics()}; {@code null} means "no change" (a pause-only step), or 100% on the
 *     last step (KubeVela recommends leaving the last batch empty)
 * @param pause the pause after the step settles, or {@code null}
 * @param maxUnavailable overrides {@link RolloutSpec#maxUnavailable()} for this step's transitions,
 *     or {@code null}
 */
public record RolloutStep(
    @Nullable IntOrPercent replicas, @Nullable Pause pause, @Nullable IntOrPercent maxUnavailable) {

  /** A step without pause. */
  public static RolloutStep of(IntOrPercent replicas) {
    return new RolloutStep(replicas, null, null);
  }

  /** A step followed by a pause. */
  public static RolloutStep of(IntOrPercent replicas, Pause pause) {
    return new RolloutStep(replicas, pause, null);
  }

  /** A step that changes nothing and only pauses. */
  public static RolloutStep pauseOnly(Pause pause) {
    return new RolloutStep(null, pause, null);
  }
}
