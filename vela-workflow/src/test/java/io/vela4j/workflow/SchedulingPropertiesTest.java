package io.vela4j.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of scheduling over generated workflows of steps that depend on earlier ones. */
class SchedulingPropertiesTest {

  /** A workflow: for each step, bits choosing which earlier steps it depends on; and the mode. */
  record Shape(List<Integer> dependencyBits, boolean dag) {
    String yaml() {
      var sb = new StringBuilder("components: []\nworkflow:\n");
      sb.append("  mode: {steps: ").append(dag ? "DAG" : "StepByStep").append("}\n  steps:\n");
      for (int i = 0; i < dependencyBits.size(); i++) {
        sb.append("    - {name: s").append(i).append(", type: print-message-in-status");
        sb.append(", properties: {message: m").append(i).append("}");
        var deps = dependsOn(i);
        if (!deps.isEmpty()) {
          sb.append(", dependsOn: [").append(String.join(", ", deps)).append("]");
        }
        sb.append("}\n");
      }
      return sb.toString();
    }

    List<String> dependsOn(int i) {
      var out = new ArrayList<String>();
      for (int j = 0; j < i; j++) {
        if ((dependencyBits.get(i) >> j & 1) == 1) {
          out.add("s" + j);
        }
      }
      return out;
    }
  }

  private static final Gen<Shape> SHAPES =
      lists().of(integers().between(0, 255)).ofSizeBetween(1, 7).zip(booleans().all(), Shape::new);

  @Test
  void everyStepRunsOnceAfterItsDependenciesAndStepByStepKeepsTheDeclaredOrder() {
    qt().withExamples(40)
        .forAll(SHAPES)
        .checkAssert(
            shape -> {
              var f = new Fixture();
              WorkflowRun run = f.run(Fixture.app(shape.yaml()));
              assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
              List<String> started =
                  f.events().stream()
                      .filter(e -> e.startsWith("start:"))
                      .map(e -> e.substring(6))
                      .toList();
              assertThat(started).doesNotHaveDuplicates().hasSize(shape.dependencyBits().size());
              for (int i = 0; i < shape.dependencyBits().size(); i++) {
                for (String d : shape.dependsOn(i)) {
                  assertThat(started.indexOf(d)).isLessThan(started.indexOf("s" + i));
                }
                assertThat(run.step("s" + i).orElseThrow().message()).isEqualTo("m" + i);
              }
              if (!shape.dag()) {
                assertThat(started).isSorted();
              }
            });
  }

  @Test
  void aRunWrittenAsJsonReadsBackEqual() {
    qt().withExamples(20)
        .forAll(SHAPES)
        .checkAssert(
            shape -> {
              WorkflowRun run = new Fixture().run(Fixture.app(shape.yaml()));
              assertThat(WorkflowRun.fromJson(run.toJson()).toJson()).isEqualTo(run.toJson());
            });
  }
}
