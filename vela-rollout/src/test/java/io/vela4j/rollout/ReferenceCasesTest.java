package io.vela4j.rollout;

import static io.vela4j.rollout.Plans.codes;
import static io.vela4j.rollout.Plans.increments;
import static io.vela4j.rollout.Plans.kubeVela;
import static io.vela4j.rollout.Plans.news;
import static io.vela4j.rollout.Plans.rollout;
import static io.vela4j.rollout.Plans.totals;
import static io.vela4j.rollout.Plans.transitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.VelaException;
import io.vela4j.rollout.RolloutSpec.Mode;
import io.vela4j.rollout.RolloutSpec.Style;
import io.vela4j.rollout.internal.Webster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Published unit-test cases of KubeVela, OpenKruise, Argo Rollouts, Flagger, Karmada, Argo CD and
 * OCM (see {@code ../shared/reference/rollout.md} §6.5). Where our rules differ on purpose, the
 * test asserts our answer and names the difference.
 */
class ReferenceCasesTest {
  private static final String[] MIXED = {"1", "20%", "50%", "2"};
  private static final String[] NUMERIC = {"1", "2", "4", "3"};
  private static final String[] PERCENT = {"20%", "40%", "30%", "10%"};
  private static final String[] RELAX = {"20%", "2", "2", "50%"};

  static RolloutSpec scale(int from, int to, String... steps) {
    return kubeVela(from, steps).targetReplicas(to).mode(Mode.SCALE).build();
  }

  static List<String> errorPaths(Runnable r) {
    try {
      r.run();
    } catch (VelaException e) {
      return e.errors().stream().map(d -> d.code() + "@" + d.path()).toList();
    }
    throw new AssertionError("expected a VelaException");
  }

