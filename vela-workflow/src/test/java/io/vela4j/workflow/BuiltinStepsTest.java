package io.vela4j.workflow;

import static io.vela4j.workflow.Fixture.app;
import static io.vela4j.workflow.Fixture.cluster;
import static io.vela4j.workflow.Fixture.hub;
import static io.vela4j.workflow.Fixture.plan;
import static io.vela4j.workflow.Fixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each built-in step type. */
class BuiltinStepsTest {

  private static final String WEB =
      """
      components:
        - name: web
          type: webservice
          properties: {image: nginx, port: 80}
          traits:
            - type: scaler
              properties: {replicas: 3}
      """;

  @Test
  void withoutAWorkflowEachComponentIsAppliedOnTheHubAsADag() {
    var f = new Fixture();
    var run =
        f.run(
            app(
                """
                components:
                  - name: db
                    type: worker
                    properties: {image: postgres}
                  - name: web
                    type: webservice
                    properties: {image: nginx}
                    dependsOn: [db]
                """));
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(run.steps())
        .extracting(StepStatus::name, StepStatus::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("db", "apply-component"),
            org.assertj.core.groups.Tuple.tuple("web", "apply-component"));
    assertThat(plan(run, hub())).containsExactly("Deployment/default/db", "Deployment/default/web");
  }

  @Test
  void deployAppliesEveryPlacementOfItsPolicies() {
    var f = new Fixture().clusters("c1", "c2");
    var run =
        f.run(
            app(
                WEB
                    + """
                    policies:
                      - {name: both, type: topology, properties: {clusters: [c1, c2]}}
                      - name: more
                        type: override
                        properties: {components: [{name: web, traits: [{type: scaler, properties: {replicas: 5}}]}]}
                    workflow:
                      steps:
                        - {name: ship, type: deploy, properties: {policies: [more, both], parallelism: 2}}
                    """));
    assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(plan(run, cluster("c1"))).containsExactly("Deployment/default/web");
    assertThat(plan(run, cluster("c2"))).containsExactly("Deployment/default/web");
    assertThat(run.plan().get(cluster("c2")).get(0).at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(run.step("ship").orElseThrow().log())
        .containsExactly("applied 2 components to 2 placements (parallelism 2)");
  }

  @Test
  void deployWithAutoFalseWaitsForAnApprovalFirst() {
    var f = new Fixture().clusters("c1");
    var a =
        app(
            WEB
                + """
                policies:
                  - {name: one, type: topology, properties: {clusters: [c1]}}
                workflow:
                  steps:
                    - {name: ship, type: deploy, properties: {policies: [one], auto: false}}
                """);
    var run = f.run(a);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUSPENDED);
    assertThat(run.message()).contains("Waiting approval to the deploy step \"ship\"");
    assertThat(run.applied()).isEmpty();
    var approved = f.resume(run, ClusterState.empty());
    assertThat(approved.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(plan(approved, cluster("c1"))).containsExactly("Deployment/default/web");
    assertThat(approved.resumed()).containsExactly("ship");
  }

  @Test
  void deployWaitsForHealthWhenTheStateShowsAnUnhealthyWorkloadOrStrictHealthIsAsked() {
    var f = new Fixture();
    var a =
        app(
            WEB
                + """
                workflow:
                  steps:
                    - {name: ship, type: apply-component, properties: {component: web}}
                """);
    var unhealthy =
        state(
            """
            clusters:
              local:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web, namespace: default, generation: 1}
                  spec: {replicas: 3}
                  status: {observedGeneration: 1, replicas: 3, readyReplicas: 1, updatedReplicas: 3}
            """);
    var run = f.run(a, unhealthy);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.WAITING);
    assertThat(run.step("ship").orElseThrow().message())
        .startsWith("Waiting for components to be healthy: web");
    var healthy =
        state(
            """
            clusters:
              local:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web, namespace: default, generation: 1}
                  spec: {replicas: 3}
                  status: {observedGeneration: 1, replicas: 3, readyReplicas: 3, updatedReplicas: 3}
            """);
    var ok = f.resume(run, healthy);
    assertThat(ok.phase()).as(ok.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);

    var strict =
        f.engine()
            .run(
                f.renderer().render(a, io.vela4j.render.RenderOptions.defaults()),
                WorkflowOptions.of(a).withStrictHealth(true));
    assertThat(strict.phase()).isEqualTo(WorkflowRun.Phase.WAITING);
    assertThat(strict.step("ship").orElseThrow().message()).contains("not in the cluster state");
  }

  @Test
  void suspendStepsSuspendAndResume() {
    var f = new Fixture();
    var run =
        f.run(
            app(
                """
                components: []
                workflow:
                  steps:
                    - {name: hold, type: suspend, properties: {message: "check the dashboards"}}
                    - {name: after, type: print-message-in-status, properties: {message: done}}
                """));
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUSPENDED);
    assertThat(run.step("hold").orElseThrow().phase()).isEqualTo(StepPhase.SUSPENDED);
    assertThat(run.step("hold").orElseThrow().message()).isEqualTo("check the dashboards");
    var resumed = f.resume(run, ClusterState.empty());
    assertThat(resumed.step("hold").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);
    assertThat(resumed.step("after").orElseThrow().message()).isEqualTo("done");
  }

  @Test
  void applyObjectAndReadObject() {
    var f = new Fixture();
    var st =
        state(
            """
            clusters:
              local:
                - {apiVersion: core.oam.dev/v1beta1, kind: Application, metadata: {name: other, namespace: default}, status: {status: running}}
            """);
    var run =
        f.run(
            app(
                """
                components: []
                workflow:
                  steps:
                    - name: pvc
                      type: apply-object
                      properties:
                        cluster: edge
                        value: {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {resources: {requests: {storage: 1Gi}}}}
                    - name: read
                      type: read-object
                      properties: {name: other}
                      outputs: [{name: status, valueFrom: output.$returns.value.status.status}]
                """),
            st);
    assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(plan(run, cluster("edge"))).containsExactly("PersistentVolumeClaim/default/data");
    assertThat(run.variables().get("status").asText()).isEqualTo("running");
  }

  @Test
  void notificationsAndWebhooksAreRecordedNeverSent() {
    var run =
        new Fixture()
            .run(
                app(
                    """
                    components: []
                    workflow:
                      steps:
                        - name: tell
                          type: notification
                          properties:
                            slack: {url: {value: "https://hooks.example.com/x"}, message: {text: hi}}
                            email: {to: [a@example.com, b@example.com], content: {subject: s, body: b}}
                        - name: hook
                          type: webhook
                          properties:
                            url: {secretRef: {name: hooks, key: url}}
                    """));
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(run.notifications())
        .extracting(
            NotificationRecord::step, NotificationRecord::channel, NotificationRecord::destination)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tell", "slack", "https://hooks.example.com/x"),
            org.assertj.core.groups.Tuple.tuple("tell", "email", "a@example.com,b@example.com"),
            org.assertj.core.groups.Tuple.tuple("hook", "webhook", "secret:hooks/url"));
    assertThat(run.notifications().get(2).message().path("kind").asText()).isEqualTo("Application");
  }
}
