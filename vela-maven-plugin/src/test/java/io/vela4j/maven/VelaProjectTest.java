package io.vela4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.dispatch.DispatchException;
import io.vela4j.model.ApplicationValidator;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.DryRunWriter;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals' logic without Maven: what is read, checked, rendered and planned, and where. */
class VelaProjectTest {
  private static final Path EXAMPLES =
      Path.of(System.getProperty("vela4j.root.dir", "..")).resolve("examples");

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private VelaProject read(List<Path> definitions, @Nullable Path clusters) throws Exception {
    return VelaProject.read(
        new VelaProject.Inputs(
            List.of(dir.resolve("src/main/vela")),
            definitions,
            clusters,
            RenderOptions.DEFAULT_CLUSTER_VERSION));
  }

  private static List<Diagnostic> validate(VelaProject p) {
    return p.validate(ValidateMojo.applicationValidator(p.registry()));
  }

  @Test
  void theWalkthroughApplicationRendersAsTheLibraryRendersIt() throws Exception {
    Path app =
        write(
            "src/main/vela/demo.yaml",
            Files.readString(EXAMPLES.resolve("apps/workflow-rollout-demo.yaml")));
    Path clusters = EXAMPLES.resolve("clusters.yaml");

    VelaProject p = read(List.of(EXAMPLES.resolve("definitions")), clusters);

    assertThat(validate(p)).isEmpty();
    VelaProject.Renders renders = p.render();
    assertThat(renders.diagnostics()).isEmpty();
    assertThat(renders.rendered()).hasSize(1);
    ParsedDocument doc = VelaYaml.reader().parse(app).orThrow().get(0);
    var renderer =
        Renderer.builder()
            .registry(
                DefinitionRegistry.builder()
                    .catalogue()
                    .load(EXAMPLES.resolve("definitions"))
                    .build())
            .clusters(
                VelaYaml.reader().readAll(clusters).stream().map(Cluster.class::cast).toList())
            .build();
    String expected =
        DryRunWriter.write(
            renderer.render(
                doc.as(Application.class),
                RenderOptions.defaults().withSourceMap(doc.sourceMap())));
    assertThat(DryRunWriter.write(renders.rendered().get(0).result())).isEqualTo(expected);
  }

