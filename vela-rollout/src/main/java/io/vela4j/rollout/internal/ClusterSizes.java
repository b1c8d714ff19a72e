package io.vela4j.rollout.internal;

import io.vela4j.rollout.RolloutCluster;
import java.util.List;

/**
 * Source and target size of every cluster: explicit sizes are the targets, weights split the target
 * by Webster; the source is always split by Webster with the targets (or weights) as votes.
 *
 * @param names cluster names in spec order
 * @param source replicas of the old version per cluster now
 * @param target final size per cluster
 */
public record ClusterSizes(String[] names, int[] source, int[] target) {

  /** Computes the sizes; the clusters must be valid. */
  public static ClusterSizes of(List<RolloutCluster> clusters, int sourceReplicas, int target) {
    int n = clusters.size();
    var names = new String[n];
    var votes = new long[n];
    boolean sized = n > 0 && clusters.get(0).replicas() != null;
    for (int i = 0; i < n; i++) {
      var c = clusters.get(i);
      names[i] = c.name();
      votes[i] = sized ? c.replicas() : c.weight();
    }
    int[] targets;
    if (sized) {
      targets = new int[n];
      for (int i = 0; i < n; i++) {
        targets[i] = (int) votes[i];
      }
    } else {
      targets = Webster.allocate(target, votes, names);
    }
    // Webster over the sizes themselves at their own total gives exactly the sizes.
    var sources =
        sized && sourceReplicas == target
            ? targets.clone()
            : Webster.allocate(sourceReplicas, votes, names);
    return new ClusterSizes(names, sources, targets);
  }
}