  /** KubeVela v1alpha1 rollout plan: webhook defaulting/validation and common_test.go. */
  @Nested
  class KubeVela {
    @Test
    void defaultRolloutPlan_EvenlyDivide_5over5() {
      var p = RolloutPlanner.plan(RolloutSpec.builder().sourceReplicas(5).numBatches(5).build());
      assertThat(increments(p)).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void defaultRolloutPlan_HasRemanence_8over5() {
      var p = RolloutPlanner.plan(RolloutSpec.builder().sourceReplicas(8).numBatches(5).build());
      assertThat(increments(p)).containsExactly(1, 1, 2, 2, 2);
    }

    @Test
    void defaultRolloutPlan_NotEnough_4over5_kubeVelaGives01111_weMergeToFourBatches() {
      var p = RolloutPlanner.plan(RolloutSpec.builder().sourceReplicas(4).numBatches(5).build());
      assertThat(increments(p)).containsExactly(1, 1, 1, 1);
      assertThat(codes(p)).containsExactly("BATCHES_MERGED@numBatches");
    }

    @Test
    void fillRolloutBatches_WithPositiveOriginalSize_9over4() {
      var p = RolloutPlanner.plan(RolloutSpec.builder().sourceReplicas(9).numBatches(4).build());
      assertThat(increments(p)).containsExactly(2, 2, 2, 3);
    }

    @Test
    void validateIllegalReplicas_fractionTextAndNegativeAreRejected() {
      for (var bad : List.of("\"0.2\"", "\"ab\"")) {
        assertThat(
                errorPaths(
                    () ->
                        RolloutSpecReader.read(
                            "sourceReplicas: 10\nsemantics: INCREMENTAL\nsteps:\n  - replicas: "
                                + bad
                                + "\n",
                            "spec.yaml")))
            .containsExactly("INVALID_AMOUNT@steps[0].replicas");
      }
      assertThat(errorPaths(() -> kubeVela(10, "-1").build()))
          .containsExactly("VALUE_OUT_OF_RANGE@steps[0].replicas");
    }

    @Test
    void calculateNewBatchTarget_mixedRollout0to10() {
      assertThat(news(RolloutPlanner.plan(kubeVela(10, MIXED).build())))
          .containsExactly(1, 3, 8, 10);
    }

    @Test
    void calculateNewBatchTarget_mixedScaleUp() {
      assertThat(totals(RolloutPlanner.plan(scale(2, 12, MIXED))).get(0)).isEqualTo(3);
      assertThat(totals(RolloutPlanner.plan(scale(3, 13, MIXED))).get(1)).isEqualTo(6);
      assertThat(totals(RolloutPlanner.plan(scale(4, 14, MIXED))).get(2)).isEqualTo(12);
      assertThat(totals(RolloutPlanner.plan(scale(5, 15, MIXED))).get(3)).isEqualTo(15);
    }

    @Test
    void calculateNewBatchTarget_mixedScaleDown() {
      assertThat(totals(RolloutPlanner.plan(scale(10, 0, MIXED))).get(0)).isEqualTo(9);
      assertThat(totals(RolloutPlanner.plan(scale(20, 5, MIXED))).get(1)).isEqualTo(16);
      assertThat(totals(RolloutPlanner.plan(scale(30, 15, MIXED))).get(2)).isEqualTo(18);
      assertThat(totals(RolloutPlanner.plan(scale(40, 10, MIXED))).get(3)).isEqualTo(10);
    }

    @Test
    void calculateNewBatchTargetCornerCases_numericScaleDownAndNoOpScale() {
      assertThat(totals(RolloutPlanner.plan(scale(16, 10, NUMERIC))).get(0)).isEqualTo(15);
      var same = RolloutPlanner.plan(scale(10, 10, PERCENT));
      assertThat(totals(same)).containsExactly(10, 10, 10, 10);
      // (the batch-index-overflow rows have no counterpart: a plan has exactly its steps)
    }

    @Test
    void verifyBatchesWithRolloutNormal_mixedOn10_12_13AgreeWithKubeVela() {
      assertThat(news(RolloutPlanner.plan(kubeVela(10, MIXED).build())))
          .containsExactly(1, 3, 8, 10);
      assertThat(news(RolloutPlanner.plan(kubeVela(12, MIXED).build())))
          .containsExactly(1, 4, 10, 12);
      assertThat(news(RolloutPlanner.plan(kubeVela(13, MIXED).build())))
          .containsExactly(1, 4, 11, 13);
    }

    @Test
    void verifyBatchesWithRolloutNormal_mixedOn20And6_kubeVelaRejects_wePlanAndWarn() {
      var on20 = RolloutPlanner.plan(kubeVela(20, MIXED).build());
      assertThat(news(on20)).containsExactly(1, 5, 15, 20);
      assertThat(codes(on20)).containsExactly("LAST_STEP_VALUE_IGNORED@steps[3].replicas");
      var on6 = RolloutPlanner.plan(kubeVela(6, MIXED).build());
      assertThat(news(on6)).containsExactly(1, 3, 5, 6);
      assertThat(codes(on6))
          .containsExactly(
              "OLD_REPLICA_KEPT@steps[2].replicas", "LAST_STEP_VALUE_IGNORED@steps[3].replicas");
    }

    @Test
    void verifyBatchesWithRolloutRelaxed_agreesOn10_100_31() {
      assertThat(news(RolloutPlanner.plan(kubeVela(10, RELAX).build())))
          .containsExactly(2, 4, 6, 10);
      assertThat(news(RolloutPlanner.plan(kubeVela(100, RELAX).build())))
          .containsExactly(20, 22, 24, 100);
      assertThat(news(RolloutPlanner.plan(kubeVela(31, RELAX).build())))
          .containsExactly(7, 9, 11, 31);
    }

    @Test
    void verifyBatchesWithRolloutRelaxed_on6_kubeVelaRejectsLastCantBeZero_weKeepOneOld() {
      var p = RolloutPlanner.plan(kubeVela(6, RELAX).build());
      assertThat(news(p)).containsExactly(2, 4, 5, 6);
    }

    @Test
    void verifyBatchesWithRolloutRelaxed_overflow140PercentIsRejectedForEveryTotal() {
      for (int n : new int[] {10, 100, 1, 0}) {
        assertThat(errorPaths(() -> kubeVela(n, "140%", "1", "40%").build()))
            .as("N=%d", n)
            .contains("VALUE_OUT_OF_RANGE@steps[0].replicas");
      }
    }

    @Test
    void verifyBatchesWithRolloutNumeric_on10Agrees_on6And11KubeVelaRejects_weClampOrRaise() {
      assertThat(news(RolloutPlanner.plan(kubeVela(10, NUMERIC).build())))
          .containsExactly(1, 3, 7, 10);
      var on6 = RolloutPlanner.plan(kubeVela(6, NUMERIC).build());
      assertThat(news(on6)).containsExactly(1, 3, 6, 6);
      assertThat(codes(on6))
          .containsExactly(
              "STEP_CLAMPED@steps[2].replicas",
              "LAST_STEP_VALUE_IGNORED@steps[3].replicas",
              "STEP_NOOP@steps[3]");
      var on11 = RolloutPlanner.plan(kubeVela(11, NUMERIC).build());
      assertThat(news(on11)).containsExactly(1, 3, 7, 11);
      assertThat(codes(on11)).containsExactly("LAST_STEP_VALUE_IGNORED@steps[3].replicas");
    }

    @Test
    void verifyBatchesWithScalePassCases() {
      assertThat(totals(RolloutPlanner.plan(scale(12, 12, PERCENT)))).containsOnly(12);
      assertThat(totals(RolloutPlanner.plan(scale(0, 0, PERCENT)))).containsOnly(0);
      assertThat(totals(RolloutPlanner.plan(scale(12, 22, PERCENT))))
          .containsExactly(14, 18, 21, 22);
      assertThat(totals(RolloutPlanner.plan(scale(27, 7, PERCENT)))).containsExactly(23, 15, 9, 7);
      assertThat(totals(RolloutPlanner.plan(scale(27, 0, PERCENT)))).containsExactly(21, 10, 2, 0);
      assertThat(totals(RolloutPlanner.plan(scale(16, 26, NUMERIC))))
          .containsExactly(17, 19, 23, 26);
    }

    @Test
    void verifyBatchesWithScaleFailCases_kubeVelaRejects_wePlanWithWarnings() {
      // percent 12→15: per-increment rounding gives 1+2+1 ≥ 3; cumulative gives 1,2,(3→2),3.
      var up = RolloutPlanner.plan(scale(12, 15, PERCENT));
      assertThat(totals(up)).containsExactly(13, 14, 14, 15);
      assertThat(codes(up)).contains("OLD_REPLICA_KEPT@steps[2].replicas", "STEP_NOOP@steps[2]");
      assertThat(totals(RolloutPlanner.plan(scale(10, 7, PERCENT)))).containsExactly(9, 8, 8, 7);
      // numeric 16→32: the increments add up to 10, not 16; the last step still reaches 32.
      var num = RolloutPlanner.plan(scale(16, 32, NUMERIC));
      assertThat(totals(num)).containsExactly(17, 19, 23, 32);
      assertThat(codes(num)).containsExactly("LAST_STEP_VALUE_IGNORED@steps[3].replicas");
      var down = RolloutPlanner.plan(scale(13, 10, NUMERIC));
      assertThat(totals(down)).containsExactly(12, 10, 10, 10);
    }
  }