  @Test
  void definitionsAmongTheSourcesAreUsedAndWinOverTheCatalogue() throws Exception {
    write(
        "src/main/vela/definitions/cache.yaml",
        """
        apiVersion: core.oam.dev/v1beta1
        kind: ComponentDefinition
        metadata: {name: cache}
        spec:
          workload: {definition: {apiVersion: v1, kind: ConfigMap}}
          schematic:
            cue:
              template: |
                parameter: {size: *"1Gi" | string}
                output: {apiVersion: "v1", kind: "ConfigMap", data: {size: parameter.size}}
        """);
    write(
        "src/main/vela/app.yaml",
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: {name: shop}
        spec:
          components:
            - {name: sessions, type: cache, properties: {size: 2Gi}}
        """);

    VelaProject p = read(List.of(), null);

    assertThat(validate(p)).isEmpty();
    assertThat(DryRunWriter.write(p.render().rendered().get(0).result()))
        .startsWith("---\n# Application(shop) -- Component(sessions)\napiVersion: v1\n")
        .contains("size: 2Gi");
  }

  @Test
  void everyProblemIsLocatedInTheFileThatIsWrong() throws Exception {
    Path broken =
        write(
            "src/main/vela/apps/broken.yaml",
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: broken}
            spec:
              components:
                - name: web
                  type: webservice
                  properties: {image: nginx}
              workflow:
                steps:
                  - name: wait
                    type: suspend
                    timeout: 5 minutes
            """);
    Path wrongProperty =
        write(
            "src/main/vela/apps/scaled.yaml",
            """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: scaled}
            spec:
              components:
                - name: web
                  type: webservice
                  properties: {image: nginx}
                  traits:
                    - type: scaler
                      properties:
                        replicas: three
            """);
    Path template =
        write(
            "src/main/vela/defs/bad.cue",
            """
            "bad": {
            	type: "trait"
            	attributes: {}
            }
            template: {
            	patch: spec: replicas: parameter.replicas +
            }
            """);

    List<Diagnostic> found = validate(read(List.of(), null));

    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::source, Diagnostic::path)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "INVALID_DURATION", broken.toString(), "spec.workflow.steps[0].timeout"));
    Diagnostic timeout =
        found.stream().filter(d -> d.code().equals("INVALID_DURATION")).findFirst().orElseThrow();
    assertThat(timeout.line()).isEqualTo(13);
    assertThat(timeout.column()).isEqualTo(18);
    assertThat(found.stream().filter(d -> d.source() != null && d.source().endsWith("bad.cue")))
        .isNotEmpty()
        .allMatch(Diagnostic::isError);
    // the registry did not build, so nothing was rendered; the render errors come once it does
    Files.delete(template);
    found = validate(read(List.of(), null));
    Diagnostic replicas =
        found.stream()
            .filter(d -> wrongProperty.toString().equals(d.source()))
            .findFirst()
            .orElseThrow();
    assertThat(replicas.code()).isEqualTo(RenderException.TEMPLATE_ERROR);
    assertThat(replicas.path()).isEqualTo("spec.components[0].traits[0].properties.replicas");
    assertThat(replicas.line()).isEqualTo(12);
    assertThat(DiagnosticLines.format(replicas))
        .startsWith(
            wrongProperty
                + ":12:"
                + replicas.column()
                + ": spec.components[0].traits[0].properties.replicas: ");
  }

  @Test
  void anApplicationThatBreaksKubeVelasRulesIsNotRenderedToo() throws Exception {
    write(
        "src/main/vela/app.yaml",
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: {name: loop}
        spec:
          components:
            - {name: a, type: webservice, properties: {image: x}, dependsOn: [b]}
            - {name: b, type: nope, properties: {image: x}, dependsOn: [a]}
        """);

    List<Diagnostic> found = validate(read(List.of(), null));

    assertThat(found).extracting(Diagnostic::code).containsExactly("DEPENDS_ON_CYCLE");
    // vela:render does not run KubeVela's rules, only the render
    assertThat(read(List.of(), null).render().diagnostics())
        .extracting(Diagnostic::code)
        .contains(RenderException.UNKNOWN_DEFINITION);
  }

  @Test
  void twoApplicationsWithOneNameCannotBeWrittenToOneFile() throws Exception {
    String app =
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: {name: shop, namespace: %s}
        spec:
          components: [{name: web, type: webservice, properties: {image: nginx}}]
        """;
    write("src/main/vela/a.yaml", app.formatted("staging"));
    Path second = write("src/main/vela/b.yaml", app.formatted("prod"));

    VelaProject.Renders r = read(List.of(), null).render();

    assertThat(r.rendered()).hasSize(1);
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(VelaProject.DUPLICATE_APPLICATION);
              assertThat(d.source()).isEqualTo(second.toString());
              assertThat(d.line()).isEqualTo(3);
            });
  }

  @Test
  void warningsAreReportedWithoutStoppingAnything() throws Exception {
    write(
        "src/main/vela/app.yaml",
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: {name: shop}
        spec:
          components:
            - {name: web, type: webservice, properties: {image: nginx}, typo: 1}
        """);

    VelaProject p = read(List.of(), null);

    assertThat(validate(p))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
              assertThat(d.path()).isEqualTo("spec.components[0].typo");
            });
    assertThat(p.render().rendered()).hasSize(1);
  }

  @Test
  void plansTheRendersWithTheNamedDispatcherAndSkipsRevisionOnlyApplications() throws Exception {
    write(
        "src/main/vela/app.yaml",
        Files.readString(EXAMPLES.resolve("apps/workflow-rollout-demo.yaml")));
    write(
        "src/main/vela/revision-only.yaml",
        Files.readString(EXAMPLES.resolve("apps/helloworld-revision-only.yaml")));
    VelaProject p =
        read(List.of(EXAMPLES.resolve("definitions")), EXAMPLES.resolve("clusters.yaml"));
    VelaProject.Renders r = p.render();
    assertThat(r.diagnostics()).noneMatch(Diagnostic::isError);

    VelaProject.Planned planned = VelaProject.plan(r.rendered(), "ocm");

    assertThat(planned.revisionOnly()).containsExactly("helloworld");
    assertThat(planned.plan().dispatcher()).isEqualTo("ocm");
    assertThat(planned.plan().targets()).extracting(t -> t.display()).contains("control-plane");
    assertThatThrownBy(() -> VelaProject.plan(r.rendered(), "carrier-pigeon"))
        .isInstanceOfSatisfying(
            DispatchException.class,
            e -> assertThat(e.diagnostics().get(0).code()).isEqualTo("UNKNOWN_DISPATCHER"));
  }

  @Test
  void missingSourceRootsAndClustersFileAreReportedNotThrown() throws Exception {
    VelaProject p = read(List.of(), dir.resolve("clusters.yaml"));

    assertThat(p.files()).isEmpty();
    assertThat(p.readDiagnostics()).extracting(Diagnostic::code).containsExactly("IO_ERROR");
    assertThat(ValidateMojo.applicationValidator(null)).isInstanceOf(ApplicationValidator.class);
  }

  @Test
  void aDiagnosticLineIsFileLineColumnPathMessageWithoutTheSeverity() {
    var d =
        new Diagnostic(
            Diagnostic.Severity.ERROR,
            "X",
            "label values must be strings",
            "/p/app.yaml",
            6,
            15,
            "metadata.labels.replicas",
            "string",
            "integer");

    assertThat(DiagnosticLines.format(d))
        .isEqualTo(
            "/p/app.yaml:6:15: metadata.labels.replicas: label values must be strings"
                + " (expected string, found integer)");
    assertThat(DiagnosticLines.format(Diagnostic.warning("W", "no file", null)))
        .isEqualTo("no file");
  }
}
