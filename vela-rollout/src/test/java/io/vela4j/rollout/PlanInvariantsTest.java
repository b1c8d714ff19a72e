package io.vela4j.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.vela4j.rollout.RolloutPlan.Counts;
import io.vela4j.rollout.RolloutSpec.ClusterMode;
import io.vela4j.rollout.RolloutSpec.Mode;
import io.vela4j.rollout.RolloutSpec.Semantics;
import io.vela4j.rollout.RolloutSpec.Style;
import io.vela4j.rollout.internal.Webster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The invariants of the issue, checked over generated specs with QuickTheories. */
class PlanInvariantsTest {
  private static final Gen<RolloutSpec> SPECS =
      longs().all().map(SpecGen::random).describedAs(RolloutSpec::toString);
  private static final int EXAMPLES = 2000;

  @Test
  void finalStateIsReached() {
    qt().withExamples(EXAMPLES)
        .forAll(SPECS)
        .checkAssert(
            spec -> {
              var last = RolloutPlanner.plan(spec).last();
              int s = spec.sourceReplicas();
              int t = spec.targetReplicas();
              Counts expected =
                  spec.mode() == Mode.ROLLOUT
                      ? new Counts(t, 0)
                      : t >= s ? new Counts(t - s, s) : new Counts(0, t);
              assertThat(last.counts()).isEqualTo(expected);
              assertThat(last.kind()).isEqualTo(RolloutPlan.StepKind.FINAL);
            });
  }

  @Test
  void newCountIsNonDecreasingAndWithinZeroAndN() {
    qt().withExamples(EXAMPLES)
        .forAll(SPECS)
        .checkAssert(
            spec -> {
              int n =
                  spec.mode() == Mode.ROLLOUT
                      ? spec.targetReplicas()
                      : Math.abs(spec.targetReplicas() - spec.sourceReplicas());
              int prev = 0;
              int prevOld = Integer.MAX_VALUE;
              for (var step : RolloutPlanner.plan(spec).steps()) {
                assertThat(step.newReplicas()).isBetween(prev, n);
                assertThat(step.oldReplicas()).isBetween(0, prevOld);
                prev = step.newReplicas();
                prevOld = step.oldReplicas();
              }
            });
  }

  @Test
  void settledStatesFollowTheStyle() {
    qt().withExamples(EXAMPLES)
        .forAll(SPECS)
        .assuming(spec -> spec.mode() == Mode.ROLLOUT)
        .checkAssert(
            spec -> {
              var plan = RolloutPlanner.plan(spec);
              int n = spec.targetReplicas();
              boolean waves = spec.clusterMode() == ClusterMode.WAVES && !spec.clusters().isEmpty();
              for (var step : plan.steps()) {
                if (spec.style() != Style.CANARY) {
                  // PARTITION (and SURGE) keep new + old = N at every settled step
                  assertThat(step.newReplicas() + step.oldReplicas()).isEqualTo(n);
                } else if (step.kind() != RolloutPlan.StepKind.FINAL && !waves) {
                  // CANARY: the old workload stays full until the final step
                  assertThat(step.oldReplicas()).isEqualTo(n);
                }
              }
            });
  }

  @Test
  void everyTransitionStaysWithinSurgeAndUnavailableBounds() {
    qt().withExamples(EXAMPLES)
        .forAll(SPECS)
        .assuming(spec -> spec.mode() == Mode.ROLLOUT)
        .checkAssert(
            spec -> {
              var plan = RolloutPlanner.plan(spec);
              int n = spec.targetReplicas();
              var prev = new Counts(0, spec.sourceReplicas());
              for (var step : plan.steps()) {
                long[] b = bounds(spec, step.index(), n);
                var ts = step.transitions();
                for (int i = 0; i < ts.size(); i++) {
                  var t = ts.get(i);
                  boolean resize = step.index() == 0 && i == 0 && spec.sourceReplicas() != n;
                  if (!resize) {
                    assertThat((long) t.total())
                        .as("step %d transition %d %s", step.index(), i, t)
                        .isBetween(b[0], b[1]);
                    assertThat(t.newReplicas()).isGreaterThanOrEqualTo(prev.newReplicas());
                    assertThat(t.oldReplicas()).isLessThanOrEqualTo(prev.oldReplicas());
                  }
                  prev = t;
                }
                if (!ts.isEmpty()) {
                  assertThat(ts.get(ts.size() - 1)).isEqualTo(step.counts());
                }
                prev = step.counts();
              }
            });
  }

