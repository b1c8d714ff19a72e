package io.vela4j.rollout;

import static io.vela4j.rollout.Plans.codes;
import static io.vela4j.rollout.Plans.news;
import static io.vela4j.rollout.Plans.olds;
import static io.vela4j.rollout.Plans.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.rollout.RolloutPlan.Counts;
import io.vela4j.rollout.RolloutSpec.ClusterMode;
import io.vela4j.rollout.RolloutSpec.Mode;
import io.vela4j.rollout.RolloutSpec.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPLIT, SAME_PLAN and WAVES, and the decisions the issue leaves open. */
class ClusterModesTest {
  private static final List<RolloutCluster> THREE =
      List.of(
          RolloutCluster.sized("a", 10),
          RolloutCluster.sized("b", 6),
          RolloutCluster.sized("c", 4));

  @Test
  void samePlanRunsTheStepsOnEveryClustersOwnSize() {
    var plan =
        RolloutPlanner.plan(
            rollout(20, "25%", "100%").clusters(THREE).clusterMode(ClusterMode.SAME_PLAN).build());
    var first = plan.steps().get(0).clusters();
    assertThat(first.get("a")).isEqualTo(new Counts(3, 7)); // ceil(2.5)
    assertThat(first.get("b")).isEqualTo(new Counts(2, 4)); // ceil(1.5)
    assertThat(first.get("c")).isEqualTo(new Counts(1, 3));
    assertThat(news(plan)).containsExactly(6, 20);
  }

  @Test
  void perClusterWarningsAreGatheredIntoOneWarningPerStep() {
    var clusters =
        List.of(
            RolloutCluster.sized("x", 2),
            RolloutCluster.sized("y", 2),
            RolloutCluster.sized("z", 2),
            RolloutCluster.sized("w", 2));
    var plan =
        RolloutPlanner.plan(
            rollout(8, "90%", "100%")
                .clusters(clusters)
                .clusterMode(ClusterMode.SAME_PLAN)
                .build());
    assertThat(codes(plan)).containsExactly("OLD_REPLICA_KEPT@steps[0].replicas");
    assertThat(plan.warnings().get(0).message())
        .startsWith("4 clusters (x, y, z, ...); in cluster x: 90%");
  }

  @Test
  void splitScaleModeGrowsEachClusterTowardsItsNewSize() {
    var plan =
        RolloutPlanner.plan(
            RolloutSpec.builder()
                .sourceReplicas(12)
                .mode(Mode.SCALE)
                .numBatches(2)
                .clusters(THREE)
                .build());
    // targets 10/6/4 (sum 20); sources: Webster(12) over 10:6:4 = 6/4/2; growth 4/2/2
    var last = plan.last().clusters();
    assertThat(last.get("a")).isEqualTo(new Counts(4, 6));
    assertThat(last.get("b")).isEqualTo(new Counts(2, 4));
    assertThat(last.get("c")).isEqualTo(new Counts(2, 2));
    assertThat(news(plan)).containsExactly(4, 8);
    assertThat(olds(plan)).containsExactly(12, 12);
  }

  @Test
  void canaryKeepsEveryClustersOldWorkloadFullUntilTheFinalStep() {
    var plan =
        RolloutPlanner.plan(
            rollout(20, "10%", "50%", "100%").clusters(THREE).style(Style.CANARY).build());
    assertThat(olds(plan)).containsExactly(20, 20, 0);
    assertThat(plan.steps().get(1).clusters().get("a").oldReplicas()).isEqualTo(10);
  }

  @Test
  void wavesRunTheMandatoryGroupFirstThenChunksOfTheRest() {
    var clusters =
        List.of(
            RolloutCluster.sized("p1", 2),
            RolloutCluster.sized("p2", 2),
            RolloutCluster.sized("canary", 2),
            RolloutCluster.sized("p3", 2));
    var spec =
        RolloutSpec.builder()
            .sourceReplicas(8)
            .steps(List.of(RolloutStep.of(IntOrPercent.percent(100), Pause.manual())))
            .clusters(clusters)
            .clusterMode(ClusterMode.WAVES)
            .waves(new ClusterWaves(List.of(List.of("canary")), IntOrPercent.of(2)))
            .build();
    var plan = RolloutPlanner.plan(spec);
    // waves: [canary], [p1, p2], [p3] — unnamed clusters follow in spec order
    assertThat(news(plan)).containsExactly(2, 6, 8);
    assertThat(plan.steps().get(0).clusters().get("canary").newReplicas()).isEqualTo(2);
    assertThat(plan.steps().get(1).clusters().get("p3").newReplicas()).isZero();
    // each wave repeats the steps, pauses included: the pause is the gate between waves
    assertThat(plan.steps()).extracting(s -> String.valueOf(s.pause())).containsOnly("MANUAL");
  }

  @Test
  void wavesWithSeveralStepsUseGlobalStepIndicesAndPartition() {
    var spec =
        rollout(8, "50%", "100%")
            .clusters(List.of(RolloutCluster.sized("a", 4), RolloutCluster.sized("b", 4)))
            .clusterMode(ClusterMode.WAVES)
            .waves(new ClusterWaves(List.of(), IntOrPercent.of(1)))
            .batchPartition(1)
            .build();
    var plan = RolloutPlanner.plan(spec);
    assertThat(news(plan)).containsExactly(2, 4, 6, 8);
    assertThat(plan.steps())
        .extracting(RolloutPlan.Step::gated)
        .containsExactly(false, false, true, true);
  }

  @Test
  void wavesOutsideWavesModeAreIgnoredWithAWarning() {
    var plan =
        RolloutPlanner.plan(
            rollout(4, "100%")
                .clusters(List.of(RolloutCluster.sized("a", 4)))
                .waves(new ClusterWaves(List.of(List.of("a")), null))
                .build());
    assertThat(codes(plan)).containsExactly("WAVES_IGNORED@waves");
  }

  @Test
  void decreaseFirstDipsBeforeGrowing_increaseFirstSurgesFirst() {
    var base =
        rollout(10, "40%", "100%")
            .style(Style.SURGE)
            .maxSurge(IntOrPercent.of(2))
            .maxUnavailable(IntOrPercent.of(2));
    var inc = RolloutPlanner.plan(base.build());
    var dec = RolloutPlanner.plan(base.order(RolloutSpec.Order.DECREASE_FIRST).build());
    assertThat(Plans.transitions(inc.steps().get(0))).isEqualTo("2/10 2/6 4/6");
    assertThat(Plans.transitions(dec.steps().get(0))).isEqualTo("0/8 4/8 4/6");
  }
}
