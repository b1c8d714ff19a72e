package io.vela4j.rollout;

import static io.vela4j.rollout.Plans.news;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.Diagnostic;
import io.vela4j.rollout.RolloutSpec.ClusterMode;
import io.vela4j.rollout.RolloutSpec.Mode;
import io.vela4j.rollout.RolloutSpec.Order;
import io.vela4j.rollout.RolloutSpec.Semantics;
import io.vela4j.rollout.RolloutSpec.Style;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

  static List<Diagnostic> problems(String yaml) {
    try {
      RolloutSpecReader.read(yaml, "spec.yaml");
    } catch (RolloutException e) {
      return e.diagnostics();
    }
    throw new AssertionError("expected a RolloutException");
  }

  @Test
  void readsEveryFieldOfTheFormat() {
    var spec =
        RolloutSpecReader.read(
            """
            sourceReplicas: 12
            targetReplicas: 20
            mode: ROLLOUT
            style: SURGE
            order: DecreaseFirst
            semantics: INCREMENTAL
            steps:
              - replicas: 3
                pause: MANUAL
                maxUnavailable: 1
              - replicas: "20%"
                pause: 1h30m
              - {}
            maxSurge: 25%
            maxUnavailable: 0
            batchPartition: 1
            keepOneOld: false
            clusters:
              - {name: a, weight: 2}
              - {name: b, weight: 1}
            clusterMode: SamePlan
            """,
            "spec.yaml");
    assertThat(spec.sourceReplicas()).isEqualTo(12);
    assertThat(spec.targetReplicas()).isEqualTo(20);
    assertThat(spec.mode()).isEqualTo(Mode.ROLLOUT);
    assertThat(spec.style()).isEqualTo(Style.SURGE);
    assertThat(spec.order()).isEqualTo(Order.DECREASE_FIRST);
    assertThat(spec.semantics()).isEqualTo(Semantics.INCREMENTAL);
    assertThat(spec.steps())
        .containsExactly(
            new RolloutStep(IntOrPercent.of(3), Pause.manual(), IntOrPercent.of(1)),
            new RolloutStep(IntOrPercent.percent(20), Pause.of(Duration.ofMinutes(90)), null),
            new RolloutStep(null, null, null));
    assertThat(spec.maxSurge()).isEqualTo(IntOrPercent.percent(25));
    assertThat(spec.maxUnavailable()).isEqualTo(IntOrPercent.of(0));
    assertThat(spec.batchPartition()).isEqualTo(1);
    assertThat(spec.keepOneOld()).isFalse();
    assertThat(spec.clusters())
        .containsExactly(RolloutCluster.weighted("a", 2), RolloutCluster.weighted("b", 1));
    assertThat(spec.clusterMode()).isEqualTo(ClusterMode.SAME_PLAN);
  }

  @Test
  void jsonIsReadLikeYaml() {
    var json =
        RolloutSpecReader.read(
            "{\"sourceReplicas\": 10, \"steps\": [{\"replicas\": \"20%\"}, {\"replicas\": 10}]}",
            "spec.json");
    var yaml = RolloutSpecReader.read("sourceReplicas: 10\nsteps: [20%, 10]\n", "spec.yaml");
    assertThat(json).isEqualTo(yaml);
    assertThat(news(RolloutPlanner.plan(json))).containsExactly(2, 10);
  }

  @Test
  void everyProblemIsReportedWithItsLineColumnAndPath() {
    var found =
        problems(
            """
            sourceReplicas: -3
            style: FAST
            steps:
              - replicas: 120%
              - replicas: ab
                pause: sometimes
            numBatches: 3
            batchPartition: -1
            bogus: 1
            """);
    assertThat(found)
        .extracting(d -> d.code() + "@" + d.path() + "@" + d.line() + ":" + d.column())
        .containsExactlyInAnyOrder(
            "UNKNOWN_FIELD@bogus@9:1",
            "INVALID_ENUM@style@2:8",
            "INVALID_AMOUNT@steps[1].replicas@5:15",
            "INVALID_PAUSE@steps[1].pause@6:12",
            "VALUE_OUT_OF_RANGE@sourceReplicas@1:17",
            "NUM_BATCHES_MISMATCH@numBatches@7:13",
            "VALUE_OUT_OF_RANGE@steps[0].replicas@4:15",
            "VALUE_OUT_OF_RANGE@batchPartition@8:17");
    assertThat(found).allSatisfy(d -> assertThat(d.source()).isEqualTo("spec.yaml"));
    assertThat(
            found.stream()
                .filter(
                    d ->
                        d.code().equals("VALUE_OUT_OF_RANGE")
                            && "steps[0].replicas".equals(d.path()))
                .findFirst()
                .get()
                .format())
        .isEqualTo(
            "spec.yaml:4:15: error: steps[0].replicas: a percentage must not exceed 100% (expected 0%..100%, found 120%)");
  }

  @Test
  void sourceReplicasIsRequiredAndTypesAreChecked() {
    assertThat(problems("steps: [100%]\nkeepOneOld: maybe\nclusters: {a: 1}\n"))
        .extracting(d -> d.code() + "@" + d.path())
        .containsExactlyInAnyOrder(
            "MISSING_FIELD@sourceReplicas", "INVALID_TYPE@keepOneOld", "INVALID_TYPE@clusters");
  }

  @Test
  void fractionsAreNotReplicaCounts() {
    assertThat(problems("sourceReplicas: 2.5\n"))
        .extracting(d -> d.code() + "@" + d.path())
        .containsExactly("INVALID_TYPE@sourceReplicas");
    assertThat(problems("sourceReplicas: 10\nsteps: [\"7.5%\"]\n"))
        .extracting(d -> d.code() + "@" + d.path())
        .containsExactly("INVALID_AMOUNT@steps[0]");
  }

  @Test
  void duplicateKeysSyntaxErrorsAndEmptyFilesAreLocated() {
    var dup = problems("sourceReplicas: 1\nsourceReplicas: 2\n");
    assertThat(dup).extracting(Diagnostic::code).containsExactly("DUPLICATE_KEY");
    assertThat(dup.get(0).line()).isEqualTo(2);
    var syntax = problems("sourceReplicas: [1\n");
    assertThat(syntax).extracting(Diagnostic::code).containsExactly("INVALID_YAML");
    assertThat(syntax.get(0).line()).isPositive();
    assertThat(problems("")).extracting(Diagnostic::code).containsExactly("EMPTY_DOCUMENT");
    assertThat(problems("sourceReplicas: 1\n---\nsourceReplicas: 2\n"))
        .extracting(Diagnostic::code)
        .containsExactly("INVALID_DOCUMENT_COUNT");
  }

  @Test
  void hostileInputIsBoundedByTheModelReader() {
    var deep = problems("steps: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    assertThat(deep).extracting(Diagnostic::code).containsExactly("NESTING_TOO_DEEP");
  }

  @Test
  void wavesAreRead() {
    var spec =
        RolloutSpecReader.read(
            """
            sourceReplicas: 4
            clusters: [{name: a, replicas: 2}, {name: b, replicas: 2}]
            clusterMode: WAVES
            waves: {groups: [[b]], maxConcurrency: "50%"}
            """,
            "w.yaml");
    assertThat(spec.waves())
        .isEqualTo(new ClusterWaves(List.of(List.of("b")), IntOrPercent.percent(50)));
    var plan = RolloutPlanner.plan(spec);
    assertThat(plan.steps().get(0).clusters().get("b").newReplicas()).isEqualTo(2);
    assertThat(plan.steps().get(0).clusters().get("a").newReplicas()).isZero();
  }

  @Test
  void anInvalidTreeNeverGivesAPartialSpec() {
    assertThatThrownBy(() -> RolloutSpecReader.read("- 1\n- 2\n", "list.yaml"))
        .isInstanceOf(RolloutException.class)
        .hasMessageContaining("expected an object");
  }
}
