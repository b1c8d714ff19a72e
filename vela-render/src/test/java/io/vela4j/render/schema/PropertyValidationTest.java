package io.vela4j.render.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vela4j.model.ApplicationValidator;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.ParameterSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Component, trait and policy properties checked against the catalogue's parameter schemas before
 * any rendering, each problem at the property's own line and column.
 */
class PropertyValidationTest {
  private static final ApplicationValidator VALIDATOR =
      ApplicationValidator.create()
          .withPropertySchemas(ParameterSchema.lookup(DefinitionRegistry.catalogue()));

  private static List<Diagnostic> validate(String file) {
    ParsedDocument doc =
        VelaYaml.reader().parse(Path.of("src/test/resources/schemas/apps", file)).orThrow().get(0);
    return VALIDATOR.validate(doc);
  }

  /** A missing property is reported where its object starts ({@code properties:} of the worker). */
  @Test
  void everyWrongPropertyIsReportedAtItsOwnLineAndColumn() {
    List<Diagnostic> found = validate("wrong-properties.yaml");
    assertThat(found)
        .extracting(
            Diagnostic::severity,
            Diagnostic::code,
            Diagnostic::path,
            Diagnostic::line,
            Diagnostic::column)
        .containsExactlyInAnyOrder(
            tuple(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.INVALID_ENUM,
                "spec.components[0].properties.imagePullPolicy",
                11,
                26),
            tuple(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.INVALID_TYPE,
                "spec.components[0].properties.ports[0].port",
                13,
                19),
            tuple(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.INVALID_ENUM,
                "spec.components[0].properties.ports[0].protocol",
                14,
                23),
            tuple(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.UNKNOWN_FIELD,
                "spec.components[0].properties.livenessProbe.timeout",
                17,
                11),
            tuple(
                Diagnostic.Severity.WARNING,
                DiagnosticCodes.UNKNOWN_FIELD,
                "spec.components[0].properties.imagee",
                18,
                9),
            tuple(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.INVALID_TYPE,
                "spec.components[0].traits[1].properties.replicas",
                25,
                23),
            tuple(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.VALUE_OUT_OF_RANGE,
                "spec.components[0].traits[2].properties.podAffinity.preferred[0].weight",
                30,
                27),
            tuple(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.MISSING_FIELD,
                "spec.components[1].properties.image",
                35,
                7),
            tuple(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.INVALID_TYPE,
                "spec.policies[0].properties.clusters",
                41,
                19));
    Diagnostic replicas =
        found.stream().filter(d -> d.path().endsWith("replicas")).findFirst().orElseThrow();
    assertThat(replicas.format())
        .endsWith(
            "wrong-properties.yaml:25:23: error: spec.components[0].traits[1].properties.replicas:"
                + " wrong type (expected integer, found string \"three\")");
    assertThat(replicas.expected()).isEqualTo("integer");
    assertThat(replicas.actual()).isEqualTo("string \"three\"");
  }
}
