package io.vela4j.rollout.internal;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldPaths;
import io.vela4j.rollout.ClusterWaves;
import io.vela4j.rollout.IntOrPercent;
import io.vela4j.rollout.RolloutCluster;
import io.vela4j.rollout.RolloutSpec.ClusterMode;
import io.vela4j.rollout.RolloutSpec.Mode;
import io.vela4j.rollout.RolloutSpec.Semantics;
import io.vela4j.rollout.RolloutStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Validates the components of a {@code RolloutSpec}, collecting every problem. */
public final class SpecValidator {
  private SpecValidator() {}

  /** Every problem found, in field order; empty when the spec is valid. */
  public static List<Diagnostic> validate(
      int sourceReplicas,
      int targetReplicas,
      Mode mode,
      Semantics semantics,
      List<RolloutStep> steps,
      @Nullable Integer numBatches,
      @Nullable IntOrPercent maxSurge,
      @Nullable IntOrPercent maxUnavailable,
      @Nullable Integer batchPartition,
      List<RolloutCluster> clusters,
      ClusterMode clusterMode,
      @Nullable ClusterWaves waves) {
    var out = new ArrayList<Diagnostic>();
    nonNegative(out, "sourceReplicas", sourceReplicas);
    nonNegative(out, "targetReplicas", targetReplicas);
    if (steps.isEmpty() && numBatches == null) {
      out.add(
          error(
              DiagnosticCodes.EMPTY_STEPS,
              "steps must not be empty (give at least one step, or numBatches)",
              "steps",
              "at least one step",
              "[]"));
    }
    if (numBatches != null) {
      if (numBatches < 1) {
        out.add(
            error(
                DiagnosticCodes.VALUE_OUT_OF_RANGE,
                "numBatches must be at least 1",
                "numBatches",
                ">= 1",
                numBatches.toString()));
      } else if (!steps.isEmpty() && numBatches != steps.size()) {
        out.add(
            error(
                DiagnosticCodes.NUM_BATCHES_MISMATCH,
                "numBatches does not match the number of steps",
                "numBatches",
                Integer.toString(steps.size()),
                numBatches.toString()));
      }
    }
    boolean stepsOk = true;
    for (int i = 0; i < steps.size(); i++) {
      var s = steps.get(i);
      stepsOk &= amount(out, "steps[" + i + "].replicas", s.replicas());
      amount(out, "steps[" + i + "].maxUnavailable", s.maxUnavailable());
    }
    amount(out, "maxSurge", maxSurge);
    amount(out, "maxUnavailable", maxUnavailable);
    if (batchPartition != null && batchPartition < 0) {
      out.add(
          error(
              DiagnosticCodes.VALUE_OUT_OF_RANGE,
              "batchPartition must not be negative",
              "batchPartition",
              ">= 0",
              batchPartition.toString()));
    }
    boolean clustersOk = clusters(out, clusters, targetReplicas);
    if (clusterMode == ClusterMode.WAVES && clusters.isEmpty()) {
      out.add(
          error(
              DiagnosticCodes.MISSING_CLUSTERS,
              "clusterMode WAVES needs clusters",
              "clusters",
              "at least one cluster",
              "none"));
    }
    if (waves != null) {
      waves(out, waves, clusters);
    }
    if (stepsOk && !steps.isEmpty() && sourceReplicas >= 0 && targetReplicas >= 0) {
      var units = new ArrayList<Long>();
      units.add(unitSize(mode, sourceReplicas, targetReplicas));
      if (clustersOk && !clusters.isEmpty() && clusterMode != ClusterMode.SPLIT) {
        var sizes = ClusterSizes.of(clusters, sourceReplicas, targetReplicas);
        for (int c = 0; c < clusters.size(); c++) {
          units.add(unitSize(mode, sizes.source()[c], sizes.target()[c]));
        }
      }
      sequence(out, semantics, steps, units, clusters, clusterMode);
    }
    return List.copyOf(out);
  }