  /**
   * OpenKruise rollouts: control/util_test.go, cloneset/control_test.go, deployment_util_test.go.
   */
  @Nested
  class OpenKruise {
    int first(int replicas, String step) {
      return news(RolloutPlanner.plan(rollout(replicas, step, "100%").keepOneOld(false).build()))
          .get(0);
    }

    @Test
    void calculateBatchReplicas_workload10() {
      assertThat(first(10, "5")).isEqualTo(5);
      assertThat(first(10, "20%")).isEqualTo(2);
      assertThat(first(10, "100%")).isEqualTo(10);
      assertThat(first(10, "200")).isEqualTo(10);
      assertThat(first(10, "0")).isEqualTo(0);
      var clamped = RolloutPlanner.plan(rollout(10, "200", "100%").build());
      assertThat(codes(clamped)).contains("STEP_CLAMPED@steps[0].replicas");
    }

    @Test
    void calculateBatchReplicas_200Percent_kruiseClampsTo10_weRejectPercentagesOver100() {
      assertThat(errorPaths(() -> rollout(10, "200%", "100%").build()))
          .containsExactly("VALUE_OUT_OF_RANGE@steps[0].replicas");
    }

    @Test
    void calculateBatchContext_cloneSet10Replicas20Percent_planned2Partition80Percent() {
      var p = RolloutPlanner.plan(rollout(10, "20%", "100%").build());
      assertThat(p.steps().get(0).counts()).isEqualTo(new RolloutPlan.Counts(2, 8));
    }

