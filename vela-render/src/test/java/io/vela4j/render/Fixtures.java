package io.vela4j.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.RenderResult.RenderedObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared test inputs: applications from YAML text, the example clusters, golden files. */
final class Fixtures {
  static final Path ROOT = Path.of(System.getProperty("vela4j.root.dir", Path.of("..").toString()));
  static final Path EXAMPLES = ROOT.resolve("examples");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private Fixtures() {}

  static ParsedDocument doc(String yaml) {
    return VelaYaml.reader().parse("app.yaml", yaml).orThrow().get(0);
  }

  static Application app(String yaml) {
    return doc(yaml).as(Application.class);
  }

  /** Renders with the catalogue, locating problems in the YAML. */
  static RenderResult render(String yaml) {
    ParsedDocument d = doc(yaml);
    return Renderer.builder()
        .build()
        .render(d.as(Application.class), RenderOptions.defaults().withSourceMap(d.sourceMap()));
  }

  static List<Cluster> clusters() {
    return VelaYaml.reader().readAll(EXAMPLES.resolve("clusters.yaml")).stream()
        .map(Cluster.class::cast)
        .toList();
  }

  static RenderedObject object(RenderResult r, String kind, String name) {
    return r.objects().stream()
        .filter(o -> o.kind().equals(kind) && o.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + r.objects()));
  }

  /** The golden form of a result: every object with a comment saying where it belongs. */
  static String golden(RenderResult r) {
    var sb = new StringBuilder();
    for (RenderResult.Step s : r.steps()) {
      for (RenderResult.PlacementDecision p : s.placements()) {
        for (RenderedObject o : p.objects()) {
          sb.append("---\n# step ")
              .append(s.name())
              .append(" (")
              .append(s.type())
              .append(") cluster ")
              .append(p.cluster())
              .append(" namespace ")
              .append(p.namespace())
              .append(" component ")
              .append(o.component())
              .append(' ')
              .append(o.role());
          if (o.trait() != null) {
            sb.append(" trait ").append(o.trait());
          }
          if (o.output() != null) {
            sb.append(" output ").append(o.output());
          }
          sb.append('\n').append(VelaYaml.write(o.object()));
        }
      }
    }
    return sb.toString();
  }

  /** Golden files under src/test/resources/golden/; -Dvela4j.golden.update=true rewrites them. */
  static void assertGolden(String name, String actual) {
    Path file = GOLDEN.resolve(name);
    try {
      if (Boolean.getBoolean("vela4j.golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; run with -Dvela4j.golden.update=true", file)
          .exists();
      assertThat(actual)
          .as("golden file %s", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
