package io.vela4j.rollout;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How {@link RolloutSpec.ClusterMode#WAVES} groups clusters. Immutable.
 *
 * <p>The first group, when given, is the mandatory (canary) group and forms one wave. Every other
 * group, followed by an implicit group of the clusters no group names (in {@code clusters} order),
 * is cut into waves of {@code maxConcurrency} clusters.
 *
 * @param groups ordered groups of cluster names
 * @param maxConcurrency clusters per wave: an integer, or a percentage of the group's size rounded
 *     up (at least 1); {@code null} means the whole group
 */
public record Waves(List<List<String>> groups, @Nullable IntOrPercent maxConcurrency) {

  /** Copies the groups into unmodifiable lists. */
  public Waves {
    groups = groups.stream().map(List::copyOf).toList();
  }
}