    @Test
    void calculateBatchContext_withNoNeedUpdate_kruiseAppliesThePercentToTheRest_weKeepTheTen() {
      // Kruise: 20 replicas, 10 already updated, 20% → 10 + ceil(20% × 10) = 12 desired.
      // We do not re-base percentages on what is left: 20% of 20 is 4 < 10, so the 10 are kept.
      var spec = rollout(20, "20%", "100%").build();
      var p = RolloutPlanner.replan(spec, RolloutState.of(-1, 10, 10));
      assertThat(news(p)).containsExactly(10, 20);
      assertThat(codes(p)).contains("COMPLETED_WORK_KEPT@state.newReplicas");
    }

    @Test
    void newRsReplicasLimit_percentOfRReplicasRoundsUpAndKeepsOneOldBelow100Percent() {
      for (int r = 0; r < 1000; r += (r < 120 ? 1 : 7)) {
        for (int p = 0; p <= 100; p++) {
          int limit = Math.min((p * r + 99) / 100, r);
          if (r > 1 && p != 100) {
            limit = Math.min(limit, r - 1);
          }
          var plan = RolloutPlanner.plan(rollout(r, p + "%", "100%").build());
          assertThat(plan.steps().get(0).newReplicas()).as("%d%% of %d", p, r).isEqualTo(limit);
        }
      }
    }

    @Test
    void newRsReplicasLimit_integerPartitionOn100ReplicasIsMinOfPAnd100() {
      for (int p = 0; p <= 200; p += 5) {
        assertThat(first(100, Integer.toString(p))).isEqualTo(Math.min(p, 100));
      }
    }
  }

  /** Argo Rollouts utils/replicaset/canary_test.go. */
  @Nested
  class ArgoRollouts {
    RolloutPlan surge(int replicas, int weight, int maxSurge, int maxUnavailable) {
      return RolloutPlanner.plan(
          rollout(replicas, weight + "%", "100%")
              .style(Style.SURGE)
              .maxSurge(IntOrPercent.of(maxSurge))
              .maxUnavailable(IntOrPercent.of(maxUnavailable))
              .build());
    }

    @Test
    void approximateWeightedCanaryStableReplicaCounts_table() {
      // R, weight, maxSurge → Argo canary/stable, then ours (settled canary/stable).
      int[][] rows = {
        {1, 1, 0, 0, 1, 1, 0}, // Argo 0 canaries; ours rule 3 (≥ 1 for p > 0)
        {
          1, 1, 1, 1, 1, 1, 0
        }, // Argo keeps R+1 while paused; ours settles to N (surge only in transitions)
        {1, 50, 0, 1, 0, 1, 0},
        {2, 1, 0, 1, 1, 1, 1},
        {2, 99, 1, 2, 1, 1, 1}, // ours keeps one old below 100%
        {3, 50, 0, 2, 1, 2, 1},
        {3, 10, 1, 1, 3, 1, 2},
        {3, 49, 1, 2, 2, 2, 1},
        {10, 14, 0, 1, 9, 2, 8}, // Argo nearest; ours rounds up
        {10, 15, 0, 2, 8, 2, 8},
        {10, 24, 1, 3, 8, 3, 7},
        {10, 99, 0, 9, 1, 9, 1},
        {10, 99, 1, 10, 1, 9, 1},
      };
      for (var row : rows) {
        var p = surge(row[0], row[1], row[2], 0);
        assertThat(p.steps().get(0).counts())
            .as("R=%d w=%d surge=%d (Argo %d/%d)", row[0], row[1], row[2], row[3], row[4])
            .isEqualTo(new RolloutPlan.Counts(row[5], row[6]));
      }
    }

