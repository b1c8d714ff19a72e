package io.vela4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.oam.AppDeployment;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.Cluster;
import io.vela4j.model.schema.CrdSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExamplesTest {

  static List<Path> exampleFiles() throws IOException {
    try (Stream<Path> s = Files.walk(TestFiles.root().resolve("examples"))) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.toString().contains("/rollouts/") && !p.toString().contains("/dispatch/"))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleParsesValidatesAndRoundTrips() throws IOException {
    return exampleFiles().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    TestFiles.root().relativize(file).toString(),
                    () -> {
                      ParseResult r = VelaYaml.reader().parse(file);
                      assertThat(r.diagnostics()).as("diagnostics of %s", file).isEmpty();
                      assertThat(r.documents()).isNotEmpty();
                      for (ParsedDocument d : r.documents()) {
                        assertThat(d.object()).isNotInstanceOf(GenericKubernetesResource.class);
                        assertThat(ApplicationValidator.create().validate(d)).isEmpty();
                      }
                      List<HasMetadata> objects =
                          r.documents().stream().map(ParsedDocument::object).toList();
                      String yaml = VelaYaml.writeAll(objects);
                      assertThat(VelaYaml.reader().readAll(yaml)).isEqualTo(objects);
                      assertThat(VelaYaml.writeAll(VelaYaml.reader().readAll(yaml)))
                          .isEqualTo(yaml);
                      String json = VelaJson.writeAll(objects);
                      assertThat(VelaJson.reader().readAll(json)).isEqualTo(objects);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesTheKubeVelaCrdSchema() throws IOException {
    Path crds = TestFiles.shared().resolve("crds/kubevela");
    assumeTrue(Files.isDirectory(crds), "no CRD folder at " + crds + ": schema check skipped");
    CrdSchemas schemas = CrdSchemas.load(crds);
    return exampleFiles().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    TestFiles.root().relativize(file).toString(),
                    () -> {
                      for (ParsedDocument d : VelaYaml.reader().parse(file).orThrow()) {
                        String api = d.object().getApiVersion();
                        if (schemas.schemaFor(api, d.object().getKind()).isEmpty()) {
                          continue; // AppDeployment and Cluster have no CRD in the KubeVela chart
                        }
                        var written = Codec.sortedTree(d.object());
                        assertThat(schemas.validate(written))
                            .as("%s %s", d.object().getKind(), d.object().getMetadata().getName())
                            .isEmpty();
                      }
                    }));
  }

  @Test
  void theWalkthroughObjectsHaveTheExpectedShape() {
    Path apps = TestFiles.root().resolve("examples/apps");
    var helloworld =
        VelaYaml.reader().read(apps.resolve("helloworld-revision-only.yaml"), Application.class);
    assertThat(helloworld.getMetadata().getAnnotations())
        .containsEntry("app.oam.dev/revision-only", "true");
    assertThat(helloworld.getSpec().components().get(0).type()).isEqualTo("cloneset");
    assertThat(helloworld.getSpec().components().get(0).traits().get(0).type()).isEqualTo("expose");

    var deployment =
        VelaYaml.reader().read(apps.resolve("cross-cluster-app.yaml"), AppDeployment.class);
    assertThat(deployment.getMetadata().getName()).isEqualTo("cross-cluster-app");
    var revisions = deployment.getSpec().appRevisions();
    assertThat(revisions)
        .extracting(r -> r.revisionName())
        .containsExactly("helloworld-v1", "helloworld-v2");
    assertThat(revisions.get(0).placement().get(0).clusterSelector().name())
        .isEqualTo("prod-cluster-1");
    assertThat(revisions.get(0).placement().get(0).distribution().replicas()).isEqualTo(3);
    assertThat(revisions.get(1).placement().get(0).clusterSelector().name())
        .isEqualTo("prod-cluster-2");
    assertThat(revisions.get(1).placement().get(0).distribution().replicas()).isEqualTo(4);

    var rollout =
        VelaYaml.reader().read(apps.resolve("workflow-rollout-demo.yaml"), Application.class);
    assertThat(rollout.getSpec().components().get(0).traits())
        .extracting(t -> t.type())
        .contains("rollout");
    assertThat(rollout.getSpec().workflow().steps()).extracting(s -> s.type()).contains("deploy");

    var clusters = VelaYaml.reader().readAll(TestFiles.root().resolve("examples/clusters.yaml"));
    assertThat(clusters).allMatch(c -> c instanceof Cluster).hasSizeGreaterThanOrEqualTo(3);
  }
}
