package io.vela4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.oam.Application;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each malformed input gives the expected diagnostic code, line, column and path. */
class MalformedInputTest {

  private static final String HEAD =
      "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: demo\n";

  private static List<Diagnostic> errors(String yaml) {
    return VelaYaml.reader().parse("app.yaml", yaml).diagnostics().stream()
        .filter(Diagnostic::isError)
        .toList();
  }

  private static Diagnostic only(String yaml) {
    var errors = errors(yaml);
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void badIndentationIsLocated() {
    var d =
        only(HEAD + "spec:\n  components:\n    - name: a\n      type: b\n     properties: {}\n");
    assertThat(d.code()).isEqualTo("INVALID_INDENTATION");
    assertThat(d.source()).isEqualTo("app.yaml");
    assertThat(d.line()).isEqualTo(9);
  }

  @Test
  void aTabInIndentationIsNamedAsSuch() {
    var d = only(HEAD + "spec:\n  components:\n\t- name: a\n");
    assertThat(d.code()).isEqualTo("UNEXPECTED_TAB");
    assertThat(d.line()).isEqualTo(7);
    assertThat(d.column()).isEqualTo(1);
    assertThat(d.message()).contains("tab");
  }

  @Test
  void wrongTypesAreReportedWithPathAndPosition() {
    var errors =
        errors(
            HEAD
                + "spec:\n  components:\n    - name: a\n      type: b\n      traits: {type: x}\n"
                + "    - name: c\n      type: 42\n");
    assertThat(errors)
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::line, Diagnostic::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("INVALID_TYPE", "spec.components[0].traits", 9, 7),
            org.assertj.core.groups.Tuple.tuple("INVALID_TYPE", "spec.components[1].type", 11, 13));
    assertThat(errors.get(1).expected()).isEqualTo("string");
    assertThat(errors.get(1).actual()).startsWith("integer");
  }

  @Test
  void duplicateKeysAreErrorsAtTheSecondKey() {
    var d = only(HEAD + "  name: again\nspec:\n  components: []\n");
    assertThat(d.code()).isEqualTo("DUPLICATE_KEY");
    assertThat(d.path()).isEqualTo("metadata.name");
    assertThat(d.line()).isEqualTo(5);
    assertThat(d.message()).contains("first defined at line 4");
  }

  @Test
  void missingTraitTypeIsLocatedAtTheTrait() {
    var d =
        only(
            HEAD
                + "spec:\n  components:\n    - name: a\n      type: b\n      traits:\n"
                + "        - properties: {replicas: 2}\n");
    assertThat(d.code()).isEqualTo("MISSING_FIELD");
    assertThat(d.path()).isEqualTo("spec.components[0].traits[0].type");
    assertThat(d.line()).isEqualTo(10);
  }

  @Test
  void dependsOnCyclesAreNamedAndLocated() {
    var r =
        VelaYaml.reader()
            .parse(
                "app.yaml",
                HEAD
                    + "spec:\n  components:\n"
                    + "    - name: a\n      type: t\n      dependsOn: [b]\n"
                    + "    - name: b\n      type: t\n      dependsOn: [c]\n"
                    + "    - name: c\n      type: t\n      dependsOn: [a]\n");
    assertThat(r.diagnostics()).isEmpty();
    var d = ApplicationValidator.create().validate(r.documents().get(0));
    assertThat(d).hasSize(1);
    assertThat(d.get(0).code()).isEqualTo("DEPENDS_ON_CYCLE");
    assertThat(d.get(0).message()).contains("a -> b -> c -> a");
    assertThat(d.get(0).path()).isEqualTo("spec.components[0].dependsOn");
    assertThat(d.get(0).line()).isEqualTo(9);
    assertThat(d.get(0).source()).isEqualTo("app.yaml");
  }

  @Test
  void missingRequiredComponentsIsAnError() {
    var d = only(HEAD + "spec:\n  policies: []\n");
    assertThat(d.code()).isEqualTo("MISSING_FIELD");
    assertThat(d.path()).isEqualTo("spec.components");
    assertThat(d.line()).isEqualTo(5);
  }

  @Test
  void unknownFieldsAreWarningsByDefaultAndErrorsWhenStrict() {
    String yaml = HEAD + "spec:\n  components:\n    - name: a\n      type: b\n      trait: []\n";
    var lenient = VelaYaml.reader().parse("x.yaml", yaml);
    assertThat(lenient.hasErrors()).isFalse();
    assertThat(lenient.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("UNKNOWN_FIELD");
              assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
              assertThat(d.message()).contains("did you mean \"traits\"");
              assertThat(d.line()).isEqualTo(9);
            });
    assertThat(lenient.documents()).hasSize(1);
    var strict = VelaYaml.reader(ReadOptions.DEFAULTS.withStrict(true)).parse("x.yaml", yaml);
    assertThat(strict.hasErrors()).isTrue();
    assertThat(strict.documents()).isEmpty();
  }

  @Test
  void aDocumentWithErrorsIsNeverReturnedAsValid() {
    String yaml = HEAD + "spec:\n  components:\n    - name: a\n      type: [b]\n";
    assertThatThrownBy(() -> VelaYaml.reader().read(yaml, Application.class))
        .isInstanceOf(ReadException.class)
        .satisfies(
            e ->
                assertThat(((ReadException) e).diagnostics())
                    .extracting(Diagnostic::path)
                    .containsExactly("spec.components[0].type"));
  }

  @Test
  void unservedVersionOfAKnownKindIsAnError() {
    var d = only("apiVersion: core.oam.dev/v1alpha2\nkind: Application\nmetadata:\n  name: a\n");
    assertThat(d.code()).isEqualTo("UNSUPPORTED_VERSION");
    assertThat(d.expected()).isEqualTo("core.oam.dev/v1beta1");
    assertThat(d.line()).isEqualTo(1);
  }

  @Test
  void labelValuesMustBeStrings() {
    var d =
        only(
            "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: a\n"
                + "  labels:\n    version: 2\nspec:\n  components: []\n");
    assertThat(d.code()).isEqualTo("INVALID_TYPE");
    assertThat(d.path()).isEqualTo("metadata.labels.version");
    assertThat(d.line()).isEqualTo(6);
  }

  @Test
  void jsonErrorsAreLocatedToo() {
    var r = VelaJson.reader().parse("app.json", "{\"apiVersion\": \"v1\",\n \"kind\": }");
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("INVALID_JSON");
              assertThat(d.line()).isEqualTo(2);
            });
  }

  @Test
  void formatMatchesTheCliConvention() {
    var d =
        new Diagnostic(
            Diagnostic.Severity.ERROR, "X", "bad", "a.yaml", 3, 7, "spec.x", "int", "string");
    assertThat(d.format()).isEqualTo("a.yaml:3:7: error: spec.x: bad (expected int, found string)");
  }
}
