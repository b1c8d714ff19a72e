package io.vela4j.rollout;

import static io.vela4j.rollout.Plans.rollout;
import static io.vela4j.rollout.Plans.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.VelaException;
import io.vela4j.rollout.RolloutSpec.ClusterMode;
import io.vela4j.rollout.RolloutSpec.Semantics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid specs: one exception listing every problem with a field path, never a plan. */
class ValidationTest {

  static List<String> problems(Runnable r) {
    try {
      r.run();
    } catch (VelaException e) {
      assertThat(e).isInstanceOf(RolloutException.class);
      return e.errors().stream().map(d -> d.code() + "@" + d.path()).toList();
    }
    throw new AssertionError("expected a RolloutException");
  }

  @Test
  void everyProblemIsListedAtOnce() {
    assertThat(
            problems(
                () ->
                    RolloutSpec.builder()
                        .sourceReplicas(-1)
                        .targetReplicas(-2)
                        .steps(steps("-5", "150%", "3"))
                        .numBatches(4)
                        .maxSurge(IntOrPercent.percent(101))
                        .maxUnavailable(IntOrPercent.of(-1))
                        .batchPartition(-1)
                        .build()))
        .containsExactly(
            "VALUE_OUT_OF_RANGE@sourceReplicas",
            "VALUE_OUT_OF_RANGE@targetReplicas",
            "NUM_BATCHES_MISMATCH@numBatches",
            "VALUE_OUT_OF_RANGE@steps[0].replicas",
            "VALUE_OUT_OF_RANGE@steps[1].replicas",
            "VALUE_OUT_OF_RANGE@maxSurge",
            "VALUE_OUT_OF_RANGE@maxUnavailable",
            "VALUE_OUT_OF_RANGE@batchPartition");
  }

  @Test
  void emptyStepsAndZeroBatchesAreRejected() {
    assertThat(problems(() -> RolloutSpec.builder().sourceReplicas(3).steps(List.of()).build()))
        .containsExactly("EMPTY_STEPS@steps");
    assertThat(
            problems(
                () ->
                    RolloutSpec.builder().sourceReplicas(3).steps(List.of()).numBatches(3).build()))
        .containsExactly("EMPTY_STEPS@steps");
    assertThat(problems(() -> RolloutSpec.builder().sourceReplicas(3).numBatches(0).build()))
        .containsExactly("VALUE_OUT_OF_RANGE@numBatches");
  }

  @Test
  void decreasingCumulativeStepsAreRejectedAfterResolvingAgainstN() {
    assertThat(problems(() -> rollout(10, "50%", "40%", "100%").build()))
        .containsExactly("INVALID_STEP_ORDER@steps[1].replicas");
    // 3 then 20%: fine on 20 replicas (3 ≤ 4), a decrease on 10 (3 > 2)
    assertThat(RolloutPlanner.plan(rollout(20, "3", "20%", "100%").build()).steps()).hasSize(3);
    assertThat(problems(() -> rollout(10, "3", "20%", "100%").build()))
        .containsExactly("INVALID_STEP_ORDER@steps[1].replicas");
  }

  @Test
  void samePlanChecksTheOrderOnEveryClusterSize() {
    // 2 then 30%: fine on 20 replicas (2 ≤ 6) but cluster b has 4 replicas (2 > 1.2)
    assertThat(
            problems(
                () ->
                    rollout(20, "2", "30%", "100%")
                        .clusters(
                            List.of(RolloutCluster.sized("a", 16), RolloutCluster.sized("b", 4)))
                        .clusterMode(ClusterMode.SAME_PLAN)
                        .build()))
        .containsExactly("INVALID_STEP_ORDER@steps[1].replicas");
  }

  @Test
  void incrementsOver100PercentAreRejected() {
    assertThat(problems(() -> rollout(10, "60%", "50%").semantics(Semantics.INCREMENTAL).build()))
        .containsExactly("INCREMENTS_TOO_LARGE@steps[1].replicas");
  }

  @Test
  void clusterProblems() {
    assertThat(
            problems(
                () ->
                    rollout(10, "100%")
                        .clusters(
                            List.of(
                                RolloutCluster.sized("a", 5),
                                RolloutCluster.sized("a", 3),
                                new RolloutCluster("b", 1, 1),
                                new RolloutCluster("c", null, null),
                                RolloutCluster.weighted(" ", 0)))
                        .build()))
        .containsExactly(
            "DUPLICATE_CLUSTER@clusters[1].name",
            "INVALID_CLUSTER_SIZE@clusters[2]",
            "INVALID_CLUSTER_SIZE@clusters[3]",
            "EMPTY_FIELD@clusters[4].name",
            "VALUE_OUT_OF_RANGE@clusters[4].weight",
            "CLUSTER_SIZE_MISMATCH@clusters");
    assertThat(
            problems(
                () ->
                    rollout(10, "100%")
                        .targetReplicas(10)
                        .clusters(
                            List.of(RolloutCluster.sized("a", 5), RolloutCluster.sized("b", 3)))
                        .build()))
        .containsExactly("CLUSTER_SUM_MISMATCH@targetReplicas");
  }

  @Test
  void waveProblems() {
    assertThat(
            problems(
                () ->
                    rollout(4, "100%")
                        .clusterMode(ClusterMode.WAVES)
                        .waves(new ClusterWaves(List.of(List.of("x")), IntOrPercent.of(0)))
                        .build()))
        .containsExactly(
            "MISSING_CLUSTERS@clusters",
            "UNKNOWN_CLUSTER@waves.groups[0][0]",
            "VALUE_OUT_OF_RANGE@waves.maxConcurrency");
    assertThat(
            problems(
                () ->
                    rollout(4, "100%")
                        .clusters(
                            List.of(RolloutCluster.sized("a", 2), RolloutCluster.sized("b", 2)))
                        .clusterMode(ClusterMode.WAVES)
                        .waves(
                            new ClusterWaves(
                                List.of(List.of("a"), List.of(), List.of("a")),
                                IntOrPercent.percent(150)))
                        .build()))
        .containsExactly(
            "EMPTY_GROUP@waves.groups[1]",
            "DUPLICATE_CLUSTER@waves.groups[2][0]",
            "VALUE_OUT_OF_RANGE@waves.maxConcurrency");
  }

  @Test
  void replanStatesAreValidated() {
    var spec =
        rollout(10, "50%", "100%").clusters(List.of(RolloutCluster.weighted("a", 1))).build();
    assertThat(
            problems(
                () ->
                    RolloutPlanner.replan(
                        spec, new RolloutState(5, -1, -2, java.util.Map.of("zz", 1, "a", -3)))))
        .containsExactly(
            "INVALID_STATE@state.completedStep",
            "VALUE_OUT_OF_RANGE@state.newReplicas",
            "VALUE_OUT_OF_RANGE@state.oldReplicas",
            "VALUE_OUT_OF_RANGE@state.clusterNewReplicas.a",
            "UNKNOWN_CLUSTER@state.clusterNewReplicas.zz");
  }

  @Test
  void messagesSayWhatWasExpected() {
    assertThatThrownBy(() -> rollout(10, "120%").build())
        .hasMessage(
            "error: steps[0].replicas: a percentage must not exceed 100% (expected 0%..100%, found 120%)");
  }
}
