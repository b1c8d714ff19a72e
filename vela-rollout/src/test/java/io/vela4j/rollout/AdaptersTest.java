package io.vela4j.rollout;

import static io.vela4j.rollout.Plans.news;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vela4j.rollout.RolloutSpec.Order;
import io.vela4j.rollout.RolloutSpec.Semantics;
import io.vela4j.rollout.RolloutSpec.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptersTest {
  private static final ObjectMapper YAML = new YAMLMapper();

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> problems(Runnable r) {
    try {
      r.run();
    } catch (RolloutException e) {
      return e.diagnostics().stream().map(d -> d.code() + "@" + d.path()).toList();
    }
    throw new AssertionError("expected a RolloutException");
  }

  @Test
  void kubeVelaTraitPropertiesAreIncrementalBatches() {
    var spec =
        RolloutAdapters.fromKubeVelaTrait(
            yaml(
                """
                targetRevision: app-v2
                targetSize: 7
                rolloutBatches:
                  - replicas: 20%
                  - replicas: 40%
                  - replicas: 30%
                  - replicas: 10%
                batchPartition: 2
                rolloutStrategy: DecreaseFirst
                """),
            7);
    assertThat(spec.semantics()).isEqualTo(Semantics.INCREMENTAL);
    assertThat(spec.order()).isEqualTo(Order.DECREASE_FIRST);
    assertThat(spec.batchPartition()).isEqualTo(2);
    var plan = RolloutPlanner.plan(spec);
    assertThat(news(plan)).containsExactly(2, 5, 6, 7);
    assertThat(plan.steps())
        .extracting(RolloutPlan.Step::gated)
        .containsExactly(false, false, false, true);
  }

  @Test
  void kubeVelaTraitProblemsUseTheTraitsFieldNames() {
    assertThat(
            problems(
                () ->
                    RolloutAdapters.fromKubeVelaTrait(
                        yaml(
                            """
                            targetRevision: 3
                            targetSize: -1
                            rolloutBatches: [{replicas: ab}, {replicas: 1}]
                            rolloutStrategy: Sideways
                            extra: true
                            """),
                        5)))
        .containsExactlyInAnyOrder(
            "UNKNOWN_FIELD@extra",
            "INVALID_TYPE@targetRevision",
            "INVALID_ENUM@rolloutStrategy",
            "INVALID_AMOUNT@rolloutBatches[0].replicas",
            "VALUE_OUT_OF_RANGE@targetSize");
  }

  @Test
  void v1alpha1RolloutPlanGeneratesBatchesFromNumBatches() {
    var spec = RolloutAdapters.fromRolloutPlan(yaml("numBatches: 5\ntargetSize: 8\n"), 8);
    assertThat(Plans.increments(RolloutPlanner.plan(spec))).containsExactly(1, 1, 2, 2, 2);
  }

  @Test
  void v1alpha1RolloutPlanChecksNumBatchesAndRejectsPodList() {
    assertThat(
            problems(
                () ->
                    RolloutAdapters.fromRolloutPlan(
                        yaml(
                            """
                            numBatches: 3
                            rolloutBatches:
                              - replicas: 1
                              - podList: [pod-a]
                              - replicas: 2
                              - replicas: 50%
                                maxUnavailable: 1
                            """),
                        10)))
        .containsExactlyInAnyOrder(
            "UNSUPPORTED_FIELD@rolloutBatches[1].podList", "NUM_BATCHES_MISMATCH@numBatches");
  }

  @Test
  void kruiseCanaryStepsAreCumulativeAndPauseManuallyWithoutDuration() {
    var spec =
        RolloutAdapters.fromKruiseCanary(
            yaml(
                """
                steps:
                  - replicas: 1
                  - replicas: 50%
                    pause: {duration: 60}
                    traffic: 50%
                  - replicas: 100%
                enableExtraWorkloadForCanary: true
                """),
            10);
    assertThat(spec.style()).isEqualTo(Style.CANARY);
    assertThat(spec.semantics()).isEqualTo(Semantics.CUMULATIVE);
    var plan = RolloutPlanner.plan(spec);
    assertThat(news(plan)).containsExactly(1, 5, 10);
    assertThat(plan.steps())
        .extracting(s -> String.valueOf(s.pause()))
        .containsExactly("MANUAL", "1m", "null");
  }

  @Test
  void kruiseStepListAloneIsAccepted() {
    var spec = RolloutAdapters.fromKruiseCanary(yaml("- replicas: 20%\n- replicas: 100%\n"), 5);
    assertThat(spec.style()).isEqualTo(Style.PARTITION);
    assertThat(news(RolloutPlanner.plan(spec))).containsExactly(1, 5);
  }

  @Test
  void kruiseRequiresPositiveReplicas() {
    assertThat(
            problems(
                () ->
                    RolloutAdapters.fromKruiseCanary(
                        yaml("steps: [{pause: {}}, {replicas: 0}, {replicas: 100%}]"), 10)))
        .containsExactlyInAnyOrder(
            "MISSING_FIELD@steps[0].replicas", "VALUE_OUT_OF_RANGE@steps[1].replicas");
  }

  @Test
  void kruiseComparesOnlyStepsOfTheSameKind_weCompareResolvedCounts() {
    // Kruise's webhook accepts [5, 40%] (an int and a percentage are not compared); on 10
    // replicas that is 5 then 4, a decrease, which we reject.
    assertThat(
            problems(
                () ->
                    RolloutAdapters.fromKruiseCanary(
                        yaml("steps: [{replicas: 5}, {replicas: 40%}, {replicas: 100%}]"), 10)))
        .containsExactly("INVALID_STEP_ORDER@steps[1].replicas");
  }

  @Test
  void adaptersNeedObjects() {
    assertThatThrownBy(() -> RolloutAdapters.fromKubeVelaTrait(yaml("[1]"), 1))
        .isInstanceOf(RolloutException.class);
  }
}
