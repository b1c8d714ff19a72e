package io.vela4j.dispatch.kube;

import io.vela4j.dispatch.DeliveryTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link KubeApplier#apply}: one {@link ClusterOutcome} per target of the plan,
 * control plane first, then clusters by name. Immutable.
 *
 * @param planHash the {@code contentHash} of the applied plan
 * @param targets the per-target outcomes
 */
public record ApplyResult(String planHash, List<ClusterOutcome> targets) {

  /** Copies the list. */
  public ApplyResult {
    Objects.requireNonNull(planHash, "planHash");
    targets = List.copyOf(targets);
  }

  /** Whether every target succeeded. */
  public boolean succeeded() {
    return targets.stream().allMatch(ClusterOutcome::succeeded);
  }

  /** The targets that failed. */
  public List<ClusterOutcome> failed() {
    return targets.stream().filter(t -> !t.succeeded()).toList();
  }

  /** The outcome of one target, if it was part of the plan. */
  public Optional<ClusterOutcome> outcome(DeliveryTarget target) {
    return targets.stream().filter(t -> t.target().equals(target)).findFirst();
  }
}
