package io.vela4j.rollout;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How {@link RolloutSpec.ClusterMode#WAVES} groups clusters over time: a rollout wave is a set of
 * clusters that run the steps together, before the next wave starts. (Not to be confused with the
 * delivery waves of a dispatch plan, {@code io.vela4j.dispatch.ApplyOrder}, which order the kinds
 * applied to one cluster.) Immutable.
 *
 * <p>The first group, when given, is the mandatory (canary) group and forms one wave. Every other
 * group, followed by an implicit group of the clusters no group names (in {@code clusters} order),
 * is cut into waves of {@code maxConcurrency} clusters.
 *
 * @param groups ordered groups of cluster names
 * @param maxConcurrency clusters per wave: an integer, or a percentage of the group's size rounded
 *     up (at least 1); {@code null} means the whole group
 */
public record ClusterWaves(List<List<String>> groups, @Nullable IntOrPercent maxConcurrency) {

  /** Copies the groups into unmodifiable lists. */
  public ClusterWaves {
    groups = groups.stream().map(List::copyOf).toList();
  }
}
