package io.vela4j.dispatch;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A member cluster by name: the OCM ManagedCluster (and its namespace on the hub), the Karmada
 * {@code Cluster} name, or for direct apply a key into the caller's cluster connections (such as a
 * kubeconfig context). Immutable.
 *
 * @param name the cluster name, not empty
 * @param labels the cluster's labels (informational; kept sorted by key)
 */
public record MemberCluster(String name, Map<String, String> labels) {

  /** Validates and copies the components. */
  public MemberCluster {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("cluster name must not be empty");
    }
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /**
   * A cluster without labels.
   *
   * @param name the cluster name
   * @return the target
   */
  public static MemberCluster named(String name) {
    return new MemberCluster(name, Map.of());
  }
}