    @Test
    void trafficWeightToReplicas_ceilOfWeightTimesReplicas() {
      int[][] rows = {{0, 0}, {20, 2}, {25, 3}, {33, 4}, {99, 10}, {100, 10}};
      for (var row : rows) {
        var p = RolloutPlanner.plan(rollout(10, row[0] + "%", "100%").keepOneOld(false).build());
        assertThat(p.steps().get(0).newReplicas()).as("w=%d", row[0]).isEqualTo(row[1]);
      }
      // with the default keepOneOld, 99% keeps one stable pod where Argo's ceil takes all 10
      assertThat(
              RolloutPlanner.plan(rollout(10, "99%", "100%").build()).steps().get(0).newReplicas())
          .isEqualTo(9);
    }

    @Test
    void calculateReplicaCountsForCanary_useMaxSurgeIntThenScaleDownExtraStable() {
      // Argo: canary 2 while stable stays 10, next reconcile stable 8.
      assertThat(transitions(surge(10, 20, 2, 0).steps().get(0))).isEqualTo("2/10 2/8");
    }

    @Test
    void calculateReplicaCountsForCanary_maxSurgeAndMaxUnavailable_instantReadinessDiffers() {
      // Argo's first reconcile gives stable 9, canary 2 (canary not yet available). We assume
      // instant readiness, so the old side drops to the availability floor of 9 at once.
      assertThat(transitions(surge(10, 50, 2, 1).steps().get(0))).isEqualTo("2/10 2/7 5/7 5/5");
    }

    @Test
    void calculateReplicaCountsForCanary_maxUnavailableWithoutSurgeScalesStableDownFirst() {
      assertThat(transitions(surge(10, 20, 0, 2).steps().get(0))).isEqualTo("0/8 2/8");
      // "Do not round past maxSurge": 5% with surge 0, unavailable 1 → 9/0 then 9/1 (ours: 1
      // canary)
      assertThat(transitions(surge(10, 5, 0, 1).steps().get(0))).isEqualTo("0/9 1/9");
    }

    @Test
    void calculateReplicaCountsForCanary_singleReplica() {
      assertThat(transitions(surge(1, 20, 1, 0).steps().get(0))).isEqualTo("1/1 1/0");
      // w=51, surge 0, unavailable 1: stable to 0 first, then canary 1
      assertThat(transitions(surge(1, 51, 0, 1).steps().get(0))).isEqualTo("0/0 1/0");
    }

    @Test
    void resolveFenceposts_zeroPercentSurgeAndUnavailableMeansUnavailableOne() {
      var p =
          RolloutPlanner.plan(
              rollout(10, "10%", "100%")
                  .style(Style.SURGE)
                  .maxSurge(IntOrPercent.percent(0))
                  .maxUnavailable(IntOrPercent.percent(0))
                  .build());
      assertThat(p.steps().get(0).transitions().get(0)).isEqualTo(new RolloutPlan.Counts(0, 9));
    }
  }

  /** Flagger pkg/controller/scheduler_svc_test.go: weights are traffic only. */
  @Nested
  class Flagger {
    @Test
    void stepWeights_1_2_10_80_mapToPodsByCeil_smallStepsBecomeNoOps() {
      var p = RolloutPlanner.plan(rollout(10, "1%", "2%", "10%", "80%", "100%").build());
      assertThat(news(p)).containsExactly(1, 1, 1, 8, 10);
      assertThat(codes(p)).containsExactly("STEP_NOOP@steps[1]", "STEP_NOOP@steps[2]");
    }

    @Test
    void stepWeightsOverflow_flaggerClamps200To100_weReject() {
      assertThat(errorPaths(() -> rollout(10, "1%", "2%", "10%", "200%").build()))
          .containsExactly("VALUE_OUT_OF_RANGE@steps[3].replicas");
    }

