package io.vela4j.rollout;

import java.util.Map;

/**
 * Where a running rollout is, for {@link RolloutPlanner#replan(RolloutSpec, RolloutState)}.
 * Immutable.
 *
 * @param completedStep index of the last completed step, {@code -1} when none has completed
 * @param newReplicas replicas now running the new version (in SCALE mode: replicas created so far)
 * @param oldReplicas replicas now running the old version (in SCALE mode: original replicas left)
 * @param clusterNewReplicas new replicas per cluster, when known; empty means "split {@code
 *     newReplicas} the way the planner would"
 */
public record RolloutState(
    int completedStep, int newReplicas, int oldReplicas, Map<String, Integer> clusterNewReplicas) {

  /** Copies the map. */
  public RolloutState {
    clusterNewReplicas = Map.copyOf(clusterNewReplicas);
  }

  /** A state without per-cluster counts. */
  public static RolloutState of(int completedStep, int newReplicas, int oldReplicas) {
    return new RolloutState(completedStep, newReplicas, oldReplicas, Map.of());
  }
}
