package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dry-run}, {@code revision}, {@code def} and rendered {@code dispatch plan}. */
class RenderCommandsTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String APPS = EXAMPLES.resolve("apps").toString();
  private static final String DEFS = EXAMPLES.resolve("definitions").toString();
  private static final String CLUSTERS = EXAMPLES.resolve("clusters.yaml").toString();

  @Test
  void dryRunPrintsEveryObjectWithKubeVelasHeaders() {
    Cli.Run r = Cli.run("dry-run", "-f", APPS + "/webservice-with-traits.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith(
            "---\n# Application(storefront) -- Component(frontend)\napiVersion: apps/v1\nkind: Deployment\n")
        .contains(
            "---\n# Application(storefront) -- Component(frontend)\n## From the trait gateway\napiVersion: networking.k8s.io/v1\nkind: Ingress\n")
        .contains("# Application(storefront) -- Component(cache)");
  }

  @Test
  void dryRunOfPlacedApplicationsNamesTheCluster() {
    Cli.Run r =
        Cli.run(
            "dry-run",
            "-f",
            APPS + "/multi-cluster-topology-override.yaml",
            "--clusters",
            CLUSTERS);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("# Application(payments) -- Component(api) -- Cluster(prod-cluster-1)")
        .contains("# Application(payments) -- Component(api) -- Cluster(us-east-1)");
  }

  @Test
  void dryRunRendersEveryExampleApplication() {
    Cli.Run r =
        Cli.run(
            "dry-run",
            "-f",
            APPS,
            "-d",
            DEFS,
            "--clusters",
            CLUSTERS,
            "--revisions",
            EXAMPLES.resolve("revisions").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("# Application(helloworld) -- Component(helloworld)")
        .contains(
            "# AppDeployment(cross-cluster-app) -- Revision(helloworld-v2) -- Component(helloworld) -- Cluster(prod-cluster-2)")
        .contains("## From the trait rollout");
  }

  @Test
  void dryRunProblemsAreLocatedAndExitOne(@TempDir Path dir) throws Exception {
    Path app = dir.resolve("bad.yaml");
    Files.writeString(
        app,
        """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: {name: bad}
        spec:
          components:
            - name: web
              type: webservice
              properties: {image: nginx}
              traits:
                - type: scaler
                  properties: {replicas: three}
        """);
    Cli.Run r = Cli.run("dry-run", "-f", app.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            app
                + ":11:34: error: spec.components[0].traits[0].properties.replicas: trait scaler of component web:");
  }

  @Test
  void revisionWritesANewRevisionThenReusesIt(@TempDir Path dir) {
    Path revs = dir.resolve("revs");
    Cli.Run first =
        Cli.run(
            "revision",
            "-f",
            APPS + "/helloworld-revision-only.yaml",
            "-d",
            DEFS,
            "--revisions",
            revs.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo("helloworld-v1\n");
    assertThat(revs.resolve("helloworld-v1.yaml")).exists();
    Cli.Run again =
        Cli.run(
            "revision",
            "-f",
            APPS + "/helloworld-revision-only.yaml",
            "-d",
            DEFS,
            "--revisions",
            revs.toString());
    assertThat(again.out()).isEqualTo("helloworld-v1\n");
    assertThat(again.err()).contains("reuses helloworld-v1");
    Cli.Run second =
        Cli.run(
            "revision",
            "-f",
            APPS + "/helloworld-revision-only-v2.yaml",
            "-d",
            DEFS,
            "--revisions",
            revs.toString());
    assertThat(second.out()).isEqualTo("helloworld-v2\n");
  }

  @Test
  void theCommittedExampleRevisionsAreWhatRevisionComputes(@TempDir Path dir) throws Exception {
    Path revs = dir.resolve("revs");
    Cli.run(
        "revision",
        "-f",
        APPS + "/helloworld-revision-only.yaml",
        "-d",
        DEFS,
        "--revisions",
        revs.toString());
    Cli.run(
        "revision",
        "-f",
        APPS + "/helloworld-revision-only-v2.yaml",
        "-d",
        DEFS,
        "--revisions",
        revs.toString());
    for (String n : new String[] {"helloworld-v1.yaml", "helloworld-v2.yaml"}) {
      assertThat(Files.readString(revs.resolve(n)))
          .as(
              "examples/revisions/%s is stale: regenerate it with ./vela4j revision (see examples/README.md)",
              n)
          .isEqualTo(Files.readString(EXAMPLES.resolve("revisions").resolve(n)));
    }
  }

  @Test
  void theRevisionToAppDeploymentToOcmPipelineWorks(@TempDir Path dir) {
    Path revs = dir.resolve("revs");
    Cli.run(
        "revision",
        "-f",
        APPS + "/helloworld-revision-only.yaml",
        "-d",
        DEFS,
        "--revisions",
        revs.toString());
    Cli.run(
        "revision",
        "-f",
        APPS + "/helloworld-revision-only-v2.yaml",
        "-d",
        DEFS,
        "--revisions",
        revs.toString());
    Cli.Run plan =
        Cli.run(
            "dispatch",
            "plan",
            "--via",
            "ocm",
            "-f",
            APPS + "/cross-cluster-app.yaml",
            "--revisions",
            revs.toString(),
            "--clusters",
            CLUSTERS);
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("kind: ManifestWork")
        .contains("namespace: prod-cluster-1")
        .contains("namespace: prod-cluster-2")
        .contains("image: oamdev/hello-world:v1")
        .contains("image: oamdev/hello-world:v2")
        .contains("replicas: 3")
        .contains("replicas: 4");
  }

  @Test
  void dispatchSkipsRevisionOnlyApplications() {
    Cli.Run plan =
        Cli.run(
            "dispatch",
            "plan",
            "--via",
            "direct",
            "-f",
            APPS + "/helloworld-revision-only.yaml",
            "-d",
            DEFS);
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.err()).contains("helloworld is revision-only");
    assertThat(plan.out()).doesNotContain("kind:");
  }

  @Test
  void dispatchOfPlainManifestsWithoutPlacementIsAnError() {
    Cli.Run plan =
        Cli.run(
            "dispatch",
            "plan",
            "--via",
            "direct",
            "-f",
            EXAMPLES.resolve("dispatch/manifests.yaml").toString());
    assertThat(plan.code()).isEqualTo(1);
    assertThat(plan.err())
        .contains("NOT_RENDERED".isEmpty() ? "" : "plain manifests need --placement");
  }

  @Test
  void defRenderShowsWhatOneDefinitionProduces(@TempDir Path dir) throws Exception {
    Path params = dir.resolve("p.yaml");
    Files.writeString(params, "replicas: 4\n");
    Cli.Run r = Cli.run("def", "render", "scaler", "-p", params.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("# patch (strategic)\nspec:\n  replicas: 4\n");
    Cli.Run list = Cli.run("def", "list");
    assertThat(list.out())
        .contains("component", "webservice", "trait", "scaler", "policy", "topology");
  }
}