  /** Kubernetes fencepost rules, re-derived here independently of the planner. */
  static long[] bounds(RolloutSpec spec, int index, int n) {
    var partition = spec.style() == Style.PARTITION;
    var surge =
        spec.maxSurge() != null ? spec.maxSurge() : IntOrPercent.percent(partition ? 0 : 25);
    IntOrPercent unavailable = null;
    if (!spec.steps().isEmpty()) {
      unavailable = spec.steps().get(index % spec.steps().size()).maxUnavailable();
    }
    if (unavailable == null) {
      unavailable = spec.maxUnavailable();
    }
    if (unavailable == null) {
      unavailable = IntOrPercent.percent(partition ? 20 : 25);
    }
    long s = surge.percent() ? (surge.value() * (long) n + 99) / 100 : surge.value();
    long u = unavailable.percent() ? unavailable.value() * (long) n / 100 : unavailable.value();
    if (s == 0 && u == 0) {
      u = 1;
    }
    u = Math.min(u, n);
    long high = n + (spec.style() == Style.CANARY ? Math.max(s, n) : s);
    return new long[] {n - u, high};
  }

  @Test
  void clusterCountsSumToTheGlobalCountsNeverExceedTheirSizeAndNeverShrink() {
    qt().withExamples(EXAMPLES)
        .forAll(SPECS)
        .assuming(spec -> !spec.clusters().isEmpty())
        .checkAssert(
            spec -> {
              var plan = RolloutPlanner.plan(spec);
              var finalNew = new HashMap<String, Integer>();
              plan.last().clusters().forEach((k, v) -> finalNew.put(k, v.newReplicas()));
              var prev = new HashMap<String, Integer>();
              for (var step : plan.steps()) {
                int n = 0;
                int o = 0;
                for (var e : step.clusters().entrySet()) {
                  n += e.getValue().newReplicas();
                  o += e.getValue().oldReplicas();
                  assertThat(e.getValue().newReplicas())
                      .isBetween(prev.getOrDefault(e.getKey(), 0), finalNew.get(e.getKey()));
                  assertThat(e.getValue().oldReplicas()).isNotNegative();
                  prev.put(e.getKey(), e.getValue().newReplicas());
                }
                assertThat(n).isEqualTo(step.newReplicas());
                assertThat(o).isEqualTo(step.oldReplicas());
              }
              if (spec.mode() == Mode.ROLLOUT && spec.clusters().get(0).replicas() != null) {
                for (var c : spec.clusters()) {
                  assertThat(finalNew.get(c.name())).isEqualTo(c.replicas());
                }
              }
            });
  }

