package io.vela4j.render;

import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.AppDeployment;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationRevision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every application of {@code examples/apps} rendered (with {@code examples/definitions}, the
 * example clusters and the revisions in {@code examples/revisions}) against its golden file in
 * {@code src/test/resources/golden/examples/}; {@code -Dvela4j.golden.update=true} rewrites them.
 * The goldens were reviewed by hand against KubeVela's semantics when written.
 */
class RenderGoldenTest {

  @TestFactory
  Stream<DynamicTest> everyExampleRendersAsItsGolden() throws Exception {
    Path apps = Fixtures.EXAMPLES.resolve("apps");
    var registry =
        DefinitionRegistry.builder()
            .catalogue()
            .load(Fixtures.EXAMPLES.resolve("definitions"))
            .build();
    Renderer renderer = Renderer.builder().registry(registry).clusters(Fixtures.clusters()).build();
    List<ApplicationRevision> revisions = new ArrayList<>();
    try (Stream<Path> s = Files.list(Fixtures.EXAMPLES.resolve("revisions"))) {
      for (Path p : s.sorted().toList()) {
        revisions.add(VelaYaml.reader().read(p, ApplicationRevision.class));
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> s = Files.list(apps)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String name = p.getFileName().toString().replace(".yaml", "");
        tests.add(
            DynamicTest.dynamicTest(
                name,
                () -> {
                  var sb = new StringBuilder();
                  for (ParsedDocument d : VelaYaml.reader().parse(p).orThrow()) {
                    RenderResult r;
                    if (d.object() instanceof AppDeployment ad) {
                      r = renderer.render(ad, revisions, RenderOptions.defaults());
                    } else {
                      r =
                          renderer.render(
                              d.as(Application.class),
                              RenderOptions.defaults().withSourceMap(d.sourceMap()));
                    }
                    sb.append(Fixtures.golden(r));
                  }
                  Fixtures.assertGolden("examples/" + name + ".yaml", sb.toString());
                }));
      }
    }
    return tests.stream();
  }
}
