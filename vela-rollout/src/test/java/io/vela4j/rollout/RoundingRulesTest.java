package io.vela4j.rollout;

import static io.vela4j.rollout.Plans.codes;
import static io.vela4j.rollout.Plans.increments;
import static io.vela4j.rollout.Plans.kubeVela;
import static io.vela4j.rollout.Plans.news;
import static io.vela4j.rollout.Plans.olds;
import static io.vela4j.rollout.Plans.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.rollout.internal.Webster;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** The six rounding rules of the issue, each naming the upstream behaviour it fixes. */
class RoundingRulesTest {

  @Test
  void rule1_kubeVelaRoundsEachIncrementUpAndOvershootsTo8Of7_weRoundCumulatively() {
    // KubeVela calculateNewBatchTarget: ceil(20%·7)=2, +ceil(40%·7)=3, +ceil(30%·7)=3 → 2,5,8,7,
    // and verifyBatchesWithRollout then rejects the plan (partial sum 8 ≥ 7).
    var plan = RolloutPlanner.plan(kubeVela(7, "20%", "40%", "30%", "10%").build());
    assertThat(news(plan)).containsExactly(2, 5, 6, 7);
    assertThat(olds(plan)).containsExactly(5, 2, 1, 0);
    assertThat(codes(plan)).containsExactly("OLD_REPLICA_KEPT@steps[2].replicas");
  }

  @Test
  void rule1_withoutKeepOneOldTheThirdStepReachesAllAndTheLastIsFlaggedAsNoOp() {
    var plan =
        RolloutPlanner.plan(kubeVela(7, "20%", "40%", "30%", "10%").keepOneOld(false).build());
    assertThat(news(plan)).containsExactly(2, 5, 7, 7);
    assertThat(codes(plan)).containsExactly("STEP_NOOP@steps[3]");
  }

  @Test
  void rule1_incrementalPercentagesAreSummedBeforeRoundingSoTheyEqualCumulativeOnes() {
    for (int n = 0; n <= 60; n++) {
      var inc = RolloutPlanner.plan(kubeVela(n, "20%", "40%", "30%", "10%").build());
      var cum = RolloutPlanner.plan(rollout(n, "20%", "60%", "90%", "100%").build());
      assertThat(news(inc)).as("N=%d", n).isEqualTo(news(cum));
    }
  }

  @Test
  void rule2_ocmFloatArithmeticComputes7PercentOf100As8_weUseExactIntegers() {
    // OCM calculateRolloutSize: int(math.Ceil(f / 100 * float64(total))).
    assertThat((int) Math.ceil(7 / 100.0 * 100)).isEqualTo(8);
    var plan = RolloutPlanner.plan(rollout(100, "7%", "100%").build());
    assertThat(news(plan).get(0)).isEqualTo(7);
    int floatWrong = 0;
    for (int total = 1; total <= 200; total++) {
      for (int p = 1; p < 100; p++) {
        var exact =
            BigDecimal.valueOf((long) p * total)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
        var ours = RolloutPlanner.plan(rollout(total, p + "%", "100%").keepOneOld(false).build());
        assertThat(news(ours).get(0)).as("%d%% of %d", p, total).isEqualTo(exact);
        if ((int) Math.ceil(p / 100.0 * total) != exact) {
          floatWrong++;
        }
      }
    }
    assertThat(floatWrong).as("pairs the float formula gets wrong").isPositive();
  }

  @Test
  void rule3_aStepAbove0PercentMovesAtLeastOnePod_likeKruiseAndUnlikeArgoBelowOneReplica() {
    // Argo's approximation gives 0 canaries for 1% of 1 replica without surge; Kruise forces "1%".
    assertThat(news(RolloutPlanner.plan(rollout(1, "1%", "100%").build()))).containsExactly(1, 1);
    assertThat(news(RolloutPlanner.plan(rollout(2, "1%", "100%").build()))).containsExactly(1, 2);
    assertThat(news(RolloutPlanner.plan(rollout(50, "1%", "100%").build()))).containsExactly(1, 50);
  }

  @Test
  void rule3_aStepBelow100PercentKeepsOneOldPod_likeKruiseNewRsReplicasLimit() {
    assertThat(news(RolloutPlanner.plan(rollout(10, "99%", "100%").build())))
        .containsExactly(9, 10);
    assertThat(news(RolloutPlanner.plan(rollout(10, "99%", "100%").keepOneOld(false).build())))
        .containsExactly(10, 10);
    // N = 1: one old pod cannot be kept while also moving one.
    assertThat(news(RolloutPlanner.plan(rollout(1, "50%", "100%").build()))).containsExactly(1, 1);
  }

  @Test
  void rule3_theLastStepAlwaysReachesN_kubeVelaIgnoresTheLastPercentageSilently_weWarn() {
    var plan = RolloutPlanner.plan(rollout(10, "20%", "50%").build());
    assertThat(news(plan)).containsExactly(2, 10);
    assertThat(codes(plan)).containsExactly("LAST_STEP_VALUE_IGNORED@steps[1].replicas");
    var empty = RolloutPlanner.plan(rollout(10, "20%", null).build());
    assertThat(news(empty)).containsExactly(2, 10);
    assertThat(empty.warnings()).isEmpty();
  }

