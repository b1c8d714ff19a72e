package io.vela4j.rollout;

import io.vela4j.model.Diagnostic;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The complete sequence of states of a rollout, computed by {@link RolloutPlanner}. Immutable and
 * deterministic: the same spec always gives an equal plan.
 *
 * @param steps the steps in execution order (for a replan: only the steps still to run, keeping
 *     their original indices)
 * @param clusters the cluster names in spec order (empty for a single-cluster spec)
 * @param warnings clamped values, no-op steps, merged batches and the like; severity WARNING, each
 *     with a field path where one applies
 */
public record RolloutPlan(List<Step> steps, List<String> clusters, List<Diagnostic> warnings) {

  /** Copies the lists. */
  public RolloutPlan {
    steps = List.copyOf(steps);
    clusters = List.copyOf(clusters);
    warnings = List.copyOf(warnings);
  }

  /** What a step does. */
  public enum StepKind {
    /** Moves replicas. */
    BATCH,
    /** Changes nothing and only pauses. */
    PAUSE,
    /** The last step: the final state is reached. */
    FINAL
  }

  /**
   * New and old replicas, globally, in a cluster, or in a transition.
   *
   * @param newReplicas replicas of the new version (SCALE mode: replicas created)
   * @param oldReplicas replicas of the old version (SCALE mode: original replicas left)
   */
  public record Counts(int newReplicas, int oldReplicas) {
    /** {@code newReplicas + oldReplicas}. */
    public int total() {
      return newReplicas + oldReplicas;
    }
  }

  /**
   * One step of the plan.
   *
   * @param index the step index (global across waves)
   * @param kind batch, pause-only or final
   * @param newReplicas settled new replicas after the step
   * @param oldReplicas settled old replicas after the step
   * @param pause the pause after the step, or {@code null}
   * @param gated whether {@code batchPartition} holds this step back (index beyond the partition)
   * @param clusters settled counts per cluster, in spec order (empty without clusters)
   * @param transitions the intermediate states from the previous settled state to this one, each
   *     within {@code [N − maxUnavailable, N + maxSurge]}; the last one is the settled state; empty
   *     when nothing changes
   */
  public record Step(
      int index,
      StepKind kind,
      int newReplicas,
      int oldReplicas,
      @Nullable Pause pause,
      boolean gated,
      Map<String, Counts> clusters,
      List<Counts> transitions) {

    /** Copies the transitions and, unless it is already an immutable planner map, the clusters. */
    public Step {
      transitions = List.copyOf(transitions);
      if (!(clusters instanceof io.vela4j.rollout.internal.CountsMap)) {
        clusters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clusters));
      }
    }

    /** The settled counts. */
    public Counts counts() {
      return new Counts(newReplicas, oldReplicas);
    }
  }

  /** The last step, or {@code null} when the plan has no steps (a replan of a finished rollout). */
  public @Nullable Step last() {
    return steps.isEmpty() ? null : steps.get(steps.size() - 1);
  }
}
