package io.vela4j.workflow;

import io.vela4j.rollout.RolloutPlan;
import java.util.Objects;

/**
 * Where the {@code rollout} trait of a component is: its batches as {@code vela-rollout} plans
 * them, and the batch the cluster state shows it at.
 *
 * @param component the component
 * @param targetRevision the revision being rolled out
 * @param plan the planned batches
 * @param batch the 0-based index of the current batch: the {@code
 *     status.rolloutStatus.currentBatch} of the component's {@code Rollout} in the cluster state,
 *     else 0
 * @param started whether the run has applied the {@code Rollout} object (or the state has it)
 */
public record RolloutProgress(
    String component, String targetRevision, RolloutPlan plan, int batch, boolean started) {

  /** Validates. */
  public RolloutProgress {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(targetRevision, "targetRevision");
    Objects.requireNonNull(plan, "plan");
  }

  /**
   * The number of batches (steps that move replicas).
   *
   * @return the batch count
   */
  public int batches() {
    return (int) plan.steps().stream().filter(s -> s.kind() != RolloutPlan.StepKind.PAUSE).count();
  }

  /**
   * A one-line description: {@code express-server -> express-server-v1: batch 1/2, 2/4 replicas}.
   *
   * @return the description
   */
  public String describe() {
    var steps = plan.steps();
    int target = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).newReplicas();
    int at = Math.min(batch, Math.max(0, steps.size() - 1));
    int now = steps.isEmpty() ? 0 : steps.get(at).newReplicas();
    return component
        + " -> "
        + targetRevision
        + ": "
        + (started
            ? "batch " + (at + 1) + "/" + batches()
            : "not started, " + batches() + " batches")
        + ", "
        + now
        + "/"
        + target
        + " replicas";
  }
}
