package io.vela4j.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.Renderer;
import io.vela4j.workflow.spi.WorkflowProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds applications, step definitions and engines for tests. */
final class Fixture {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final ObjectMapper YAML = new YAMLMapper();

  private final DefinitionRegistry.Builder registry = DefinitionRegistry.builder().catalogue();
  private final List<String> clusters = new ArrayList<>();
  private WorkflowProvider provider;
  private final List<String> events = new ArrayList<>();

  /** Adds a step definition in KubeVela's .cue format. */
  Fixture step(String name, String template) {
    String text =
        "\""
            + name
            + "\": {\n\ttype: \"workflow-step\"\n\tattributes: {}\n}\ntemplate: {\n"
            + template
            + "\n}\n";
    registry.load(name + ".cue", imports(template) + text);
    return this;
  }

  private static String imports(String template) {
    var sb = new StringBuilder();
    for (String p : List.of("op", "kube", "builtin", "util")) {
      if (template.contains(p + ".#")) {
        sb.append("import \"vela/").append(p).append("\"\n");
      }
    }
    return sb.toString();
  }

  Fixture clusters(String... names) {
    clusters.addAll(List.of(names));
    return this;
  }

  Fixture provider(WorkflowProvider p) {
    this.provider = p;
    return this;
  }

  /** Events the listener saw: {@code start:<step>} and {@code <step>=<phase>}. */
  List<String> events() {
    return events;
  }

  Renderer renderer() {
    var b = Renderer.builder().registry(registry.build());
    if (!clusters.isEmpty()) {
      var cs = new ArrayList<Cluster>();
      for (String c : clusters) {
        cs.add(
            (Cluster)
                VelaYaml.reader()
                    .readAll(
                        "apiVersion: cluster.core.oam.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: "
                            + c
                            + "\nspec:\n  endpoint: https://"
                            + c
                            + ".example.com\n")
                    .get(0));
      }
      b.clusters(cs);
    }
    return b.build();
  }

  WorkflowEngine engine() {
    var b =
        WorkflowEngine.builder()
            .renderer(renderer())
            .listener(
                new WorkflowListener() {
                  @Override
                  public void stepStarted(String name, String type) {
                    events.add("start:" + name);
                  }

                  @Override
                  public void stepFinished(StepStatus status) {
                    events.add(status.name() + "=" + status.phase().label());
                  }
                });
    if (provider != null) {
      b.provider(provider);
    }
    return b.build();
  }

  /** An application from YAML (with {@code apiVersion}, {@code kind} and metadata added). */
  static Application app(String specYaml) {
    String text =
        "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: app\n  namespace: default\nspec:\n"
            + specYaml.indent(2);
    ParsedDocument d = VelaYaml.reader().parse("app.yaml", text).orThrow().get(0);
    return d.as(Application.class);
  }

  /** Runs an application offline at {@link #T0}. */
  WorkflowRun run(Application app) {
    return run(app, ClusterState.empty());
  }

  WorkflowRun run(Application app, ClusterState state) {
    WorkflowEngine e = engine();
    Renderer r = renderer();
    return e.run(
        r.render(app, RenderOptions.defaults()),
        WorkflowOptions.of(app).withTime(T0).withState(state));
  }

  WorkflowRun resume(WorkflowRun run, ClusterState state) {
    return engine().resume(run, state);
  }

  static ObjectNode object(String yaml) {
    try {
      return (ObjectNode) YAML.readTree(yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ClusterState state(String yaml) {
    try {
      JsonNode t = YAML.readTree(yaml);
      return ClusterState.of(t);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> plan(WorkflowRun run, DeliveryTarget t) {
    return run.plan().getOrDefault(t, List.of()).stream()
        .map(
            o ->
                o.path("kind").asText()
                    + "/"
                    + o.path("metadata").path("namespace").asText("")
                    + "/"
                    + o.path("metadata").path("name").asText())
        .toList();
  }

  static DeliveryTarget hub() {
    return DeliveryTarget.CONTROL_PLANE;
  }

  static DeliveryTarget cluster(String name) {
    return DeliveryTarget.cluster(name);
  }
}
