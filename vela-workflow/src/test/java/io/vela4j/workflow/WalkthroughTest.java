package io.vela4j.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalkthroughTest {
  @Test
  void walkthroughDispatchesTwoManifestWorksToDev2() {
    WorkflowEngine engine = WorkflowEngine.builder().renderer(Examples.renderer()).build();
    WorkflowRun run = Examples.run(engine, "workflow/app.yaml");
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
  }
}
