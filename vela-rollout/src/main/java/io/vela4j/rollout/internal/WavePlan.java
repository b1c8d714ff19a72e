package io.vela4j.rollout.internal;

import io.vela4j.rollout.RolloutSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/** Cuts the clusters of a WAVES spec into ordered waves. */
public final class WavePlan {
  private WavePlan() {}

  /**
   * The waves, each a list of cluster indices: the first named group (mandatory) as one wave, then
   * every further group and the implicit group of unnamed clusters in chunks of {@code
   * maxConcurrency} (a percentage of the group size, rounded up, at least 1; default the whole
   * group).
   */
  public static List<int[]> of(RolloutSpec spec, String[] names) {
    var index = new HashMap<String, Integer>();
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i);
    }
    var groups = new ArrayList<List<Integer>>();
    var named = new HashSet<Integer>();
    var waves = spec.waves();
    if (waves != null) {
      for (var g : waves.groups()) {
        var group = new ArrayList<Integer>();
        for (var name : g) {
          group.add(index.get(name));
          named.add(index.get(name));
        }
        groups.add(group);
      }
    }
    var rest = new ArrayList<Integer>();
    for (int i = 0; i < names.length; i++) {
      if (!named.contains(i)) {
        rest.add(i);
      }
    }
    if (!rest.isEmpty()) {
      groups.add(rest);
    }
    var out = new ArrayList<int[]>();
    boolean mandatory = waves != null && !waves.groups().isEmpty();
    for (int g = 0; g < groups.size(); g++) {
      var group = groups.get(g);
      int chunk = group.size();
      var mc = waves == null ? null : waves.maxConcurrency();
      if (!(mandatory && g == 0) && mc != null) {
        chunk = (int) Math.max(1, Math.min(group.size(), mc.resolve(group.size(), true)));
      }
      for (int from = 0; from < group.size(); from += chunk) {
        var sub = group.subList(from, Math.min(group.size(), from + chunk));
        out.add(sub.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    return out;
  }
}
