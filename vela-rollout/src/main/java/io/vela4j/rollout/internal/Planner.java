package io.vela4j.rollout.internal;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldPaths;
import io.vela4j.rollout.IntOrPercent;
import io.vela4j.rollout.RolloutException;
import io.vela4j.rollout.RolloutPlan;
import io.vela4j.rollout.RolloutPlan.Counts;
import io.vela4j.rollout.RolloutPlan.StepKind;
import io.vela4j.rollout.RolloutSpec;
import io.vela4j.rollout.RolloutSpec.ClusterMode;
import io.vela4j.rollout.RolloutSpec.Mode;
import io.vela4j.rollout.RolloutSpec.Order;
import io.vela4j.rollout.RolloutSpec.Semantics;
import io.vela4j.rollout.RolloutSpec.Style;
import io.vela4j.rollout.RolloutState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Computes a {@link RolloutPlan}. One instance per call (it holds the call's working arrays); the
 * public entry points are static and thread-safe.
 */
public final class Planner {
  private static final IntOrPercent PARTITION_SURGE = IntOrPercent.of(0);
  private static final IntOrPercent PARTITION_UNAVAILABLE = IntOrPercent.percent(20);
  private static final IntOrPercent K8S_DEFAULT = IntOrPercent.percent(25);

  private final RolloutSpec spec;
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final Mode mode;
  private final Style style;
  private final int total; // N: targetReplicas
  private final int source;
  private final boolean scaleUp;
  private final String[] names;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Long, ClusterWarning> clusterWarnings = new java.util.LinkedHashMap<>();
  private final int clusterCount;
  private @Nullable ClusterSizes sizes;

  private int perUnitSteps; // P
  private int globalSteps; // G
  private int[] gNew = new int[0];
  private int[] gOld = new int[0];
  private int[][] cNew = new int[0][];
  private int[][] cOld = new int[0][];
  private int[] specIndex = new int[0];
  private int[] wave = new int[0];

  private Planner(RolloutSpec spec) {
    this.spec = spec;
    this.mode = spec.mode();
    this.style = spec.style();
    this.total = spec.targetReplicas();
    this.source = spec.sourceReplicas();
    this.scaleUp = total >= source;
    this.clusterCount = spec.clusters().size();
    this.names = new String[clusterCount];
    for (int c = 0; c < clusterCount; c++) {
      names[c] = spec.clusters().get(c).name();
      index.put(names[c], c);
    }
  }

  /** Plans a rollout from its start. */
  public static RolloutPlan plan(RolloutSpec spec) {
    var p = new Planner(spec);
    p.compute();
    return p.output(0, new Counts(0, spec.sourceReplicas()), null);
  }

  /** Plans the rest of a running rollout. */
  public static RolloutPlan replan(RolloutSpec spec, RolloutState state) {
    var p = new Planner(spec);
    p.compute();
    return p.continueFrom(state);
  }

  // ---------------------------------------------------------------------------------------------
  // Settled states

  private void compute() {
    if (spec.waves() != null && spec.clusterMode() != ClusterMode.WAVES) {
      warn(
          DiagnosticCodes.WAVES_IGNORED,
          "waves",
          "waves is ignored because clusterMode is " + spec.clusterMode());
    }
    if (clusterCount > 0) {
      sizes = ClusterSizes.of(spec.clusters(), source, total);
    }
    var cm = clusterCount == 0 ? null : spec.clusterMode();
    long globalUnit = SpecValidator.unitSize(mode, source, total);
    long maxUnit = globalUnit;
    if (cm == ClusterMode.SAME_PLAN || cm == ClusterMode.WAVES) {
      maxUnit = 0;
      for (int c = 0; c < clusterCount; c++) {
        maxUnit = Math.max(maxUnit, clusterUnit(c));
      }
    }
    if (spec.generatedSteps()) {
      int b = spec.numBatches() == null ? 1 : spec.numBatches();
      perUnitSteps = (int) Math.min(b, Math.max(1, maxUnit));
      if (perUnitSteps < b) {
        warn(
            DiagnosticCodes.BATCHES_MERGED,
            "numBatches",
            "numBatches "
                + b
                + " is more than the "
                + maxUnit
                + (maxUnit == globalUnit ? "" : " replicas of the largest cluster")
                + (maxUnit == globalUnit ? " replicas to move" : "")
                + ": merged into "
                + perUnitSteps
                + " batches, so no batch is empty");
      }
    } else {
      perUnitSteps = spec.steps().size();
    }
    if (cm == null || cm == ClusterMode.SPLIT) {
      globalSteps = perUnitSteps;
      allocate();
      var moved = cumulative(globalUnit, null);
      for (int g = 0; g < globalSteps; g++) {
        gNew[g] = settledNew(moved, g, total, source);
        gOld[g] = settledOld(moved, g, total, source);
        specIndex[g] = g;
      }
      if (cm == ClusterMode.SPLIT) {
        split(moved);
      }
    } else if (cm == ClusterMode.SAME_PLAN) {
      globalSteps = perUnitSteps;
      allocate();
      for (int g = 0; g < globalSteps; g++) {
        specIndex[g] = g;
      }
      for (int c = 0; c < clusterCount; c++) {
        var moved = cumulative(clusterUnit(c), names[c]);
        for (int g = 0; g < globalSteps; g++) {
          cNew[g][c] = settledNew(moved, g, sizes.target()[c], sizes.source()[c]);
          cOld[g][c] = settledOld(moved, g, sizes.target()[c], sizes.source()[c]);
        }
      }
      sumClusters();
    } else {
      var waves = WavePlan.of(spec, names);
      globalSteps = waves.size() * perUnitSteps;
      allocate();
      var clusterWave = new int[clusterCount];
      for (int w = 0; w < waves.size(); w++) {
        for (int c : waves.get(w)) {
          clusterWave[c] = w;
        }
      }
      for (int g = 0; g < globalSteps; g++) {
        specIndex[g] = g % perUnitSteps;
        wave[g] = g / perUnitSteps;
      }
      for (int c = 0; c < clusterCount; c++) {
        var moved = cumulative(clusterUnit(c), names[c]);
        int tc = sizes.target()[c];
        int sc = sizes.source()[c];
        for (int g = 0; g < globalSteps; g++) {
          if (wave[g] < clusterWave[c]) {
            cNew[g][c] = 0;
            cOld[g][c] = mode == Mode.ROLLOUT ? tc : sc;
          } else {
            int j = wave[g] > clusterWave[c] ? perUnitSteps - 1 : specIndex[g];
            cNew[g][c] = settledNew(moved, j, tc, sc);
            cOld[g][c] = settledOld(moved, j, tc, sc);
          }
        }
      }
      sumClusters();
    }
    flushClusterWarnings();
  }

  private long clusterUnit(int c) {
    return SpecValidator.unitSize(mode, sizes.source()[c], sizes.target()[c]);
  }

  private void allocate() {
    gNew = new int[globalSteps];
    gOld = new int[globalSteps];
    specIndex = new int[globalSteps];
    wave = new int[globalSteps];
    cNew = new int[globalSteps][clusterCount];
    cOld = new int[globalSteps][clusterCount];
  }

  private void sumClusters() {
    for (int g = 0; g < globalSteps; g++) {
      long n = 0;
      long o = 0;
      for (int c = 0; c < clusterCount; c++) {
        n += cNew[g][c];
        o += cOld[g][c];
      }
      gNew[g] = (int) n;
      gOld[g] = (int) o;
    }
  }

  /** Settled new replicas of a unit of final size {@code n} after unit step {@code j}. */
  private int settledNew(int[] moved, int j, int n, int src) {
    return mode == Mode.SCALE && n < src ? 0 : moved[j];
  }

  /** Settled old replicas of a unit of final size {@code n} after unit step {@code j}. */
  private int settledOld(int[] moved, int j, int n, int src) {
    if (mode == Mode.SCALE) {
      return n >= src ? src : src - moved[j];
    }
    if (style == Style.CANARY) {
      return j == perUnitSteps - 1 ? 0 : n;
    }
    return n - moved[j];
  }

  /** Splits each step's global count over the clusters (SPLIT). */
  private void split(int[] moved) {
    var votes = new long[clusterCount];
    for (int c = 0; c < clusterCount; c++) {
      votes[c] =
          mode == Mode.ROLLOUT
              ? sizes.target()[c]
              : Math.abs((long) sizes.target()[c] - sizes.source()[c]);
    }
    var webster = new Webster(votes, names);
    for (int g = 0; g < globalSteps; g++) {
      webster.allocateTo(moved[g]);
      for (int c = 0; c < clusterCount; c++) {
        int seats = webster.seats(c);
        int tc = sizes.target()[c];
        int sc = sizes.source()[c];
        if (mode == Mode.SCALE) {
          cNew[g][c] = scaleUp ? seats : 0;
          cOld[g][c] = scaleUp ? sc : sc - seats;
        } else {
          cNew[g][c] = seats;
          cOld[g][c] = style == Style.CANARY ? (g == globalSteps - 1 ? 0 : tc) : tc - seats;
        }
      }
    }
  }

  /**
   * The replicas moved after each unit step, for a unit that moves {@code n} replicas in total:
   * cumulative rounding up with exact integers, clamped to {@code [0, n]}, at least one old replica
   * kept below 100% (keepOneOld), the last step at {@code n}.
   */
  private int[] cumulative(long n, @Nullable String cluster) {
    var out = new int[perUnitSteps];
    if (spec.generatedSteps()) {
      long base = n / perUnitSteps;
      long extra = n % perUnitSteps;
      long sum = 0;
      int zero = 0;
      for (int b = 0; b < perUnitSteps; b++) {
        long size = base + (b >= perUnitSteps - extra ? 1 : 0);
        zero += size == 0 ? 1 : 0;
        sum += size;
        out[b] = (int) sum;
      }
      if (zero > 0 && n > 0) {
        int empty = zero;
        unitWarn(
            cluster,
            DiagnosticCodes.EMPTY_BATCHES,
            -1,
            () ->
                "only "
                    + n
                    + " replicas for "
                    + perUnitSteps
                    + " batches: its first "
                    + empty
                    + " batches move nothing there");
      }
      return out;
    }
    var steps = spec.steps();
    boolean incremental = spec.semantics() == Semantics.INCREMENTAL;
    long sumHundredths = 0;
    long prev = 0;
    for (int i = 0; i < perUnitSteps; i++) {
      var r = steps.get(i).replicas();
      long m;
      if (r != null && incremental) {
        sumHundredths += r.hundredths(n);
      }
      long exact = r == null ? -1 : incremental ? sumHundredths : r.hundredths(n);
      if (i == perUnitSteps - 1) {
        m = n;
        if (r != null && exact != 100 * n) {
          unitWarn(
              cluster,
              DiagnosticCodes.LAST_STEP_VALUE_IGNORED,
              i,
              () ->
                  "the last step always reaches all "
                      + n
                      + " replicas; its value ("
                      + describe(exact, incremental, r)
                      + ") is not used");
        }
      } else if (r == null) {
        m = prev;
      } else {
        m = Math.floorDiv(exact + 99, 100);
        if (m > n) {
          unitWarn(
              cluster,
              DiagnosticCodes.STEP_CLAMPED,
              i,
              () -> describe(exact, incremental, r) + " is more than " + n + ": clamped");
          m = n;
        } else if (spec.keepOneOld() && n > 1 && exact < 100 * n && m == n) {
          m = n - 1;
          unitWarn(
              cluster,
              DiagnosticCodes.OLD_REPLICA_KEPT,
              i,
              () ->
                  describe(exact, incremental, r)
                      + " of "
                      + n
                      + " rounds up to all of them; one replica is kept back (keepOneOld)");
        }
        m = Math.max(m, prev);
      }
      out[i] = (int) m;
      prev = m;
    }
    return out;
  }

  private static String describe(long hundredths, boolean incremental, IntOrPercent r) {
    var replicas =
        hundredths / 100 + "." + String.format(java.util.Locale.ROOT, "%02d", hundredths % 100);
    return incremental
        ? "the increments up to here (" + replicas + " replicas)"
        : r + " (" + replicas + " replicas)";
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private RolloutPlan output(int first, Counts start, @Nullable int[] startClusters) {
    var partition = spec.batchPartition();
    if (partition != null && partition >= globalSteps && first == 0) {
      warn(
          DiagnosticCodes.PARTITION_BEYOND_END,
          "batchPartition",
          "batchPartition "
              + partition
              + " is beyond the last step ("
              + (globalSteps - 1)
              + "): every step runs");
    }
    var steps = new ArrayList<RolloutPlan.Step>(globalSteps - first);
    var prev = start;
    int[] prevClusters = startClusters;
    var surge = spec.maxSurge() != null ? spec.maxSurge() : defaultSurge();
    for (int g = first; g < globalSteps; g++) {
      var now = new Counts(gNew[g], gOld[g]);
      var pause = spec.generatedSteps() ? null : spec.steps().get(specIndex[g]).pause();
      boolean same = now.equals(prev) && sameClusters(prevClusters, g);
      StepKind kind =
          g == globalSteps - 1
              ? StepKind.FINAL
              : same && pause != null ? StepKind.PAUSE : StepKind.BATCH;
      if (same && kind != StepKind.PAUSE) {
        warn(DiagnosticCodes.STEP_NOOP, stepPath(g), "no-op step: nothing changes" + inWave(g));
      }
      var transitions = transitions(prev, now, g, surge);
      Map<String, Counts> clusters =
          clusterCount == 0 ? Map.of() : new CountsMap(names, index, cNew[g], cOld[g]);
      steps.add(
          new RolloutPlan.Step(
              g,
              kind,
              now.newReplicas(),
              now.oldReplicas(),
              pause,
              partition != null && g > partition,
              clusters,
              transitions));
      prev = now;
      prevClusters = cNew[g];
    }
    return new RolloutPlan(steps, List.of(names), warnings);
  }

  private boolean sameClusters(int @Nullable [] prevNew, int g) {
    if (clusterCount == 0) {
      return true;
    }
    if (prevNew == null) {
      return true;
    }
    for (int c = 0; c < clusterCount; c++) {
      if (prevNew[c] != cNew[g][c] || (g > 0 && cOld[g - 1][c] != cOld[g][c])) {
        return false;
      }
    }
    return true;
  }

  private String stepPath(int g) {
    return spec.generatedSteps() ? "numBatches" : FieldPaths.index("steps", specIndex[g]);
  }

  private String inWave(int g) {
    return spec.clusterMode() == ClusterMode.WAVES && clusterCount > 0
        ? " (wave " + wave[g] + ", plan step " + g + ")"
        : "";
  }

  private IntOrPercent defaultSurge() {
    return style == Style.PARTITION ? PARTITION_SURGE : K8S_DEFAULT;
  }

  private IntOrPercent unavailable(int g) {
    if (!spec.generatedSteps()) {
      var own = spec.steps().get(specIndex[g]).maxUnavailable();
      if (own != null) {
        return own;
      }
    }
    if (spec.maxUnavailable() != null) {
      return spec.maxUnavailable();
    }
    return style == Style.PARTITION ? PARTITION_UNAVAILABLE : K8S_DEFAULT;
  }

  /**
   * Kubernetes fencepost rules: surge rounds up, unavailable rounds down, both zero gives
   * unavailable 1, unavailable is capped at N. Returns {low, high} bounds of the total.
   */
  public static long[] bounds(long n, IntOrPercent surge, IntOrPercent unavailable, Style style) {
    long s = surge.resolve(n, true);
    long u = unavailable.resolve(n, false);
    if (s == 0 && u == 0) {
      u = 1;
    }
    u = Math.min(u, n);
    long high = n + (style == Style.CANARY ? Math.max(s, n) : s);
    return new long[] {n - u, high};
  }

  private List<Counts> transitions(Counts from, Counts to, int g, IntOrPercent surge) {
    if (from.equals(to)) {
      return List.of();
    }
    if (mode == Mode.SCALE) {
      return List.of(to);
    }
    var b = bounds(total, surge, unavailable(g), style);
    return walk(from, to, b[0], b[1], spec.order());
  }

  /**
   * The states from {@code from} to {@code to}, assuming pods become ready at once: each move adds
   * new replicas up to {@code high} or removes old ones down to {@code low}, in the given order. A
   * start outside the bounds (a resize, or a replan from an unexpected state) is first moved, in
   * one jump, to the nearest state the walk can start from.
   */
  public static List<Counts> walk(Counts from, Counts to, long low, long high, Order order) {
    var out = new ArrayList<Counts>();
    long n1 = to.newReplicas();
    long o1 = to.oldReplicas();
    long n = Math.min(from.newReplicas(), n1);
    long o = Math.max(Math.max(o1, low - n), Math.min(from.oldReplicas(), high - n));
    if (n != from.newReplicas() || o != from.oldReplicas()) {
      out.add(new Counts((int) n, (int) o));
    }
    while (n != n1 || o != o1) {
      boolean moved = false;
      for (int pass = 0; pass < 2; pass++) {
        boolean grow = (pass == 0) == (order == Order.INCREASE_FIRST);
        if (grow && n < n1) {
          long nn = Math.min(n1, high - o);
          if (nn > n) {
            n = nn;
            out.add(new Counts((int) n, (int) o));
            moved = true;
          }
        } else if (!grow && o > o1) {
          long oo = Math.max(o1, low - n);
          if (oo < o) {
            o = oo;
            out.add(new Counts((int) n, (int) o));
            moved = true;
          }
        }
      }
      if (!moved) {
        out.add(to);
        break;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Replanning

  private RolloutPlan continueFrom(RolloutState state) {
    var problems = new ArrayList<Diagnostic>();
    if (state.completedStep() < -1 || state.completedStep() > globalSteps - 1) {
      problems.add(
          SpecValidator.error(
              DiagnosticCodes.INVALID_STATE,
              "completedStep must be -1 (none) or a step index of the plan",
              "state.completedStep",
              "-1.." + (globalSteps - 1),
              Integer.toString(state.completedStep())));
    }
    if (state.newReplicas() < 0) {
      problems.add(
          SpecValidator.error(
              DiagnosticCodes.VALUE_OUT_OF_RANGE,
              "must not be negative",
              "state.newReplicas",
              ">= 0",
              "" + state.newReplicas()));
    }
    if (state.oldReplicas() < 0) {
      problems.add(
          SpecValidator.error(
              DiagnosticCodes.VALUE_OUT_OF_RANGE,
              "must not be negative",
              "state.oldReplicas",
              ">= 0",
              "" + state.oldReplicas()));
    }
    for (var e : new java.util.TreeMap<>(state.clusterNewReplicas()).entrySet()) {
      var path = "state.clusterNewReplicas." + e.getKey();
      if (!index.containsKey(e.getKey())) {
        problems.add(
            SpecValidator.error(
                DiagnosticCodes.UNKNOWN_CLUSTER,
                "not a cluster of the spec",
                path,
                "one of " + List.of(names),
                e.getKey()));
      } else if (e.getValue() < 0) {
        problems.add(
            SpecValidator.error(
                DiagnosticCodes.VALUE_OUT_OF_RANGE,
                "must not be negative",
                path,
                ">= 0",
                "" + e.getValue()));
      }
    }
    if (!problems.isEmpty()) {
      throw new RolloutException(problems);
    }
    var start = new Counts(state.newReplicas(), state.oldReplicas());
    int first = state.completedStep() + 1;
    if (first == globalSteps) {
      var last = new Counts(gNew[globalSteps - 1], gOld[globalSteps - 1]);
      if (start.equals(last)) {
        warn(
            DiagnosticCodes.ROLLOUT_COMPLETE,
            "state.completedStep",
            "the rollout is complete: nothing left to do");
        return new RolloutPlan(List.of(), List.of(names), warnings);
      }
      first = globalSteps - 1;
      warn(
          DiagnosticCodes.FINAL_STEP_REPEATED,
          "state.completedStep",
          "the final step completed but the state "
              + start
              + " is not the final state "
              + last
              + ": the final step runs again");
    }
    int[] stateClusters = null;
    if (clusterCount > 0) {
      stateClusters = clusterState(state);
    }
    keepCompletedWork(first, state, stateClusters);
    return output(first, start, stateClusters);
  }

  private int[] clusterState(RolloutState state) {
    var st = new int[clusterCount];
    if (state.clusterNewReplicas().isEmpty()) {
      var votes = new long[clusterCount];
      for (int c = 0; c < clusterCount; c++) {
        votes[c] =
            mode == Mode.ROLLOUT
                ? sizes.target()[c]
                : Math.abs((long) sizes.target()[c] - sizes.source()[c]);
      }
      long cap = mode == Mode.ROLLOUT ? total : Math.abs((long) total - source);
      return Webster.allocate(Math.min(state.newReplicas(), cap), votes, names);
    }
    for (int c = 0; c < clusterCount; c++) {
      st[c] = state.clusterNewReplicas().getOrDefault(names[c], 0);
    }
    return st;
  }

  /** Raises planned new counts to what already runs: completed work is never undone. */
  private void keepCompletedWork(int first, RolloutState state, int @Nullable [] stateClusters) {
    if (mode == Mode.SCALE && !scaleUp) {
      return; // scale down: new is always 0; old only shrinks, nothing to keep
    }
    int cap = mode == Mode.ROLLOUT ? total : total - source;
    if (state.newReplicas() > cap) {
      warn(
          DiagnosticCodes.NEW_REPLICAS_UNDONE,
          "state.newReplicas",
          state.newReplicas()
              + " replicas are already new but the plan only has room for "
              + cap
              + ": the extra "
              + (state.newReplicas() - cap)
              + " are removed (the one case where completed work is undone)");
    }
    int raised = -1;
    int raisedTo = 0;
    for (int g = first; g < globalSteps; g++) {
      if (clusterCount == 0) {
        int keep = Math.min(state.newReplicas(), cap);
        if (keep > gNew[g]) {
          raised = raised < 0 ? g : raised;
          raisedTo = keep;
          if (mode == Mode.ROLLOUT && style != Style.CANARY) {
            gOld[g] = total - keep;
          }
          gNew[g] = keep;
        }
        continue;
      }
      boolean changed = false;
      for (int c = 0; c < clusterCount; c++) {
        int limit =
            mode == Mode.ROLLOUT
                ? sizes.target()[c]
                : Math.abs(sizes.target()[c] - sizes.source()[c]);
        int keep = Math.min(stateClusters[c], limit);
        if (keep > cNew[g][c]) {
          changed = true;
          if (mode == Mode.ROLLOUT && style != Style.CANARY) {
            cOld[g][c] = sizes.target()[c] - keep;
          }
          cNew[g][c] = keep;
        }
      }
      if (changed) {
        raised = raised < 0 ? g : raised;
        long n = 0;
        long o = 0;
        for (int c = 0; c < clusterCount; c++) {
          n += cNew[g][c];
          o += cOld[g][c];
        }
        gNew[g] = (int) n;
        gOld[g] = (int) o;
        raisedTo = gNew[g];
      }
    }
    if (raised >= 0) {
      warn(
          DiagnosticCodes.COMPLETED_WORK_KEPT,
          "state.newReplicas",
          "steps from "
              + raised
              + " planned fewer new replicas than already run; they keep the "
              + Math.min(state.newReplicas(), cap)
              + " already new (last raised step has "
              + raisedTo
              + "): completed work is not undone");
    }
  }

  private void warn(String code, String path, String message) {
    warnings.add(Diagnostic.warning(code, message, path));
  }

  private static String replicasPath(int i) {
    return "steps[" + i + "].replicas";
  }

  /** A warning about one unit; per-cluster ones are gathered and reported once per step. */
  private void unitWarn(@Nullable String cluster, String code, int step, Supplier<String> message) {
    var path = step < 0 ? "numBatches" : null;
    if (cluster == null) {
      warn(code, path != null ? path : replicasPath(step), message.get());
      return;
    }
    long key = ((long) code.hashCode() << 32) ^ (step + 1);
    var w = clusterWarnings.get(key);
    if (w == null || !w.code.equals(code)) {
      w = new ClusterWarning(code, path != null ? path : replicasPath(step), message.get());
      clusterWarnings.put(key, w);
    }
    w.clusters.add(cluster);
  }

  private void flushClusterWarnings() {
    for (var w : clusterWarnings.values()) {
      var names = w.clusters;
      String prefix;
      if (names.size() == 1) {
        prefix = "cluster " + names.get(0) + ": ";
      } else {
        var shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
        prefix =
            names.size()
                + " clusters ("
                + shown
                + (names.size() > 3 ? ", ..." : "")
                + "); in cluster "
                + names.get(0)
                + ": ";
      }
      warn(w.code, w.path, prefix + w.message);
    }
    clusterWarnings.clear();
  }

  private static final class ClusterWarning {
    final String code;
    final String path;
    final String message;
    final List<String> clusters = new ArrayList<>();

    ClusterWarning(String code, String path, String message) {
      this.code = code;
      this.path = path;
      this.message = message;
    }
  }
}