  @Test
  void sameInputGivesTheSamePlan() {
    qt().withExamples(500)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              var a = RolloutPlanner.plan(SpecGen.random(seed));
              var b = RolloutPlanner.plan(SpecGen.random(seed));
              assertThat(a).isEqualTo(b);
              assertThat(RolloutPlanWriter.write(a, RolloutPlanWriter.OutputFormat.JSON))
                  .isEqualTo(RolloutPlanWriter.write(b, RolloutPlanWriter.OutputFormat.JSON));
            });
  }

  @Test
  void noExecutedStepBeyondThePartition() {
    qt().withExamples(EXAMPLES)
        .forAll(SPECS)
        .checkAssert(
            spec -> {
              for (var step : RolloutPlanner.plan(spec).steps()) {
                boolean beyond =
                    spec.batchPartition() != null && step.index() > spec.batchPartition();
                assertThat(step.gated()).isEqualTo(beyond);
              }
            });
  }

  @Test
  void percentageStepsRoundUpWithinOneReplica() {
    qt().withExamples(EXAMPLES)
        .forAll(
            integers().between(0, 500),
            lists().of(integers().between(0, 100)).ofSizeBetween(1, 6),
            integers().between(0, 1))
        .checkAssert(
            (n, percents, keep) -> {
              var sorted = new ArrayList<>(percents);
              sorted.sort(null);
              var steps = new ArrayList<RolloutStep>();
              sorted.forEach(p -> steps.add(RolloutStep.of(IntOrPercent.percent(p))));
              steps.add(RolloutStep.of(IntOrPercent.percent(100)));
              var plan =
                  RolloutPlanner.plan(
                      RolloutSpec.builder()
                          .sourceReplicas(n)
                          .steps(steps)
                          .keepOneOld(keep == 1)
                          .build());
              for (int i = 0; i < sorted.size(); i++) {
                long p = sorted.get(i);
                long got = plan.steps().get(i).newReplicas();
                boolean capped = keep == 1 && n > 1 && p < 100 && (p * n + 99) / 100 == n;
                if (capped) {
                  assertThat(got).isEqualTo(n - 1L);
                } else {
                  // |n_i − p·N/100| < 1, rounding up: 0 ≤ 100·n_i − p·N ≤ 99
                  assertThat(got * 100 - p * n).isBetween(0L, 99L);
                }
                if (p > 0 && n >= 1) {
                  assertThat(got).isPositive();
                }
              }
            });
  }

  @Test
  void replanFromAStateThatMatchesStepKReproducesTheRest() {
    qt().withExamples(EXAMPLES)
        .forAll(SPECS, integers().between(0, 100))
        .checkAssert(
            (spec, pick) -> {
              var plan = RolloutPlanner.plan(spec);
              int k = pick % plan.steps().size();
              var at = plan.steps().get(k);
              var clusterNew = new HashMap<String, Integer>();
              at.clusters().forEach((name, c) -> clusterNew.put(name, c.newReplicas()));
              var rest =
                  RolloutPlanner.replan(
                      spec, new RolloutState(k, at.newReplicas(), at.oldReplicas(), clusterNew));
              if (k == plan.steps().size() - 1) {
                assertThat(rest.steps()).isEmpty();
              } else {
                assertThat(rest.steps())
                    .isEqualTo(plan.steps().subList(k + 1, plan.steps().size()));
              }
            });
  }

  @Test
  void scalingNAndIntegerStepsByKScalesThePlanByK() {
    qt().withExamples(1000)
        .forAll(
            integers().between(0, 40),
            lists().of(integers().between(0, 12)).ofSizeBetween(1, 6),
            integers().between(2, 5),
            integers().between(0, 1))
        .checkAssert(
            (n, values, k, incremental) -> {
              var sorted = new ArrayList<>(values);
              var semantics = incremental == 1 ? Semantics.INCREMENTAL : Semantics.CUMULATIVE;
              if (semantics == Semantics.CUMULATIVE) {
                sorted.sort(null);
              }
              var one = RolloutPlanner.plan(intSpec(n, sorted, 1, semantics));
              var many = RolloutPlanner.plan(intSpec(n, sorted, k, semantics));
              for (int i = 0; i < one.steps().size(); i++) {
                assertThat(many.steps().get(i).counts())
                    .isEqualTo(
                        new Counts(
                            k * one.steps().get(i).newReplicas(),
                            k * one.steps().get(i).oldReplicas()));
              }
            });
  }

  private static RolloutSpec intSpec(int n, List<Integer> values, int k, Semantics semantics) {
    var steps = new ArrayList<RolloutStep>();
    for (var v : values) {
      steps.add(RolloutStep.of(IntOrPercent.of(v * k)));
    }
    return RolloutSpec.builder().sourceReplicas(n * k).steps(steps).semantics(semantics).build();
  }

  @Test
  void websterIsHouseMonotoneAndBoundedBySizes() {
    qt().withExamples(500)
        .forAll(lists().of(integers().between(0, 60)).ofSizeBetween(1, 8))
        .checkAssert(
            sizes -> {
              var votes = sizes.stream().mapToLong(Integer::longValue).toArray();
              var names = new String[votes.length];
              for (int i = 0; i < names.length; i++) {
                names[i] = "c" + (names.length - i);
              }
              long total = sizes.stream().mapToLong(Integer::longValue).sum();
              var w = new Webster(votes, names);
              var prev = w.seats();
              for (long seats = 1; seats <= total; seats++) {
                w.allocateTo(seats);
                var now = w.seats();
                long sum = 0;
                for (int i = 0; i < now.length; i++) {
                  assertThat(now[i]).isBetween(prev[i], sizes.get(i));
                  sum += now[i];
                }
                assertThat(sum).isEqualTo(seats);
                prev = now;
              }
            });
  }
}