  static long unitSize(Mode mode, long source, long target) {
    return mode == Mode.ROLLOUT ? target : Math.abs(target - source);
  }

  private static void sequence(
      List<Diagnostic> out,
      Semantics semantics,
      List<RolloutStep> steps,
      List<Long> units,
      List<RolloutCluster> clusters,
      ClusterMode clusterMode) {
    if (semantics == Semantics.INCREMENTAL) {
      long pct = 0;
      for (int i = 0; i < steps.size(); i++) {
        var r = steps.get(i).replicas();
        if (r != null && r.percent()) {
          pct += r.value();
          if (pct > 100) {
            out.add(
                error(
                    DiagnosticCodes.INCREMENTS_TOO_LARGE,
                    "the percentage increments up to this step add up to more than 100%",
                    "steps[" + i + "].replicas",
                    "a total of at most 100%",
                    pct + "%"));
            return;
          }
        }
      }
      return;
    }
    var reported = new java.util.TreeMap<Integer, Diagnostic>();
    for (int u = 0; u < units.size(); u++) {
      long n = units.get(u);
      long prev = Long.MIN_VALUE;
      int prevIndex = -1;
      for (int i = 0; i < steps.size(); i++) {
        var r = steps.get(i).replicas();
        if (r == null) {
          continue;
        }
        long cur = r.hundredths(n);
        if (prevIndex >= 0 && cur < prev && Math.min(cur, 100 * n) < Math.min(prev, 100 * n)) {
          if (!reported.containsKey(i)) {
            var where =
                u == 0
                    ? " on " + n + " replicas"
                    : " on cluster "
                        + clusters.get(u - 1).name()
                        + " ("
                        + n
                        + " replicas, clusterMode "
                        + clusterMode
                        + ")";
            reported.put(
                i,
                error(
                    DiagnosticCodes.INVALID_STEP_ORDER,
                    "cumulative steps must not decrease: "
                        + r
                        + " is less than steps["
                        + prevIndex
                        + "] = "
                        + steps.get(prevIndex).replicas()
                        + where,
                    "steps[" + i + "].replicas",
                    "at least " + steps.get(prevIndex).replicas(),
                    r.toString()));
          }
        } else if (cur >= prev) {
          prev = cur;
          prevIndex = i;
        }
      }
    }
    out.addAll(reported.values());
  }

  private static boolean clusters(
      List<Diagnostic> out, List<RolloutCluster> clusters, int targetReplicas) {
    boolean ok = true;
    var seen = new HashSet<String>();
    int sized = 0;
    int weighted = 0;
    long sum = 0;
    for (int i = 0; i < clusters.size(); i++) {
      var c = clusters.get(i);
      var p = FieldPaths.index("clusters", i);
      if (c.name().isBlank()) {
        out.add(
            error(
                DiagnosticCodes.EMPTY_FIELD,
                "cluster name must not be empty",
                FieldPaths.field(p, "name"),
                "a name",
                "\"\""));
        ok = false;
      } else if (!seen.add(c.name())) {
        out.add(
            error(
                DiagnosticCodes.DUPLICATE_CLUSTER,
                "cluster " + c.name() + " is listed twice",
                FieldPaths.field(p, "name"),
                "a unique name",
                c.name()));
        ok = false;
      }
      if ((c.replicas() == null) == (c.weight() == null)) {
        out.add(
            error(
                DiagnosticCodes.INVALID_CLUSTER_SIZE,
                "a cluster needs exactly one of replicas and weight",
                p,
                "replicas or weight",
                c.replicas() == null ? "neither" : "both"));
        ok = false;
        continue;
      }
      if (c.replicas() != null) {
        sized++;
        sum += c.replicas();
        if (c.replicas() < 0) {
          nonNegative(out, FieldPaths.field(p, "replicas"), c.replicas());
          ok = false;
        }
      } else {
        weighted++;
        if (c.weight() < 1) {
          out.add(
              error(
                  DiagnosticCodes.VALUE_OUT_OF_RANGE,
                  "cluster weight must be at least 1",
                  FieldPaths.field(p, "weight"),
                  ">= 1",
                  c.weight().toString()));
          ok = false;
        }
      }
    }
    if (sized > 0 && weighted > 0) {
      out.add(
          error(
              DiagnosticCodes.CLUSTER_SIZE_MISMATCH,
              "either every cluster has replicas or every cluster has a weight",
              "clusters",
              "one kind",
              sized + " with replicas, " + weighted + " with weight"));
      ok = false;
    } else if (sized > 0 && ok && sum != targetReplicas) {
      out.add(
          error(
              DiagnosticCodes.CLUSTER_SUM_MISMATCH,
              "the cluster replicas must add up to targetReplicas",
              "targetReplicas",
              Long.toString(sum),
              Integer.toString(targetReplicas)));
      ok = false;
    }
    return ok;
  }

