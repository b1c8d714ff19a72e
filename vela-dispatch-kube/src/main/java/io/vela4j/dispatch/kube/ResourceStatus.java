package io.vela4j.dispatch.kube;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The status of one applied object as read back from its API server. Immutable.
 *
 * @param ref the object
 * @param exists whether it exists on the server
 * @param health its health
 * @param message why it has that health (empty when healthy)
 * @param feedback values read from status: OCM status feedback ({@code
 *     Deployment/web/api.readyReplicas}), Karmada per-cluster results ({@code member1.health});
 *     sorted by key
 */
public record ResourceStatus(
    ObjectRef ref, boolean exists, Health health, String message, Map<String, Object> feedback) {

  /** Copies the feedback into a sorted, unmodifiable map. */
  public ResourceStatus {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(message, "message");
    feedback = java.util.Collections.unmodifiableMap(new TreeMap<>(feedback));
  }
}
