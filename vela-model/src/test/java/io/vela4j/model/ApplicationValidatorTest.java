package io.vela4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vela4j.model.oam.Application;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationValidatorTest {
  private static final String HEAD =
      "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: demo\nspec:\n";

  private static List<Diagnostic> validate(String spec) {
    return validate(ApplicationValidator.create(), spec);
  }

  private static List<Diagnostic> validate(ApplicationValidator v, String spec) {
    var r = VelaYaml.reader().parse("app.yaml", HEAD + spec);
    assertThat(r.diagnostics()).isEmpty();
    return v.validate(r.documents().get(0));
  }

  private static List<String> codes(List<Diagnostic> ds) {
    return ds.stream().map(Diagnostic::code).toList();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    var ds =
        validate(
            "  components:\n"
                + "    - {name: web, type: webservice, dependsOn: [nope]}\n"
                + "    - {name: web, type: worker}\n"
                + "    - {name: Bad_Name, type: worker, inputs: [{from: missing}]}\n"
                + "  policies:\n"
                + "    - {name: p, type: topology}\n"
                + "    - {name: p, type: override}\n");
    assertThat(codes(ds))
        .containsExactlyInAnyOrder(
            "UNKNOWN_DEPENDENCY",
            "DUPLICATE_NAME",
            "INVALID_NAME",
            "UNKNOWN_INPUT",
            "DUPLICATE_NAME");
    assertThat(ds).allSatisfy(d -> assertThat(d.line()).isPositive());
  }

  @Test
  void inputsFromOutputsCountAsDependencies() {
    var ds =
        validate(
            "  components:\n"
                + "    - name: a\n      type: t\n      inputs: [{from: bout}]\n      outputs: [{name: aout, valueFrom: x}]\n"
                + "    - name: b\n      type: t\n      inputs: [{from: aout}]\n      outputs: [{name: bout, valueFrom: y}]\n");
    assertThat(codes(ds)).containsExactly("DEPENDS_ON_CYCLE");
    assertThat(ds.get(0).message()).contains("a -> b -> a");
  }

  @Test
  void stepsAndSubStepsShareNamesAndOutputs() {
    var ds =
        validate(
            "  components: [{name: a, type: t}]\n"
                + "  workflow:\n"
                + "    mode: {steps: Parallel}\n"
                + "    steps:\n"
                + "      - name: group\n        type: step-group\n"
                + "        subSteps:\n"
                + "          - {name: s1, type: deploy, outputs: [{name: o, valueFrom: v}]}\n"
                + "          - {name: s2, type: deploy, dependsOn: [s1], inputs: [{from: o}]}\n"
                + "          - {name: group, type: deploy}\n"
                + "      - {name: after, type: notify, inputs: [{from: o}], timeout: 1h30m}\n"
                + "      - {name: loop1, type: deploy, dependsOn: [loop2]}\n"
                + "      - {name: loop2, type: deploy, dependsOn: [loop1]}\n"
                + "      - {name: plain, type: deploy, subSteps: [{name: x, type: deploy}]}\n");
    assertThat(codes(ds))
        .containsExactlyInAnyOrder(
            "INVALID_ENUM", "DUPLICATE_NAME", "DEPENDS_ON_CYCLE", "SUB_STEPS_IGNORED");
    var cycle =
        ds.stream().filter(d -> d.code().equals("DEPENDS_ON_CYCLE")).findFirst().orElseThrow();
    assertThat(cycle.message()).contains("loop1 -> loop2 -> loop1");
    assertThat(cycle.path()).isEqualTo("spec.workflow.steps[2].dependsOn");
  }

  @Test
  void timeoutsMustBeDurations() {
    var ds =
        validate(
            "  components: [{name: a, type: t}]\n  workflow:\n    steps:\n"
                + "      - {name: s, type: suspend, timeout: 10 minutes}\n"
                + "      - {name: t, type: suspend, timeout: 1.5h}\n");
    assertThat(ds)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("INVALID_DURATION");
              assertThat(d.path()).isEqualTo("spec.workflow.steps[0].timeout");
            });
  }

  @Test
  void knownTypesCatchTyposAndIgnoreVersions() {
    var v =
        ApplicationValidator.create()
            .withKnownTypes(
                new KnownTypes(
                    Set.of("webservice"), Set.of("scaler"), Set.of("topology"), Set.of("deploy")));
    var ds =
        validate(
            v,
            "  components:\n    - name: a\n      type: webservice@v1.2\n      traits: [{type: scalar}]\n"
                + "  policies: [{type: topology}]\n"
                + "  workflow:\n    steps: [{name: s, type: suspend}, {name: d, type: deploi}]\n");
    assertThat(ds)
        .extracting(Diagnostic::code, Diagnostic::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "UNKNOWN_DEFINITION", "spec.components[0].traits[0].type"),
            org.assertj.core.groups.Tuple.tuple(
                "UNKNOWN_DEFINITION", "spec.workflow.steps[1].type"));
  }

  @Test
  void checkThrowsOnlyForErrors() {
    var app =
        VelaYaml.reader()
            .read(HEAD + "  components: [{name: a, type: t, dependsOn: [a]}]\n", Application.class);
    assertThatThrownBy(() -> ApplicationValidator.create().check(app))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("depends on itself");
    var fine = VelaYaml.reader().read(HEAD + "  components: []\n", Application.class);
    ApplicationValidator.create().check(fine); // only a NO_COMPONENTS warning
    assertThat(codes(ApplicationValidator.create().validate(fine)))
        .containsExactly("MISSING_COMPONENTS");
  }

  @Test
  void cyclesAreReportedOncePerCycle() {
    var ds =
        validate(
            "  components:\n"
                + "    - {name: a, type: t, dependsOn: [b]}\n"
                + "    - {name: b, type: t, dependsOn: [a, c]}\n"
                + "    - {name: c, type: t, dependsOn: [b]}\n");
    assertThat(codes(ds)).containsExactly("DEPENDS_ON_CYCLE", "DEPENDS_ON_CYCLE");
  }

  @Test
  void propertiesAreCheckedAgainstTheirTypesSchemaAtTheirOwnLineAndColumn() throws Exception {
    JsonNode replicas =
        new ObjectMapper()
            .readTree(
                "{\"type\": \"object\", \"required\": [\"replicas\"], \"properties\":"
                    + " {\"replicas\": {\"type\": \"integer\"}}}");
    JsonNode unsupported = new ObjectMapper().readTree("{\"$ref\": \"#/x\"}");
    List<String> asked = new ArrayList<>();
    PropertySchemas schemas =
        (kind, type) -> {
          asked.add(kind + " " + type);
          return switch (type) {
            case "scaler", "topology" -> Optional.of(replicas);
            case "odd" -> Optional.of(unsupported);
            default -> Optional.empty();
          };
        };
    var ds =
        validate(
            ApplicationValidator.create().withPropertySchemas(schemas),
            "  components:\n"
                + "    - name: web\n"
                + "      type: scaler\n"
                + "      traits:\n"
                + "        - type: unknown\n"
                + "          properties: {replicas: x}\n"
                + "        - type: scaler\n"
                + "          properties:\n"
                + "            replicas: three\n"
                + "        - type: odd\n"
                + "  policies:\n"
                + "    - name: p\n"
                + "      type: topology\n"
                + "      properties: {replicas: 1.5}\n");
    assertThat(ds)
        .extracting(
            Diagnostic::severity,
            Diagnostic::code,
            Diagnostic::path,
            Diagnostic::line,
            Diagnostic::column)
        .containsExactlyInAnyOrder(
            // absent properties are checked as {}
            tuple(
                Diagnostic.Severity.ERROR,
                "MISSING_FIELD",
                "spec.components[0].properties.replicas",
                7,
                7),
            tuple(
                Diagnostic.Severity.ERROR,
                "INVALID_TYPE",
                "spec.components[0].traits[1].properties.replicas",
                14,
                23),
            tuple(
                Diagnostic.Severity.WARNING,
                DiagnosticCodes.UNSUPPORTED_SCHEMA,
                "spec.components[0].traits[2].type",
                15,
                17),
            tuple(
                Diagnostic.Severity.ERROR,
                "INVALID_TYPE",
                "spec.policies[0].properties.replicas",
                19,
                30));
    assertThat(asked)
        .containsExactly(
            "COMPONENT scaler", "TRAIT unknown", "TRAIT scaler", "TRAIT odd", "POLICY topology");
  }
}
