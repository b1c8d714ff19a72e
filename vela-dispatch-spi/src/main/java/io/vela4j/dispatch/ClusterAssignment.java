package io.vela4j.dispatch;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One cluster of a {@link Placement}: where to deliver, how many replicas the scalable workloads
 * get there, and which overriders apply. Immutable.
 *
 * @param cluster the target cluster
 * @param replicas the {@code spec.replicas} of every Deployment, StatefulSet and ReplicaSet in this
 *     cluster, or {@code null} to keep the bundle's value
 * @param overriders the overriders for this cluster, in declaration order
 */
public record ClusterAssignment(
    MemberCluster cluster, @Nullable Integer replicas, List<Overrider> overriders) {

  /** Validates and copies the components. */
  public ClusterAssignment {
    Objects.requireNonNull(cluster, "cluster");
    if (replicas != null && replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, was " + replicas);
    }
    overriders = List.copyOf(overriders);
  }

  /**
   * A cluster that receives the bundle unchanged.
   *
   * @param name the cluster name
   * @return the assignment
   */
  public static ClusterAssignment of(String name) {
    return new ClusterAssignment(MemberCluster.named(name), null, List.of());
  }

  /** The cluster name. */
  public String name() {
    return cluster.name();
  }
}