    @Test
    void maxWeight50_flaggerOvershootsTo60_aPlannedStepNeverExceedsItsValue() {
      var p = RolloutPlanner.plan(rollout(10, "20%", "40%", "50%", "100%").build());
      assertThat(news(p)).containsExactly(2, 4, 5, 10);
      var half = RolloutPlanner.plan(rollout(10, "50%", "100%").build());
      assertThat(news(half)).containsExactly(5, 10);
    }
  }

  /** Karmada assignment_test.go, binding_test.go, webstermethod_test.go. */
  @Nested
  class Karmada {
    String[] abc = {"member1", "member2", "member3"};

    @Test
    void staticWeight_3to2to1_over12_13_14() {
      long[] w = {3, 2, 1};
      assertThat(Webster.allocate(12, w, abc)).containsExactly(6, 4, 2);
      assertThat(Webster.allocate(13, w, abc)).containsExactly(7, 4, 2);
      assertThat(Webster.allocate(14, w, abc)).containsExactly(7, 5, 2);
    }

    @Test
    void staticWeight_viaASplitPlan() {
      for (int[] row : new int[][] {{12, 6, 4, 2}, {13, 7, 4, 2}, {14, 7, 5, 2}}) {
        var spec =
            rollout(row[0], "100%")
                .clusters(
                    List.of(
                        RolloutCluster.weighted("member1", 3),
                        RolloutCluster.weighted("member2", 2),
                        RolloutCluster.weighted("member3", 1)))
                .build();
        var last = RolloutPlanner.plan(spec).steps().get(0).clusters();
        assertThat(last.get("member1").newReplicas()).isEqualTo(row[1]);
        assertThat(last.get("member2").newReplicas()).isEqualTo(row[2]);
        assertThat(last.get("member3").newReplicas()).isEqualTo(row[3]);
      }
    }

    @Test
    void noWeightsMeansEqualWeights_and0ReplicasGivesZeros() {
      assertThat(Webster.allocate(12, new long[] {1, 1, 1}, abc)).containsExactly(4, 4, 4);
      assertThat(Webster.allocate(12, new long[] {0, 0, 0}, abc)).containsExactly(4, 4, 4);
      assertThat(Webster.allocate(0, new long[] {3, 2, 1}, abc)).containsExactly(0, 0, 0);
    }

    @Test
    void dispenserAllocateByWeight_fromScratch() {
      String[] ab = {"A", "B"};
      assertThat(Webster.allocate(1, new long[] {2, 1}, ab)).containsExactly(1, 0);
      assertThat(Webster.allocate(2, new long[] {2, 1}, ab)).containsExactly(1, 1);
      assertThat(Webster.allocate(3, new long[] {2, 1}, ab)).containsExactly(2, 1);
      assertThat(Webster.allocate(5, new long[] {170, 110, 60}, abc)).containsExactly(2, 2, 1);
      assertThat(Webster.allocate(6, new long[] {170, 110, 60}, abc)).containsExactly(3, 2, 1);
    }

    @Test
    void dispenserAllocateByWeight_scaleUpFromAnExistingAssignment() {
      String[] names = {"A", "B", "C"};
      long[] w = {1, 2, 3};
      for (int[] row : new int[][] {{6, 2, 4, 6}, {3, 2, 3, 4}, {2, 1, 3, 4}}) {
        var webster = new Webster(w, names, new int[] {1, 2, 3});
        webster.allocateTo(6 + row[0]);
        assertThat(webster.seats()).as("+%d", row[0]).containsExactly(row[1], row[2], row[3]);
      }
    }

    @Test
    void dispenser_1to1Over5_karmadaBreaksTiesByUidParity_weByName() {
      assertThat(Webster.allocate(5, new long[] {1, 1}, new String[] {"A", "B"}))
          .containsExactly(3, 2);
      assertThat(Webster.allocate(5, new long[] {1, 1}, new String[] {"B", "A"}))
          .containsExactly(2, 3);
    }