  @Test
  void rule4_numBatchesGivesTheRemainderToLaterBatches_likeKubeVelaFillRolloutBatches() {
    var plan = RolloutPlanner.plan(RolloutSpec.builder().sourceReplicas(8).numBatches(5).build());
    assertThat(increments(plan)).containsExactly(1, 1, 2, 2, 2);
  }

  @Test
  void rule4_moreBatchesThanReplicasAreMerged_kubeVelaEmitsAZeroSizeBatch() {
    // KubeVela DefaultRolloutBatches: 4 over 5 → [0,1,1,1,1].
    var plan = RolloutPlanner.plan(RolloutSpec.builder().sourceReplicas(4).numBatches(5).build());
    assertThat(increments(plan)).containsExactly(1, 1, 1, 1);
    assertThat(codes(plan)).containsExactly("BATCHES_MERGED@numBatches");
  }

  @Test
  void rule5_karmadaLegacyTakeByWeightShrinksWestusAt6_websterNeverShrinksAShare() {
    // Karmada #6735: weights 170/110/60 give 3/2/0 at N=5 and 4/1/1 at N=6 with the legacy method.
    String[] names = {"eastus", "westus", "centralus"};
    long[] votes = {170, 110, 60};
    assertThat(Webster.allocate(5, votes, names)).containsExactly(2, 2, 1);
    assertThat(Webster.allocate(6, votes, names)).containsExactly(3, 2, 1);
    var prev = new int[3];
    for (int n = 0; n <= 340; n++) {
      var now = Webster.allocate(n, votes, names);
      for (int c = 0; c < 3; c++) {
        assertThat(now[c]).as("N=%d cluster %d", n, c).isGreaterThanOrEqualTo(prev[c]);
      }
      prev = now;
    }
  }

  @Test
  void rule5_splitPlansNeverShrinkAClustersShareBetweenSteps() {
    var spec =
        rollout(340, "1%", "2%", "3%", "50%", "100%")
            .clusters(
                java.util.List.of(
                    RolloutCluster.weighted("eastus", 170),
                    RolloutCluster.weighted("westus", 110),
                    RolloutCluster.weighted("centralus", 60)))
            .build();
    var plan = RolloutPlanner.plan(spec);
    assertThat(plan.steps().get(0).clusters().get("eastus").newReplicas()).isEqualTo(2);
    assertThat(plan.steps().get(0).clusters().get("westus").newReplicas()).isEqualTo(1);
    assertThat(plan.steps().get(0).clusters().get("centralus").newReplicas()).isEqualTo(1);
    for (var c : plan.clusters()) {
      int prev = 0;
      for (var s : plan.steps()) {
        assertThat(s.clusters().get(c).newReplicas()).isGreaterThanOrEqualTo(prev);
        prev = s.clusters().get(c).newReplicas();
      }
    }
  }

  @Test
  void rule6_replanWithANewSizeContinuesFromTheCurrentStep_kruiseRestartsTheBatch() {
    var spec = rollout(10, "20%", "50%", "100%").build();
    assertThat(news(RolloutPlanner.plan(spec))).containsExactly(2, 5, 10);
    var grown = spec.toBuilder().sourceReplicas(20).targetReplicas(20).build();
    var rest = RolloutPlanner.replan(grown, RolloutState.of(0, 2, 8));
    assertThat(rest.steps()).extracting(RolloutPlan.Step::index).containsExactly(1, 2);
    assertThat(news(rest)).containsExactly(10, 20);
    assertThat(olds(rest)).containsExactly(10, 0);
    // the first transition resizes the old side from 8 only as far as availability needs:
    // 20 − floor(20% of 20) = 16 available, so 2 new + 14 old; then the batch proceeds.
    assertThat(Plans.transitions(rest.steps().get(0))).isEqualTo("2/14 6/14 6/10 10/10");
  }

  @Test
  void rule6_replanNeverUndoesCompletedStepsAndSaysSo() {
    var spec = rollout(10, "40%", "60%", "100%").build();
    var shrunk = spec.toBuilder().sourceReplicas(5).targetReplicas(5).build();
    var rest = RolloutPlanner.replan(shrunk, RolloutState.of(0, 4, 6));
    // 60% of 5 is 3, but 4 pods already run the new version: keep 4.
    assertThat(news(rest)).containsExactly(4, 5);
    assertThat(olds(rest)).containsExactly(1, 0);
    assertThat(codes(rest)).contains("COMPLETED_WORK_KEPT@state.newReplicas");
  }

  @Test
  void rule6_replanBelowTheAlreadyNewCountIsTheOnlyUndoAndIsReported() {
    var spec = rollout(10, "60%", "100%").build();
    var shrunk = spec.toBuilder().sourceReplicas(3).targetReplicas(3).build();
    var rest = RolloutPlanner.replan(shrunk, RolloutState.of(0, 6, 4));
    assertThat(news(rest)).containsExactly(3);
    assertThat(codes(rest)).contains("NEW_REPLICAS_UNDONE@state.newReplicas");
  }

  @Test
  void rule6_replanOfAFinishedRolloutHasNothingLeft() {
    var spec = rollout(10, "60%", "100%").build();
    var rest = RolloutPlanner.replan(spec, RolloutState.of(1, 10, 0));
    assertThat(rest.steps()).isEmpty();
    assertThat(codes(rest)).containsExactly("ROLLOUT_COMPLETE@state.completedStep");
  }
}
