package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.kube.ResourceScopes;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendering example of the README, kept compiling and running (from the repository root). */
class RenderReadmeTest {

  @Test
  void theReadmeRenderingExampleRuns() {
    Path root = Path.of(System.getProperty("vela4j.root.dir", ".."));
    var printed = new ArrayList<String>();
    // --- as in README.md (paths relative to the repository root)
    DefinitionRegistry registry =
        DefinitionRegistry.builder()
            .catalogue() // webservice, worker, scaler, gateway, topology, ...
            .load(root.resolve("examples/definitions")) // definition YAML or KubeVela .cue files
            .build(); // every template is compiled once, here
    List<Cluster> clusters =
        VelaYaml.reader().readAll(root.resolve("examples/clusters.yaml")).stream()
            .map(Cluster.class::cast)
            .toList();
    Renderer renderer =
        Renderer.builder().registry(registry).clusters(clusters).build(); // thread-safe
    ParsedDocument doc =
        VelaYaml.reader()
            .parse(root.resolve("examples/apps/workflow-rollout-demo.yaml"))
            .orThrow()
            .get(0);
    RenderResult result =
        renderer.render(
            doc.as(Application.class), RenderOptions.defaults().withSourceMap(doc.sourceMap()));
    for (RenderResult.Step step : result.steps()) { // dispatch-staging, dispatch-production
      for (RenderResult.PlacementDecision p :
          step.placements()) { // staging-cluster; prod-cluster-1, -2
        p.objects()
            .forEach(
                o ->
                    printed.add(step.name() + " " + p.cluster() + " " + o.kind() + " " + o.name()));
      }
    }
    List<DispatchRequest> requests =
        RenderedDispatch.requests(result, DispatchPolicy.defaults(), ResourceScopes.builtin());
    // ---
    assertThat(printed)
        .contains(
            "dispatch-staging staging-cluster CloneSet nginx-server",
            "dispatch-production prod-cluster-2 Service nginx-server");
    // staging and production differ only by cluster, so each step is one request
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).placement().clusters())
        .extracting(ClusterAssignment::name)
        .containsExactly("prod-cluster-1", "prod-cluster-2");
    assertThat(requests.get(0).bundle().id()).isEqualTo("workflow-rollout-demo-dispatch-staging");
  }
}
