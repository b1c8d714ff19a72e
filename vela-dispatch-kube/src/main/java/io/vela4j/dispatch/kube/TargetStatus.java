package io.vela4j.dispatch.kube;

import io.vela4j.dispatch.DeliveryTarget;
import java.util.List;
import java.util.Objects;

/**
 * The status of one target: every applied object's {@link ResourceStatus} and the worst health
 * among them. Immutable.
 *
 * @param target the control plane or a member cluster
 * @param health the worst health of the objects ({@link Health#UNKNOWN} when unreachable)
 * @param resources per object, in plan order
 * @param error why the target could not be read, or empty
 */
public record TargetStatus(
    DeliveryTarget target, Health health, List<ResourceStatus> resources, String error) {

  /** Copies the list. */
  public TargetStatus {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(health, "health");
    resources = List.copyOf(resources);
    Objects.requireNonNull(error, "error");
  }

  /** A target whose objects could not be read. */
  public static TargetStatus unreachable(DeliveryTarget target, String error) {
    return new TargetStatus(target, Health.UNKNOWN, List.of(), error);
  }

  /** A target status whose health is the worst of {@code resources} (healthy when empty). */
  public static TargetStatus of(DeliveryTarget target, List<ResourceStatus> resources) {
    var health = Health.HEALTHY;
    for (var r : resources) {
      health = health.worst(r.health());
    }
    return new TargetStatus(target, health, resources, "");
  }
}
