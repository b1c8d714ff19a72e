package io.vela4j.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.workflow.internal.Json;
import org.junit.jupiter.api.Test;

/** The examples of {@code examples/workflow/}, end to end. */
class WalkthroughTest {
  private final WorkflowEngine engine =
      WorkflowEngine.builder().renderer(Examples.renderer()).build();

  @Test
  void theWalkthroughPutsTwoManifestWorksIntoTheNamespaceOfDev2OnTheHub() {
    WorkflowRun run = Examples.run(engine, "workflow/app.yaml");
    assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    var hub = run.plan().get(DeliveryTarget.CONTROL_PLANE);
    assertThat(hub)
        .extracting(
            o ->
                o.path("kind").asText()
                    + " "
                    + o.at("/metadata/namespace").asText()
                    + "/"
                    + o.at("/metadata/name").asText())
        .containsExactly(
            "ManifestWork dev2/express-server-v1", "ManifestWork dev2/express-server-traits");
    assertThat(hub.get(0).at("/spec/workload/manifests/0/kind").asText()).isEqualTo("Deployment");
    assertThat(hub.get(1).at("/spec/workload/manifests/0/kind").asText()).isEqualTo("Rollout");
    assertThat(run.plan()).containsOnlyKeys(DeliveryTarget.CONTROL_PLANE);
    assertThat(run.rollouts())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.batches()).isEqualTo(2);
              assertThat(r.describe())
                  .isEqualTo("express-server -> express-server-v1: batch 1/2, 2/4 replicas");
            });
    ObjectNode golden = Json.object();
    golden.set("steps", run.toJson().get("steps"));
    golden.set("plan", run.toJson().get("plan"));
    golden.set("rollouts", run.toJson().get("rollouts"));
    Golden.assertMatches("walkthrough.json", golden);
  }

  @Test
  void theRolloutShowsTheBatchTheClusterStateIsAt() {
    WorkflowRun run = Examples.run(engine, "workflow/app.yaml");
    var state =
        Fixture.state(
            """
            clusters:
              dev2:
                - apiVersion: standard.oam.dev/v1alpha1
                  kind: Rollout
                  metadata: {name: express-server, namespace: default}
                  status: {rolloutStatus: {currentBatch: 1}}
            """);
    WorkflowRun later = engine.resume(run, state);
    assertThat(later.rollouts().get(0).describe())
        .isEqualTo("express-server -> express-server-v1: batch 2/2, 4/4 replicas");
  }

  @Test
  void theApprovalDeploysToOneClusterSuspendsAndIsResumedToTheOther() {
    WorkflowRun run = Examples.run(engine, "workflow/approval.yaml");
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUSPENDED);
    assertThat(run.plan()).containsOnlyKeys(DeliveryTarget.cluster("beijing"));
    assertThat(run.step("approve").orElseThrow().phase()).isEqualTo(StepPhase.SUSPENDED);

    // what `vela4j workflow resume run.json` does: read the run back, resume it
    WorkflowRun reread = WorkflowRun.fromJson(run.toJson());
    assertThat(reread.toJson()).isEqualTo(run.toJson());
    WorkflowRun resumed =
        engine.resume(reread, reread.state().withTime(Examples.T0.plusSeconds(3600)));
    assertThat(resumed.phase()).as(resumed.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(resumed.plan())
        .containsOnlyKeys(DeliveryTarget.cluster("beijing"), DeliveryTarget.cluster("hangzhou"));
    assertThat(
            resumed
                .plan()
                .get(DeliveryTarget.cluster("hangzhou"))
                .get(0)
                .at("/spec/replicas")
                .asInt())
        .isEqualTo(2);
    assertThat(resumed.notifications())
        .singleElement()
        .satisfies(n -> assertThat(n.channel()).isEqualTo("slack"));
    Golden.assertMatches("approval.json", resumed.toJson());
  }

  @Test
  void anApprovalLeftLongerThanItsTimeoutTimesOut() {
    WorkflowRun run = Examples.run(engine, "workflow/approval.yaml");
    WorkflowRun late = engine.resume(run, run.state().withTime(Examples.T0.plusSeconds(25 * 3600)));
    assertThat(late.phase()).isEqualTo(WorkflowRun.Phase.FAILED);
    assertThat(late.step("approve").orElseThrow().phase()).isEqualTo(StepPhase.TIMED_OUT);
    assertThat(late.step("deploy-hangzhou").orElseThrow().phase()).isEqualTo(StepPhase.SKIPPED);
    assertThat(late.step("tell-the-team").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);
  }
}