  private static void waves(
      List<Diagnostic> out, ClusterWaves waves, List<RolloutCluster> clusters) {
    var names = new HashSet<String>();
    clusters.forEach(c -> names.add(c.name()));
    Map<String, String> placed = new HashMap<>();
    for (int g = 0; g < waves.groups().size(); g++) {
      var group = waves.groups().get(g);
      if (group.isEmpty()) {
        out.add(
            error(
                DiagnosticCodes.EMPTY_GROUP,
                "a wave group must name at least one cluster",
                FieldPaths.index("waves.groups", g),
                "cluster names",
                "[]"));
      }
      for (int j = 0; j < group.size(); j++) {
        var name = group.get(j);
        var p = FieldPaths.index(FieldPaths.index("waves.groups", g), j);
        if (!names.contains(name)) {
          out.add(
              error(
                  DiagnosticCodes.UNKNOWN_CLUSTER,
                  "wave group names a cluster that is not in clusters",
                  p,
                  "one of " + clusters.stream().map(RolloutCluster::name).toList(),
                  name));
        } else if (placed.putIfAbsent(name, p) != null) {
          out.add(
              error(
                  DiagnosticCodes.DUPLICATE_CLUSTER,
                  "cluster " + name + " is already in " + placed.get(name),
                  p,
                  "each cluster in one group",
                  name));
        }
      }
    }
    var mc = waves.maxConcurrency();
    if (mc != null && (mc.value() < 1 || (mc.percent() && mc.value() > 100))) {
      out.add(
          error(
              DiagnosticCodes.VALUE_OUT_OF_RANGE,
              "maxConcurrency must be at least 1 (or 1% to 100%); 0 does not mean \"all\" here",
              "waves.maxConcurrency",
              "1.. or 1%..100%",
              mc.toString()));
    }
  }

  private static boolean amount(List<Diagnostic> out, String path, @Nullable IntOrPercent v) {
    if (v == null) {
      return true;
    }
    if (v.isNegative()) {
      out.add(
          error(
              DiagnosticCodes.VALUE_OUT_OF_RANGE,
              "must not be negative",
              path,
              ">= 0",
              v.toString()));
      return false;
    }
    if (v.percent() && v.value() > 100) {
      out.add(
          error(
              DiagnosticCodes.VALUE_OUT_OF_RANGE,
              "a percentage must not exceed 100%",
              path,
              "0%..100%",
              v + ""));
      return false;
    }
    return true;
  }

  private static void nonNegative(List<Diagnostic> out, String path, int v) {
    if (v < 0) {
      out.add(
          error(
              DiagnosticCodes.VALUE_OUT_OF_RANGE,
              "must not be negative",
              path,
              ">= 0",
              Integer.toString(v)));
    }
  }

  static Diagnostic error(
      String code,
      String message,
      String path,
      @Nullable String expected,
      @Nullable String actual) {
    return Diagnostic.error(code, message, path).withFacts(expected, actual);
  }
}
