package io.vela4j.dispatch.kube;

import io.vela4j.dispatch.DeliveryTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of a plan's objects on every target, read by {@link KubeApplier#status}. Immutable.
 *
 * @param planHash the plan's content hash
 * @param targets per target, control plane first, then clusters by name
 */
public record StatusReport(String planHash, List<TargetStatus> targets) {

  /** Copies the list. */
  public StatusReport {
    Objects.requireNonNull(planHash, "planHash");
    targets = List.copyOf(targets);
  }

  /** Whether every target is {@link Health#HEALTHY}. */
  public boolean healthy() {
    return targets.stream().allMatch(t -> t.health() == Health.HEALTHY);
  }

  /** The status of one target, if the plan has it. */
  public Optional<TargetStatus> target(DeliveryTarget target) {
    return targets.stream().filter(t -> t.target().equals(target)).findFirst();
  }
}
