package io.vela4j.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.ComponentDefinition;
import io.vela4j.model.oam.TraitDefinition;
import io.vela4j.render.Definition;
import io.vela4j.render.RenderException;
import org.junit.jupiter.api.Test;

/** KubeVela's {@code vela def} file format. */
class DefinitionFileTest {

  static final String TRAIT =
      """
      import (
      	"strings"
      )

      // a comment before the definition block
      "my-labels": {
      	type:        "trait"
      	description: "Adds \\"labels\\"; see {docs}"
      	alias:       "ml"
      	labels: {"ui-hidden": "true"}
      	attributes: {
      		podDisruptive: true
      		appliesToWorkloads: ["deployments.apps"]
      		workloadRefPath: "spec.workloadRef"
      		status: healthPolicy: #\"\"\"
      			isHealth: true
      			\"\"\"#
      	}
      }
      template: {
      	patch: metadata: labels: {for k, v in parameter {"\\(k)": strings.ToLower(v)}}
      	parameter: [string]: string
      }
      """;

  @Test
  void theMetadataBecomesTheObjectAndTheTemplateKeepsItsImports() {
    Definition d = DefinitionFile.read("my-labels.cue", TRAIT);
    assertThat(d.kind()).isEqualTo(Definition.Kind.TRAIT);
    assertThat(d.name()).isEqualTo("my-labels");
    assertThat(d.location().line()).isEqualTo(6);
    assertThat(d.description()).isEqualTo("Adds \"labels\"; see {docs}");
    TraitDefinition t = (TraitDefinition) d.object();
    assertThat(t.getMetadata().getAnnotations()).containsEntry("definition.oam.dev/alias", "ml");
    assertThat(t.getMetadata().getLabels()).containsEntry("ui-hidden", "true");
    assertThat(t.getSpec().podDisruptive()).isTrue();
    assertThat(t.getSpec().workloadRefPath()).isEqualTo("spec.workloadRef");
    assertThat(t.getSpec().status().healthPolicy()).contains("isHealth: true");
    String stored = t.getSpec().schematic().cue().template();
    assertThat(stored).startsWith("import (\n\t\"strings\"\n)\n\npatch: metadata: labels:");
    // the compiled text keeps every character where it was: line 21 is the patch
    assertThat(d.cueTemplate().lines().toList().get(20)).contains("patch: metadata: labels:");
    assertThat(d.cueTemplate()).doesNotContain("my-labels");
  }

  @Test
  void aDefinitionFileRendersThroughTheRegistry() {
    var registry =
        io.vela4j.render.DefinitionRegistry.builder().load("my-labels.cue", TRAIT).build();
    var def = registry.find(Definition.Kind.TRAIT, "my-labels").orElseThrow();
    var out =
        registry
            .template(def)
            .orElseThrow()
            .evaluate(Json.object().put("Team", "WEB"), Json.object());
    assertThat(out.patch().value().at("/metadata/labels/Team").asText()).isEqualTo("web");
  }

  @Test
  void aComponentWithoutWorkloadAttributeAutodetects() {
    Definition d =
        DefinitionFile.read(
            "c.cue",
            """
            c: {type: "component"}
            template: output: {apiVersion: "v1", kind: "ConfigMap"}
            """);
    assertThat(((ComponentDefinition) d.object()).getSpec().workload().type())
        .isEqualTo("autodetects.core.oam.dev");
  }

  @Test
  void malformedFilesAreLocated() {
    assertThatThrownBy(() -> DefinitionFile.read("x.cue", "x: {type: \"trait\"}\n"))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              Diagnostic d = e.diagnostics().get(0);
              assertThat(d.code()).isEqualTo(RenderException.INVALID_DEFINITION);
              assertThat(d.message()).contains("no template");
              assertThat(d.line()).isEqualTo(1);
            });
    assertThatThrownBy(() -> DefinitionFile.read("y.cue", "y: {type: \"gadget\"}\ntemplate: {}\n"))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> assertThat(e.diagnostics().get(0).actual()).isEqualTo("gadget"));
    assertThatThrownBy(
            () ->
                DefinitionFile.read("z.cue", "z: {type: \"trait\"}\ntemplate: {\n\ta: \"open\n}\n"))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.diagnostics().get(0).message()).contains("unterminated string");
              assertThat(e.diagnostics().get(0).line()).isEqualTo(3);
            });
  }

  @Test
  void theCatalogueLoadsFromItsIndex() {
    var defs = DefinitionSources.catalogue();
    assertThat(defs).hasSize(41);
    assertThat(defs).allSatisfy(d -> assertThat(d.cueTemplate()).isNotBlank());
  }

  @Test
  void aWorkflowStepImportingKubeVelaPackagesLoadsAndIsLeftToTheWorkflowEngine() {
    String text =
        """
        import (
        	"vela/op"
        )

        "apply-it": {
        	type:        "workflow-step"
        	description: "Applies an object."
        	attributes: {}
        }
        template: {
        	apply: op.#Apply & {value: parameter.value}
        	parameter: value: {...}
        }
        """;
    Definition d = DefinitionFile.read("apply-it.cue", text);
    assertThat(d.kind()).isEqualTo(Definition.Kind.WORKFLOW_STEP);
    assertThat(d.description()).isEqualTo("Applies an object.");
    assertThat(d.cueTemplate()).contains("\"vela/op\"").contains("op.#Apply");
    var registry = io.vela4j.render.DefinitionRegistry.builder().load("apply-it.cue", text).build();
    var found = registry.find(Definition.Kind.WORKFLOW_STEP, "apply-it").orElseThrow();
    assertThat(registry.template(found)).isEmpty(); // vela-workflow compiles and runs it
  }
}
