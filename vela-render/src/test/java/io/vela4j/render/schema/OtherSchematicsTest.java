package io.vela4j.render.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.ApplicationValidator;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.PropertySchemas;
import io.vela4j.model.VelaYaml;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.ParameterSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameter schemas of what is not a catalogue CUE template: a {@code kube} schematic, a {@code
 * helm} one (no parameter description: nothing is checked), and how {@link ParameterSchema#lookup}
 * finds types.
 */
class OtherSchematicsTest {
  private static final String DEFS =
      """
      apiVersion: core.oam.dev/v1beta1
      kind: ComponentDefinition
      metadata: {name: kube-worker}
      spec:
        workload: {definition: {apiVersion: apps/v1, kind: Deployment}}
        schematic:
          kube:
            template: {apiVersion: apps/v1, kind: Deployment}
            parameters:
              - {name: image, required: true, type: string, description: The image,
                 fieldPaths: ["spec.template.spec.containers[0].image"]}
              - {name: port, type: number, fieldPaths: ["spec.template.spec.containers[0].ports[0].containerPort"]}
      ---
      apiVersion: core.oam.dev/v1beta1
      kind: ComponentDefinition
      metadata: {name: chart}
      spec:
        workload: {definition: {apiVersion: apps/v1, kind: Deployment}}
        schematic:
          helm: {release: {chart: {spec: {chart: podinfo}}}}
      """;

  private static final DefinitionRegistry REGISTRY =
      DefinitionRegistry.builder().catalogue().load("defs.yaml", DEFS).build();

  @Test
  void aKubeSchematicsParametersAreTypedRequiredDescribedAndClosed() {
    Definition d = REGISTRY.find(Definition.Kind.COMPONENT, "kube-worker").orElseThrow();
    ParameterSchema s = ParameterSchema.of(d);
    assertThat(s.known()).isTrue();
    ObjectNode json = s.json();
    assertThat(json.path("$schema").asText()).isEqualTo(ParameterSchema.DIALECT);
    assertThat(json.at("/properties/image/type").asText()).isEqualTo("string");
    assertThat(json.at("/properties/image/description").asText()).isEqualTo("The image");
    assertThat(json.at("/properties/port/type").asText()).isEqualTo("number");
    assertThat(json.at("/properties/port/description").asText())
        .isEqualTo(
            "The value will be applied to fields:"
                + " [spec.template.spec.containers[0].ports[0].containerPort].");
    assertThat(json.at("/required").toString()).isEqualTo("[\"image\"]");
    assertThat(json.path("additionalProperties").asBoolean(true)).isFalse();
    // json() is a copy: changing it changes nothing
    json.put("type", "string");
    assertThat(s.json().path("type").asText()).isEqualTo("object");
  }

  @Test
  void aHelmSchematicHasTheEmptySchemaAndIsNotChecked() {
    Definition d = REGISTRY.find(Definition.Kind.COMPONENT, "chart").orElseThrow();
    ParameterSchema s = ParameterSchema.of(d);
    assertThat(s.known()).isFalse();
    assertThat(s.json().size()).isEqualTo(1);
    PropertySchemas lookup = ParameterSchema.lookup(REGISTRY);
    assertThat(lookup.schema(PropertySchemas.Kind.COMPONENT, "chart")).isEmpty();
    assertThat(lookup.schema(PropertySchemas.Kind.COMPONENT, "no-such-type")).isEmpty();
    // a name is looked up in its own kind only
    assertThat(lookup.schema(PropertySchemas.Kind.TRAIT, "webservice")).isEmpty();
    assertThat(lookup.schema(PropertySchemas.Kind.TRAIT, "scaler")).isPresent();
  }

  @Test
  void kubeParametersAreCheckedAtTheirLines() {
    var doc =
        VelaYaml.reader()
            .parse(
                "app.yaml",
                """
                apiVersion: core.oam.dev/v1beta1
                kind: Application
                metadata: {name: a}
                spec:
                  components:
                    - name: k
                      type: kube-worker
                      properties:
                        port: "80"
                        replicas: 2
                    - name: h
                      type: chart
                      properties: {anything: [1, 2]}
                """)
            .orThrow()
            .get(0);
    List<Diagnostic> found =
        ApplicationValidator.create()
            .withPropertySchemas(ParameterSchema.lookup(REGISTRY))
            .validate(doc);
    assertThat(found)
        .extracting(Diagnostic::severity, Diagnostic::path, Diagnostic::line, Diagnostic::column)
        .containsExactlyInAnyOrder(
            tuple(Diagnostic.Severity.ERROR, "spec.components[0].properties.image", 8, 7),
            tuple(Diagnostic.Severity.ERROR, "spec.components[0].properties.port", 9, 15),
            tuple(Diagnostic.Severity.ERROR, "spec.components[0].properties.replicas", 10, 9));
  }

  @Test
  void theLookupAnswersWithACopyOfTheSchema() {
    PropertySchemas lookup = ParameterSchema.lookup(REGISTRY);
    JsonNode first = lookup.schema(PropertySchemas.Kind.TRAIT, "scaler").orElseThrow();
    ((ObjectNode) first).removeAll();
    assertThat(lookup.schema(PropertySchemas.Kind.TRAIT, "scaler").orElseThrow().has("properties"))
        .isTrue();
  }
}
