package io.vela4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vela4j.dispatch.files.ManifestFiles;
import io.vela4j.dispatch.files.PlacementFile;
import io.vela4j.dispatch.files.PlanWriter;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesFormatTest {

  static List<Diagnostic> errors(Runnable r) {
    try {
      r.run();
    } catch (DispatchException e) {
      return e.diagnostics();
    }
    throw new AssertionError("no DispatchException");
  }

  @Test
  void placementErrorsAreAllReportedWithLineColumnPathExpectedAndFound() {
    String yaml =
        String.join(
            "\n",
            "bundle: Shop",
            "clusters:",
            "- name: eu-1",
            "  replicas: -2",
            "  overrides:",
            "  - image: {component: Digest, value: x}",
            "  - labels: {add: {a: 1}}",
            "  - jsonPatch: [{op: move, path: /a}]",
            "- name: eu-1",
            "policy:",
            "  conflict: Ignore",
            "  colour: red",
            "");
    List<Diagnostic> ds = errors(() -> PlacementFile.parse(yaml, "p.yaml"));
    assertThat(ds).allMatch(d -> "p.yaml".equals(d.source()) && d.line() > 0 && d.column() > 0);
    assertThat(ds)
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::line)
        .contains(
            org.assertj.core.groups.Tuple.tuple("BAD_BUNDLE_ID", "bundle", 1),
            org.assertj.core.groups.Tuple.tuple("BAD_TYPE", "clusters[0].replicas", 4),
            org.assertj.core.groups.Tuple.tuple(
                "BAD_VALUE", "clusters[0].overrides[0].image.component", 6),
            org.assertj.core.groups.Tuple.tuple(
                "BAD_TYPE", "clusters[0].overrides[1].labels.add.a", 7),
            org.assertj.core.groups.Tuple.tuple(
                "BAD_VALUE", "clusters[0].overrides[2].jsonPatch[0].op", 8),
            org.assertj.core.groups.Tuple.tuple("DUPLICATE_CLUSTER", "clusters[1].name", 9),
            org.assertj.core.groups.Tuple.tuple("BAD_VALUE", "policy.conflict", 11),
            org.assertj.core.groups.Tuple.tuple("UNKNOWN_FIELD", "policy.colour", 12));
    Diagnostic conflict =
        ds.stream().filter(d -> "policy.conflict".equals(d.path())).findFirst().orElseThrow();
    assertThat(conflict.expected()).isEqualTo("Abort|Overwrite");
    assertThat(conflict.actual()).isEqualTo("Ignore");
    assertThat(conflict.format()).startsWith("p.yaml:11:");
  }

  @Test
  void placementFormatOfTheIssueIsAccepted() {
    PlacementFile pf = PlacementFile.parse(Fixtures.resource("dispatch/placement.yaml"), "p.yaml");
    assertThat(pf.bundle()).isEqualTo("shop");
    assertThat(pf.revision()).isEqualTo("7");
    assertThat(pf.placement().clusters())
        .extracting(ClusterAssignment::name)
        .containsExactly("eu-1", "us-1", "ap-1");
    assertThat(pf.placement().clusters().get(0).replicas()).isEqualTo(3);
    assertThat(pf.placement().clusters().get(0).overrides().get(0))
        .isEqualTo(
            new Override.Image(
                Override.ImageComponent.TAG,
                Override.Operator.REPLACE,
                "1.1",
                ResourceSelector.of("Deployment", "web")));
    assertThat(pf.policy().conflict()).isEqualTo(DispatchPolicy.Conflict.OVERWRITE);
    assertThat(pf.policy().feedback()).hasSize(2);
    assertThat(pf.policy().inventoryNamespace()).isEqualTo("shop");
  }

  @Test
  void manifestsGetTheDefaultNamespaceExceptClusterScopedKindsAndListsAreFlattened() {
    String yaml =
        String.join(
            "\n",
            "# comment",
            "apiVersion: v1",
            "kind: List",
            "items:",
            "- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}",
            "- {apiVersion: v1, kind: Namespace, metadata: {name: n}}",
            "---",
            "---",
            "apiVersion: example.com/v1",
            "kind: Thing",
            "metadata: {name: t}",
            "");
    List<Manifest> ms = ManifestFiles.read(yaml, "m.yaml", "shop", ResourceScopes.builtin());
    assertThat(ms)
        .extracting(m -> m.key().display())
        .containsExactly("v1 ConfigMap shop/a", "v1 Namespace n", "example.com/v1 Thing shop/t");
  }

  @Test
  void manifestErrorsPointAtTheDocument() {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n---\n- just\n- a list\n";
    List<Diagnostic> ds =
        errors(() -> ManifestFiles.read(yaml, "m.yaml", null, ResourceScopes.builtin()));
    assertThat(ds)
        .extracting(Diagnostic::code, Diagnostic::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("NOT_AN_OBJECT", 9),
            org.assertj.core.groups.Tuple.tuple("MISSING_NAME", 7));
    assertThat(
            errors(() -> ManifestFiles.read("a: [b\n", "x.yaml", null, ResourceScopes.builtin())))
        .extracting(Diagnostic::code)
        .containsExactly("YAML_SYNTAX");
  }

  @Test
  void writtenYamlReadsBackToTheSameObjects() throws Exception {
    DispatchPlan plan = Dispatchers.discover().get("ocm").plan(Fixtures.exampleRequest());
    var yaml = new YAMLMapper();
    var json = new ObjectMapper();
    var files = PlanWriter.files(plan);
    assertThat(files).containsOnlyKeys("control-plane.yaml");
    var docs =
        yaml.readerFor(com.fasterxml.jackson.databind.JsonNode.class)
            .readValues(files.get("control-plane.yaml"))
            .readAll();
    assertThat(docs).hasSize(plan.deliveries().size());
    for (int i = 0; i < docs.size(); i++) {
      assertThat(json.writeValueAsString(docs.get(i))).isEqualTo(plan.deliveries().get(i).json());
    }
  }

  @Test
  void writingToADirectoryReplacesAnEarlierPlanAndLeavesOtherFilesAlone(@TempDir Path dir)
      throws Exception {
    DispatchPlan plan = Dispatchers.discover().get("direct").plan(Fixtures.exampleRequest());
    Files.writeString(dir.resolve("cluster-gone.yaml"), "stale");
    Files.writeString(dir.resolve("control-plane.yaml"), "stale");
    Files.writeString(dir.resolve("notes.txt"), "mine");

    List<Path> removed = PlanWriter.write(plan, dir.resolve("."));

    assertThat(removed)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("cluster-gone.yaml", "control-plane.yaml");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyElementsOf(
              java.util.stream.Stream.concat(
                      PlanWriter.files(plan).keySet().stream(),
                      java.util.stream.Stream.of("notes.txt"))
                  .sorted()
                  .toList());
    }
    for (var e : PlanWriter.files(plan).entrySet()) {
      assertThat(dir.resolve(e.getKey())).hasContent(e.getValue());
    }
  }

  @Test
  void unknownDispatcherAndDuplicateManifestsAreTypedErrors() {
    assertThatThrownBy(() -> Dispatchers.discover().get("argo"))
        .isInstanceOf(DispatchException.class)
        .hasMessageContaining("direct, karmada, ocm");
    String dup =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n";
    var ms = ManifestFiles.read(dup, "m.yaml", null, ResourceScopes.builtin());
    PlacementFile pf = PlacementFile.parse("bundle: b\nclusters: [{name: c}]\n", "p.yaml");
    assertThat(errors(() -> pf.request(ms, ResourceScopes.builtin())))
        .extracting(Diagnostic::code)
        .containsExactly("DUPLICATE_KEY");
  }

  @Test
  void duplicateKeysInYamlAreErrorsNotSilentlyOverwritten() {
    List<Diagnostic> ds =
        errors(
            () -> PlacementFile.parse("bundle: a\nclusters: [{name: c}]\nbundle: b\n", "p.yaml"));
    assertThat(ds)
        .extracting(Diagnostic::code, Diagnostic::source, Diagnostic::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("DUPLICATE_KEY", "p.yaml", 3));
  }

  @Test
  void yamlAnchorsAliasesAndMergeKeysResolveInsteadOfBecomingStrings() {
    String yaml =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: ConfigMap",
            "metadata:",
            "  name: a",
            "  labels: &common {app: web, tier: front}",
            "  annotations:",
            "    <<: *common",
            "    tier: back",
            "data:",
            "  copy: hello",
            "");
    Manifest m = ManifestFiles.read(yaml, "m.yaml", "ns", ResourceScopes.builtin()).get(0);
    assertThat(m.body().at("/metadata/annotations").toString())
        .isEqualTo("{\"app\":\"web\",\"tier\":\"back\"}");
    // Jackson does not report anchors on scalars, so an alias to one is an error, never the
    // alias name silently taken as the value.
    assertThat(
            errors(
                () ->
                    ManifestFiles.read(
                        "a: &v x\nb: *v\n", "m.yaml", null, ResourceScopes.builtin())))
        .extracting(Diagnostic::code, Diagnostic::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("UNKNOWN_ALIAS", 2));
    assertThat(
            errors(
                () -> ManifestFiles.read("a: *nope\n", "m.yaml", null, ResourceScopes.builtin())))
        .extracting(Diagnostic::code)
        .containsExactly("UNKNOWN_ALIAS");
  }
}
