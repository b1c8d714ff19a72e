package io.vela4j.workflow;

import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The files of {@code examples/}. */
final class Examples {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Examples() {}

  static Path root() {
    String dir = System.getProperty("vela4j.root.dir");
    Path p = dir == null ? Path.of("..") : Path.of(dir);
    return p.resolve("examples");
  }

  static Renderer renderer() {
    DefinitionRegistry registry =
        DefinitionRegistry.builder()
            .catalogue()
            .load(root().resolve("definitions"))
            .load(root().resolve("workflow/definitions"))
            .build();
    List<Cluster> clusters =
        VelaYaml.reader().readAll(read("workflow/clusters.yaml")).stream()
            .map(Cluster.class::cast)
            .toList();
    return Renderer.builder().registry(registry).clusters(clusters).build();
  }

  static String read(String file) {
    try {
      return java.nio.file.Files.readString(root().resolve(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ParsedDocument document(String file) {
    return VelaYaml.reader().parse(root().resolve(file)).orThrow().get(0);
  }

  static Application app(String file) {
    return document(file).as(Application.class);
  }

  /** Renders and runs an example offline at {@link #T0}. */
  static WorkflowRun run(WorkflowEngine engine, String file) {
    ParsedDocument doc = document(file);
    Application app = doc.as(Application.class);
    RenderOptions ro = RenderOptions.defaults().withSourceMap(doc.sourceMap());
    RenderResult r = renderer().render(app, ro);
    return engine.run(r, WorkflowOptions.of(app).withRenderOptions(ro).withTime(T0));
  }
}
