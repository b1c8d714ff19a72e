package io.vela4j.dispatch.kube;

import io.vela4j.dispatch.DeliveryTarget;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The outcome of applying a plan's deliveries to one target (a member cluster or the control
 * plane). Immutable.
 *
 * @param target the control plane or a member cluster
 * @param succeeded whether every wave (and the prune) succeeded
 * @param objects per-object outcomes, in the order attempted; skipped objects last
 * @param failedWave the first wave that failed, or -1
 * @param inventory the ApplySet members recorded in the inventory parent when the run ended,
 *     sorted; empty when the target has no inventory
 * @param error a failure of the target as a whole (no connection, inventory unreadable), or empty
 */
public record ClusterOutcome(
    DeliveryTarget target,
    boolean succeeded,
    List<ObjectOutcome> objects,
    int failedWave,
    List<ObjectRef> inventory,
    String error) {

  /** Copies the lists. */
  public ClusterOutcome {
    Objects.requireNonNull(target, "target");
    objects = List.copyOf(objects);
    inventory = List.copyOf(inventory);
    Objects.requireNonNull(error, "error");
  }

  /** The failed objects (conflicts and failures). */
  public List<ObjectOutcome> failures() {
    return objects.stream().filter(ObjectOutcome::failed).toList();
  }

  /** The outcomes with the given result. */
  public List<ObjectOutcome> withResult(ObjectOutcome.Result result) {
    return objects.stream().filter(o -> o.result() == result).toList();
  }

  /** The first failed wave, if any. */
  public OptionalInt firstFailedWave() {
    return failedWave < 0 ? OptionalInt.empty() : OptionalInt.of(failedWave);
  }

  /** One line for progress output: {@code cluster/a: ok, 12 applied, 1 pruned}. */
  public String summary() {
    long applied = withResult(ObjectOutcome.Result.APPLIED).size();
    long pruned =
        objects.stream()
            .filter(o -> o.operation() == ObjectOutcome.Operation.PRUNE)
            .filter(o -> o.result() == ObjectOutcome.Result.DELETED)
            .count();
    var sb = new StringBuilder(target.display()).append(": ");
    sb.append(succeeded ? "ok" : "FAILED");
    sb.append(", ").append(applied).append(" applied");
    if (pruned > 0) {
      sb.append(", ").append(pruned).append(" pruned");
    }
    if (!succeeded) {
      if (failedWave >= 0) {
        sb.append(", wave ").append(failedWave).append(" failed");
      }
      int failures = failures().size();
      if (failures > 0) {
        sb.append(", ").append(failures).append(failures == 1 ? " object" : " objects");
      }
      if (!error.isEmpty()) {
        sb.append(": ").append(error);
      }
    }
    return sb.toString();
  }
}
