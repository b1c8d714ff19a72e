package io.vela4j.rollout;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A cluster taking part in a rollout, with either an explicit size or a weight. Immutable.
 *
 * @param name the cluster name (unique within a spec)
 * @param replicas the cluster's final size, or {@code null} when {@code weight} is given
 * @param weight the cluster's share of the replicas, or {@code null} when {@code replicas} is given
 */
public record RolloutCluster(String name, @Nullable Integer replicas, @Nullable Integer weight) {

  /** Checks the name is present. */
  public RolloutCluster {
    Objects.requireNonNull(name, "name");
  }

  /** A cluster of a fixed final size. */
  public static RolloutCluster sized(String name, int replicas) {
    return new RolloutCluster(name, replicas, null);
  }

  /** A cluster receiving a weighted share of the replicas. */
  public static RolloutCluster weighted(String name, int weight) {
    return new RolloutCluster(name, null, weight);
  }
}
