package io.vela4j.testing;

import static io.vela4j.testing.VelaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VelaExtension.class)
@VelaDefinitions(value = "defs/", clusters = "clusters.yaml")
class VelaTestingTest {

  @Test
  void theExtensionRendersApplicationsWithTheNamedDefinitions(
      @VelaApplication("apps/shop.yaml") RenderResult shop,
      DefinitionRegistry registry,
      Renderer renderer) {
    assertThat(registry).isSameAs(renderer.registry());
    assertThat(shop).inCluster("eu-2").containsManifest("Deployment", "web").hasObjectCount(2);
    assertThat(shop).doesNotContainManifest("Deployment", "nope");
    assertThat(shop)
        .inCluster("eu-1")
        .workload("web")
        .hasReplicas(3)
        .hasImage("nginx:1.27")
        .hasLabel("app.oam.dev/component", "web")
        .hasAnnotation("stamped", "ci")
        .hasNamespace("prod")
        .hasPath("spec.template.spec.containers[0].ports[0].containerPort", 8080)
        .hasPath("metadata.labels[app.oam.dev/name]", "shop")
        .doesNotHavePath("spec.paused");
  }

  @Test
  void failuresShowThePathWhatWasExpectedWhatWasFoundAndTheYamlAround(
      @VelaApplication("apps/shop.yaml") RenderResult shop) {
    assertThatThrownBy(
            () ->
                assertThat(shop)
                    .inCluster("eu-1")
                    .manifest("Deployment", "web")
                    .hasPath("spec.template.spec.containers[0].ports[0].containerPort", 9090))
        .hasMessageContaining(
            "Deployment web: spec.template.spec.containers[0].ports[0].containerPort: expected 9090, found 8080")
        .hasMessageContaining("near:")
        .hasMessageContaining("containerPort: 8080");
    assertThatThrownBy(
            () ->
                assertThat(shop)
                    .forComponent("web")
                    .ofKind("Secret")
                    .containsManifest("Secret", "x"))
        .hasMessageContaining("Expecting a Secret named x (component web, kind Secret), but found:")
        .hasMessageContaining("(no objects)");
    assertThatThrownBy(() -> assertThat(shop).manifest("Deployment", "web"))
        .hasMessageContaining("found 2 (narrow with inCluster or forComponent)");
  }

  @Test
  void goldenFilesAreWrittenOnceThenCompared(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("g/out.txt");
    assertThatThrownBy(() -> Golden.assertMatches(file, "a\nb\n"))
        .hasMessageContaining("did not exist");
    assertThat(Files.readString(file)).isEqualTo("a\nb\n");
    Golden.assertMatches(file, "a\nb\n");
    assertThatThrownBy(() -> Golden.assertMatches(file, "a\nc\n"))
        .hasMessageContaining("rewrite it with -Dvela4j.golden.update=true")
        .hasMessageContaining("@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
  }

  @Test
  void theDiffIsUnifiedWithThreeLinesOfContextAndMergesCloseHunksAsGnuDiff() {
    String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    // five unchanged lines between the changes (at most twice the context): one hunk
    assertThat(Golden.diff(a, "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n", "x"))
        .isEqualTo(
            "--- x\n+++ actual\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n+11\n");
    var lines = new java.util.ArrayList<String>();
    for (int n = 1; n <= 20; n++) {
      lines.add(Integer.toString(n));
    }
    String before = String.join("\n", lines) + "\n";
    lines.set(1, "two");
    lines.set(18, "nineteen");
    // far apart: two hunks
    assertThat(Golden.diff(before, String.join("\n", lines) + "\n", "x"))
        .isEqualTo(
            "--- x\n+++ actual\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
  }
}
