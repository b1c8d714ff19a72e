package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.dispatch.files.DispatchPlanWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden files of each planner on the example bundle (examples/dispatch). */
class GoldenPlanTest {

  @ParameterizedTest
  @ValueSource(strings = {"ocm", "karmada", "direct"})
  void planMatchesGoldenFile(String via) {
    DispatchPlan plan = Dispatchers.discover().get(via).plan(Fixtures.exampleRequest());
    Fixtures.assertGolden("plan-" + via + ".yaml", DispatchPlanWriter.stream(plan));
    Fixtures.assertGolden("summary-" + via + ".txt", DispatchPlanWriter.summaryTable(plan));
    assertThat(plan.dispatcher()).isEqualTo(via);
  }

  @org.junit.jupiter.api.Test
  void examplesFolderHoldsTheSameInputsAsTheGoldenTests() throws Exception {
    java.nio.file.Path examples = java.nio.file.Paths.get("..", "examples", "dispatch");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(examples));
    for (String f : java.util.List.of("manifests.yaml", "placement.yaml")) {
      assertThat(java.nio.file.Files.readString(examples.resolve(f)))
          .as("examples/dispatch/%s must equal src/test/resources/dispatch/%s", f, f)
          .isEqualTo(Fixtures.resource("dispatch/" + f));
    }
  }
}
