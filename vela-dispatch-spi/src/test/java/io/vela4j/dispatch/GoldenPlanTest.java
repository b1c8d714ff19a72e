package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.dispatch.files.PlanWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden files of each planner on the example bundle (examples/dispatch). */
class GoldenPlanTest {

  @ParameterizedTest
  @ValueSource(strings = {"ocm", "karmada", "direct"})
  void planMatchesGoldenFile(String via) {
    DispatchPlan plan = Dispatchers.discover().get(via).plan(Fixtures.exampleRequest());
    Fixtures.assertGolden("plan-" + via + ".yaml", PlanWriter.stream(plan));
    Fixtures.assertGolden("summary-" + via + ".txt", PlanWriter.summaryTable(plan));
    assertThat(plan.dispatcher()).isEqualTo(via);
  }
}
