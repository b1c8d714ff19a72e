package io.vela4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ComponentDefinition;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CodecTest {
  private static final String APP =
      "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: a\nspec:\n"
          + "  components:\n    - name: web\n      type: webservice\n      properties:\n"
          + "        replicas: 3\n        ratio: 0.5\n        big: 12345678901234567890\n";

  @Test
  void integersStayIntegersAndDecimalsStayExact() {
    var app = VelaYaml.reader().read(APP, Application.class);
    var props = app.getSpec().components().get(0).properties();
    assertThat(props.get("replicas").isInt()).isTrue();
    assertThat(props.get("ratio").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(props.get("big").bigIntegerValue().toString()).isEqualTo("12345678901234567890");
    assertThat(VelaYaml.write(app)).contains("replicas: 3").contains("big: 12345678901234567890");
  }

  @Test
  void multiDocumentAndListInputGiveOneObjectEach() {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n";
    var r = VelaYaml.reader().parse("multi.yaml", APP + "---\n" + cm + "---\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents())
        .extracting(d -> d.object().getClass().getSimpleName())
        .containsExactly("Application", "GenericKubernetesResource");
    var list =
        "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: x}\n"
            + "  - apiVersion: core.oam.dev/v1beta1\n    kind: Application\n    metadata: {name: y}\n"
            + "    spec: {components: [{name: c, type: 5}]}\n";
    var lr = VelaYaml.reader().parse("list.yaml", list);
    assertThat(lr.documents()).hasSize(1);
    assertThat(lr.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.components[0].type");
              assertThat(d.line()).isEqualTo(10);
            });
  }

  @Test
  void unknownKindsStayGenericAndRoundTrip() {
    String yaml =
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n";
    var obj = VelaYaml.reader().readAll(yaml).get(0);
    assertThat(obj).isInstanceOf(GenericKubernetesResource.class);
    assertThat(VelaYaml.write(obj)).isEqualTo(yaml);
  }

  @Test
  void writingSortsKeysAndSeparatesDocuments() {
    var objs = VelaYaml.reader().readAll(APP + "---\n" + APP.replace("name: a", "name: b"));
    String out = VelaYaml.writeAll(objs);
    assertThat(out).startsWith("apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n");
    assertThat(out.split("\n---\n")).hasSize(2);
    assertThat(out.indexOf("big:")).isLessThan(out.indexOf("ratio:"));
  }

  @Test
  void readRejectsAnotherKindWithALocatedMessage() {
    assertThatThrownBy(() -> VelaYaml.reader().read(APP, ComponentDefinition.class))
        .isInstanceOf(ReadException.class)
        .hasMessageContaining("expected a ComponentDefinition, found Application");
  }

  @Test
  void fabric8SeesTheResourceAnnotations() {
    assertThat(HasMetadata.getApiVersion(Application.class)).isEqualTo("core.oam.dev/v1beta1");
    assertThat(HasMetadata.getPlural(Application.class)).isEqualTo("applications");
    assertThat(new Application().getKind()).isEqualTo("Application");
    assertThat(VelaTypes.typeFor("core.oam.dev/v1beta1", "TraitDefinition")).isPresent();
    assertThat(VelaTypes.typeFor("core.oam.dev/v1alpha2", "TraitDefinition")).isEmpty();
  }

  @Test
  void aReaderIsSafeToShareBetweenThreads() throws Exception {
    var reader = VelaYaml.reader();
    var expected = reader.read(APP, Application.class);
    var pool = Executors.newFixedThreadPool(8);
    try {
      var futures =
          java.util.stream.IntStream.range(0, 64)
              .mapToObj(i -> pool.submit(() -> reader.read(APP, Application.class)))
              .toList();
      for (var f : futures) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void documentsThatAreNotObjectsCanBeReadAsLocatedTrees() {
    var r =
        VelaYaml.reader()
            .readTrees(
                "spec.yaml", "sourceReplicas: 10\nsteps:\n  - replicas: 20%\n    pause: MANUAL\n");
    assertThat(r.diagnostics()).isEmpty();
    var tree = r.trees().get(0);
    assertThat(tree.root().get("sourceReplicas").isInt()).isTrue();
    var loc = tree.sourceMap().locate("steps[0].pause");
    assertThat(loc.line()).isEqualTo(4);
    assertThat(loc.column()).isEqualTo(12); // the value MANUAL
    assertThat(VelaYaml.reader().readTrees("bad.yaml", "a: [1,\n").hasErrors()).isTrue();
  }

  @Test
  void theOneYamlWriterKeepsTreeOrderQuotesNumbersAndNeverFoldsLines() {
    var tree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    String longText = "word ".repeat(40).trim();
    tree.put("zeta", "3").put("alpha", longText).put("script", "a\nb\n");
    tree.putArray("list").add(1);
    assertThat(VelaYaml.writeTree(tree))
        .isEqualTo("zeta: \"3\"\nalpha: " + longText + "\nscript: |\n  a\n  b\nlist:\n- 1\n");
  }
}