    @Test
    void websterSeatOrder_fourParties() {
      long[] votes = {100_000, 80_000, 30_000, 20_000};
      String[] names = {"A", "B", "C", "D"};
      var w = new Webster(votes, names);
      var order = new StringBuilder();
      for (int seats = 1; seats <= 8; seats++) {
        var before = w.seats();
        w.allocateTo(seats);
        for (int i = 0; i < 4; i++) {
          if (w.seats(i) > before[i]) {
            order.append(names[i]);
          }
        }
      }
      assertThat(order.toString()).isEqualTo("ABACBDAB");
      assertThat(w.seats()).containsExactly(3, 3, 1, 1);
    }

    @Test
    void dispenseReplicasByTargetClusters_spread() {
      assertThat(Webster.allocate(13, new long[] {1, 2, 3}, abc)).containsExactly(2, 4, 7);
      assertThat(Webster.allocate(10, new long[] {1, 1, 1}, abc)).containsExactly(4, 3, 3);
    }
  }

  /** Argo CD progressive sync maxUpdate and OCM calculateRolloutSize, as wave sizes. */
  @Nested
  class WaveSizes {
    List<Integer> waveSizes(int clusters, IntOrPercent maxConcurrency) {
      var list = new ArrayList<RolloutCluster>();
      for (int i = 0; i < clusters; i++) {
        list.add(RolloutCluster.sized(String.format("c%03d", i), 1));
      }
      var spec =
          RolloutSpec.builder()
              .sourceReplicas(clusters)
              .steps(Plans.steps("100%"))
              .clusters(list)
              .clusterMode(RolloutSpec.ClusterMode.WAVES)
              .waves(new ClusterWaves(List.of(), maxConcurrency))
              .build();
      return increments(RolloutPlanner.plan(spec));
    }

    @Test
    void argoCdMaxUpdate50PercentOf3_argoCdFloorsTo1_weRoundUpTo2() {
      assertThat(waveSizes(3, IntOrPercent.percent(50))).containsExactly(2, 1);
      assertThat(waveSizes(3, IntOrPercent.percent(1))).containsExactly(1, 1, 1);
      assertThat(waveSizes(3, IntOrPercent.percent(100))).containsExactly(3);
    }

    @Test
    void argoCdMaxUpdate0BlocksTheStep_ocm0MeansAll_weReject() {
      assertThat(errorPaths(() -> waveSizes(3, IntOrPercent.of(0))))
          .containsExactly("VALUE_OUT_OF_RANGE@waves.maxConcurrency");
    }

    @Test
    void ocmCalculateRolloutSize_intPercentAndInvalid() {
      assertThat(waveSizes(100, IntOrPercent.of(50))).containsExactly(50, 50);
      assertThat(waveSizes(100, IntOrPercent.percent(30))).containsExactly(30, 30, 30, 10);
      assertThat(
              errorPaths(
                  () ->
                      RolloutSpecReader.read(
                          "sourceReplicas: 1\nclusters: [{name: a, replicas: 1}]\n"
                              + "clusterMode: WAVES\nwaves: {maxConcurrency: invalid}\n",
                          "w.yaml")))
          .containsExactly("INVALID_AMOUNT@waves.maxConcurrency");
    }

    @Test
    void ocmFloat7PercentOf100ClustersIs8_weMakeWavesOf7() {
      var sizes = waveSizes(100, IntOrPercent.percent(7));
      assertThat(sizes.get(0)).isEqualTo(7);
      assertThat(sizes).hasSize(15);
    }
  }

  @Test
  void diagnosticsCarryExpectedAndFound() {
    assertThatThrownBy(() -> rollout(10, "20%", "10%").build())
        .isInstanceOfSatisfying(
            RolloutException.class,
            e -> {
              Diagnostic d = e.diagnostics().get(0);
              assertThat(d.path()).isEqualTo("steps[1].replicas");
              assertThat(d.code()).isEqualTo("INVALID_STEP_ORDER");
              assertThat(d.expected()).isEqualTo("at least 20%");
              assertThat(d.actual()).isEqualTo("10%");
            });
  }
}
