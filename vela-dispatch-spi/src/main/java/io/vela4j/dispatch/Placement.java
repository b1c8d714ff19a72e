package io.vela4j.dispatch;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * An explicit, already resolved placement: the clusters that receive a bundle, each with its
 * replicas and overrides. Scheduling (OCM Placement, Karmada weights) is an optional translation of
 * this, never an input. Immutable.
 *
 * @param clusters the assignments, in the caller's order; cluster names are unique
 */
public record Placement(List<ClusterAssignment> clusters) {

  /** Validates and copies the components; rejects duplicate cluster names. */
  public Placement {
    clusters = List.copyOf(clusters);
    var seen = new HashSet<String>();
    for (var c : clusters) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("cluster '" + c.name() + "' is listed twice");
      }
    }
  }

  /**
   * A placement of the bundle, unchanged, on the named clusters.
   *
   * @param names cluster names
   * @return the placement
   */
  public static Placement of(String... names) {
    return new Placement(java.util.Arrays.stream(names).map(ClusterAssignment::of).toList());
  }

  /**
   * The assignment of the named cluster.
   *
   * @param name the cluster name
   * @return the assignment, or empty
   */
  public Optional<ClusterAssignment> cluster(String name) {
    return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
