package io.vela4j.workflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vela4j.dispatch.kube.ApiServers;
import io.vela4j.dispatch.kube.ClusterConnections;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.render.RenderOptions;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.StepPhase;
import io.vela4j.workflow.WorkflowEngine;
import io.vela4j.workflow.WorkflowOptions;
import io.vela4j.workflow.WorkflowRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live provider against an in-memory API server and against fabric8's mock server. */
class LiveProviderTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
  }

  private static Path examples() {
    String dir = System.getProperty("vela4j.root.dir");
    return (dir == null ? Path.of("..") : Path.of(dir)).resolve("examples");
  }

  private static io.vela4j.render.Renderer renderer() {
    var registry =
        io.vela4j.render.DefinitionRegistry.builder()
            .catalogue()
            .load(examples().resolve("definitions"))
            .load(examples().resolve("workflow/definitions"))
            .build();
    var clusters =
        VelaYaml.reader().parse(examples().resolve("workflow/clusters.yaml")).orThrow().stream()
            .map(d -> (io.vela4j.model.oam.Cluster) d.object())
            .toList();
    return io.vela4j.render.Renderer.builder().registry(registry).clusters(clusters).build();
  }

  private static WorkflowRun run(WorkflowEngine engine, String file) {
    ParsedDocument doc = VelaYaml.reader().parse(examples().resolve(file)).orThrow().get(0);
    Application app = doc.as(Application.class);
    var r = renderer();
    return engine.run(
        r.render(app, RenderOptions.defaults()), WorkflowOptions.of(app).withTime(T0));
  }

  @Test
  void theApprovalRunsOnInMemoryClustersAndWaitsForNothingOnceTheyAreHealthy() {
    var beijing = new InMemoryApiServer();
    var hangzhou = new InMemoryApiServer();
    var hub = new InMemoryApiServer();
    try (var connections =
        ClusterConnections.builder()
            .cluster("beijing", beijing)
            .cluster("hangzhou", hangzhou)
            .controlPlane(hub)
            .build()) {
      var engine =
          WorkflowEngine.builder()
              .renderer(renderer())
              .provider(LiveProvider.of(connections))
              .build();
      WorkflowRun run = run(engine, "workflow/approval.yaml");
      assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUSPENDED);
      assertThat(beijing.calls)
          .containsExactly(
              "apply Deployment.apps/default/shop-web by vela4j-workflow (force)",
              "get Deployment.apps/default/shop-web");
      assertThat(hangzhou.calls).isEmpty();
      WorkflowRun done = engine.resume(run, ClusterState.empty().withTime(T0.plusSeconds(60)));
      assertThat(done.phase()).as(done.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
      assertThat(hangzhou.objects).containsOnlyKeys("Deployment.apps/default/shop-web");
      assertThat(hub.calls).isEmpty();
    }
  }

  @Test
  void aClusterThatCannotBeReachedOrReadFailsTheStepAndTheRunGoesOn() {
    var beijing = new InMemoryApiServer();
    beijing.failReads = true;
    try (var connections = ClusterConnections.builder().cluster("beijing", beijing).build()) {
      var engine =
          WorkflowEngine.builder()
              .renderer(renderer())
              .provider(LiveProvider.of(connections))
              .build();
      WorkflowRun run = run(engine, "workflow/approval.yaml");
      assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.FAILED);
      assertThat(run.step("deploy-beijing").orElseThrow().message())
          .contains("reads are forbidden");
      assertThat(run.step("approve").orElseThrow().phase()).isEqualTo(StepPhase.SKIPPED);
      assertThat(run.step("tell-the-team").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);

      beijing.failReads = false;
      WorkflowRun noHangzhou = engine.resume(run, ClusterState.empty());
      assertThat(noHangzhou.phase()).isEqualTo(WorkflowRun.Phase.FAILED); // a failed run stays so
    }
  }

  @Test
  void aReadOfAMissingObjectAndADeleteGoToTheCluster() {
    var dev2 = new InMemoryApiServer();
    try (var connections = ClusterConnections.builder().cluster("dev2", dev2).build()) {
      var registry =
          io.vela4j.render.DefinitionRegistry.builder()
              .catalogue()
              .load(
                  "t.cue",
                  """
                  import "vela/kube"
                  t: {type: "workflow-step", attributes: {}}
                  template: {
                    put: kube.#Apply & {$params: {cluster: "dev2", value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "a"}}}
                    read: kube.#Read & {$params: {cluster: "dev2", value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "nope"}}}
                    del: kube.#Delete & {$params: {cluster: "dev2", value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: put.$returns.value.metadata.name}}}
                    msg: {#do: "message", #provider: "builtin", $params: message: read.$returns.err}
                  }
                  """)
              .build();
      var r = io.vela4j.render.Renderer.builder().registry(registry).build();
      var engine =
          WorkflowEngine.builder().renderer(r).provider(LiveProvider.of(connections)).build();
      Application app =
          VelaYaml.reader()
              .parse(
                  "app.yaml",
                  "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: a, namespace: default}\nspec:\n  components: []\n  workflow: {steps: [{name: s, type: t}]}\n")
              .orThrow()
              .get(0)
              .as(Application.class);
      WorkflowRun run =
          engine.run(r.render(app, RenderOptions.defaults()), WorkflowOptions.of(app));
      assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
      assertThat(run.step("s").orElseThrow().message()).isEqualTo("ConfigMap \"nope\" not found");
      assertThat(dev2.calls)
          .containsExactly(
              "apply ConfigMap/default/a by vela4j-workflow (force)",
              "get ConfigMap/default/nope",
              "delete ConfigMap/default/a");
      assertThat(dev2.objects).isEmpty();
    }
  }

  @Test
  void theWalkthroughCreatesItsManifestWorksOnTheHubOverHttp() throws Exception {
    var server = new KubernetesMockServer(false);
    server.init();
    try {
      server
          .expect()
          .get()
          .withPath("/apis/work.open-cluster-management.io/v1")
          .andReturn(
              200,
              new APIResourceListBuilder()
                  .withGroupVersion("work.open-cluster-management.io/v1")
                  .addToResources(
                      new APIResourceBuilder()
                          .withName("manifestworks")
                          .withKind("ManifestWork")
                          .withNamespaced(true)
                          .build())
                  .build())
          .always();
      for (String name : List.of("express-server-v1", "express-server-traits")) {
        server
            .expect()
            .patch()
            .withPath(
                "/apis/work.open-cluster-management.io/v1/namespaces/dev2/manifestworks/"
                    + name
                    + "?fieldManager=vela4j-workflow&force=true")
            .andReturn(
                200,
                "{\"apiVersion\":\"work.open-cluster-management.io/v1\",\"kind\":\"ManifestWork\","
                    + "\"metadata\":{\"name\":\""
                    + name
                    + "\",\"namespace\":\"dev2\",\"uid\":\"u\"}}")
            .once();
      }
      Config config =
          new ConfigBuilder(Config.empty())
              .withMasterUrl(server.url("/"))
              .withRequestTimeout(10_000)
              .withConnectionTimeout(10_000)
              .build();
      try (KubernetesClient client =
              new KubernetesClientBuilder()
                  .withConfig(ApiServers.withoutClientRetries(config))
                  .build();
          var connections = ClusterConnections.builder().controlPlane(client).build()) {
        var engine =
            WorkflowEngine.builder()
                .renderer(renderer())
                .provider(LiveProvider.of(connections))
                .build();
        WorkflowRun run = run(engine, "workflow/app.yaml");
        assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
        assertThat(run.steps())
            .allSatisfy(s -> assertThat(s.phase()).isEqualTo(StepPhase.SUCCEEDED));
      }
      var patches = new ArrayList<RecordedRequest>();
      RecordedRequest r;
      while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
        if (r.getMethod().equals("PATCH")) {
          patches.add(r);
        }
      }
      assertThat(patches).hasSize(2);
      assertThat(patches)
          .allSatisfy(
              p ->
                  assertThat(p.getHeader("Content-Type"))
                      .isEqualTo("application/apply-patch+yaml"));
      var first =
          Serialization.unmarshal(
              patches.get(0).getUtf8Body(),
              io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
      assertThat(first.getMetadata().getName()).isEqualTo("express-server-v1");
      @SuppressWarnings("unchecked")
      var workload = (Map<String, Object>) first.getAdditionalProperties().get("spec");
      assertThat(workload.toString()).contains("Deployment").contains("oamdev/hello-world:v1");
    } finally {
      server.destroy();
    }
  }
}
