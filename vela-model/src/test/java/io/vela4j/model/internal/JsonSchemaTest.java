package io.vela4j.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written JSON Schema subset: what it accepts as a schema, and the CUE readings of {@code
 * required}, {@code oneOf} and undeclared properties (see the class comment).
 */
class JsonSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static List<Diagnostic> validate(String schema, String value) {
    return JsonSchema.of(json(schema)).validate(json(value), "p");
  }

  @Test
  void aSchemaWithAnUnknownOrIllFormedKeywordIsRejectedWithItsPointer() {
    assertThat(JsonSchema.problems(json("{'type': 'object', 'properties': {'a': {'typo': 1}}}")))
        .containsExactly("/properties/a/typo: unknown keyword");
    assertThat(JsonSchema.problems(json("{'properties': {'a': {'pattern': '(?<=x)y'}}}")))
        .containsExactly("/properties/a/pattern: must be an RE2 regular expression");
    assertThat(JsonSchema.problems(json("{'minItems': -1, 'type': 'strin'}")))
        .containsExactly(
            "/minItems: must be a non-negative integer", "/type: unknown type \"strin\"");
    assertThat(
            JsonSchema.problems(
                json(
                    "{'properties': {'a': {'$schema':"
                        + " 'https://json-schema.org/draft/2020-12/schema'}}}")))
        .containsExactly(
            "/properties/a/$schema: only \"https://json-schema.org/draft/2020-12/schema\" at the"
                + " top is supported");
    assertThat(JsonSchema.problems(json("{'$schema': '" + JsonSchema.DIALECT + "'}"))).isEmpty();
    assertThatThrownBy(() -> JsonSchema.of(json("{'$ref': '#/x'}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/$ref: unknown keyword");
  }

  @Test
  void aWrongTypeSaysWhatWasExpectedAndWhatWasFound() {
    List<Diagnostic> ds =
        validate(
            "{'type': 'object', 'properties': {'replicas': {'type': 'integer'}}}",
            "{'replicas': 'three'}");
    assertThat(ds)
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::expected, Diagnostic::actual)
        .containsExactly(
            tuple(DiagnosticCodes.INVALID_TYPE, "p.replicas", "integer", "string \"three\""));
    assertThat(ds.get(0).message()).isEqualTo("wrong type");
    // a JSON number with an integral value is an integer (KubeVela hands CUE 1, not 1.0)
    assertThat(validate("{'type': 'integer'}", "1.0")).isEmpty();
    assertThat(validate("{'type': ['string', 'null']}", "null")).isEmpty();
    assertThat(validate("{'type': ['string', 'null']}", "1"))
        .extracting(Diagnostic::expected)
        .containsExactly("string or null");
  }

  @Test
  void anAbsentRequiredPropertyIsMissingUnlessItsSchemaGivesItAValue() {
    String schema =
        "{'type': 'object', 'required': ['image', 'port', 'labels', 'cmd', 'env'],"
            + " 'properties': {'image': {'type': 'string'}, 'port': {'type': 'integer',"
            + " 'default': 80}, 'labels': {'type': 'object', 'additionalProperties': {'type':"
            + " 'string'}}, 'cmd': {'type': 'array', 'items': {'type': 'string'}},"
            + " 'env': {'type': 'array', 'minItems': 1}}}";
    assertThat(validate(schema, "{}"))
        .extracting(Diagnostic::code, Diagnostic::path)
        .containsExactly(
            tuple(DiagnosticCodes.MISSING_FIELD, "p.image"),
            tuple(DiagnosticCodes.MISSING_FIELD, "p.env"));
  }

  @Test
  void anUndeclaredPropertyIsAWarningInAnOpenStructAndAnErrorInAClosedOne() {
    String open = "{'type': 'object', 'properties': {'a': {'type': 'integer'}}}";
    assertThat(validate(open, "{'a': 1, 'b': 2}"))
        .extracting(Diagnostic::severity, Diagnostic::code, Diagnostic::path, Diagnostic::expected)
        .containsExactly(
            tuple(Diagnostic.Severity.WARNING, DiagnosticCodes.UNKNOWN_FIELD, "p.b", "one of a"));
    String closed =
        "{'type': 'object', 'properties': {'a': {'type': 'integer'}},"
            + " 'additionalProperties': false}";
    assertThat(validate(closed, "{'a': 1, 'b': 2}"))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .containsExactly(tuple(Diagnostic.Severity.ERROR, "p.b"));
    String map = "{'type': 'object', 'additionalProperties': {'type': 'string'}}";
    assertThat(validate(map, "{'x': 'y', 'example.com/z': 1}"))
        .extracting(Diagnostic::code, Diagnostic::path)
        .containsExactly(tuple(DiagnosticCodes.INVALID_TYPE, "p[\"example.com/z\"]"));
    String patterns = "{'type': 'object', 'patternProperties': {'^x-': {'type': 'integer'}}}";
    assertThat(validate(patterns, "{'x-a': 1, 'x-b': 'no', 'other': true}"))
        .extracting(Diagnostic::path)
        .containsExactly("p.x-b");
  }

  @Test
  void oneOfIsReadAsACueDisjunction() {
    String alts =
        "{'oneOf': [{'type': 'object', 'required': ['a'], 'properties': {'a': {'type':"
            + " 'integer'}}, 'additionalProperties': false}, {'type': 'object', 'required':"
            + " ['b'], 'properties': {'b': {'type': 'string'}}, 'additionalProperties': false}]}";
    assertThat(validate(alts, "{'a': 1}")).isEmpty();
    assertThat(validate(alts, "{'b': 'x'}")).isEmpty();
    // the nearest alternative's own problem, at its own path
    assertThat(validate(alts, "{'a': 'x'}"))
        .extracting(Diagnostic::code, Diagnostic::path)
        .containsExactly(tuple(DiagnosticCodes.INVALID_TYPE, "p.a"));
    // both alternatives are merely incomplete: ambiguous, as cue export finds it
    assertThat(validate(alts, "{}"))
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCodes.SCHEMA_ONE_OF_MISMATCH);
    // with a default, CUE takes the default term
    String defaulted = alts.substring(0, alts.length() - 1) + ", 'default': {'a': 1}}";
    assertThat(validate(defaulted, "{}")).isEmpty();
    // overlapping literal alternatives are fine when one is the default
    String overlap = "{'oneOf': [{'type': 'number'}, {'type': 'integer'}], 'default': 1}";
    assertThat(validate(overlap, "2")).isEmpty();
    assertThat(validate(overlap, "'2'"))
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCodes.SCHEMA_ONE_OF_MISMATCH);
  }

  @Test
  void stringsListsAndEnumsAreChecked() {
    assertThat(validate("{'type': 'string', 'pattern': '[0-9]+'}", "'a1b'")).isEmpty();
    assertThat(validate("{'type': 'string', 'pattern': '^[0-9]+$'}", "'a1b'"))
        .extracting(Diagnostic::code, Diagnostic::expected)
        .containsExactly(tuple(DiagnosticCodes.PATTERN_MISMATCH, "a string matching ^[0-9]+$"));
    // lengths count code points, as CUE's strings.MinRunes/MaxRunes do
    assertThat(validate("{'type': 'string', 'maxLength': 2}", "'\u00e9\ud83d\ude00'")).isEmpty();
    assertThat(validate("{'type': 'string', 'minLength': 3}", "'ab'"))
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCodes.VALUE_TOO_SHORT);
    assertThat(
            validate(
                "{'type': 'array', 'prefixItems': [{'type': 'integer'}, {'type': 'string'}],"
                    + " 'items': false}",
                "[1, 2, 3]"))
        .extracting(Diagnostic::code, Diagnostic::path)
        .containsExactly(
            tuple(DiagnosticCodes.INVALID_TYPE, "p[1]"),
            tuple(DiagnosticCodes.TOO_MANY_ITEMS, "p[2]"));
    assertThat(validate("{'type': 'array', 'uniqueItems': true, 'maxItems': 2}", "[1, 1.0, 2]"))
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCodes.TOO_MANY_ITEMS, DiagnosticCodes.DUPLICATE_ITEMS);
    assertThat(validate("{'enum': ['TCP', 'UDP', 5]}", "5.0")).isEmpty();
    assertThat(validate("{'enum': ['TCP', 'UDP']}", "'HTTP'"))
        .extracting(Diagnostic::code, Diagnostic::expected, Diagnostic::actual)
        .containsExactly(
            tuple(DiagnosticCodes.INVALID_ENUM, "one of \"TCP\", \"UDP\"", "string \"HTTP\""));
  }

  @Test
  void numbersAreInRangeExactlyWhenTheBoundsSaySo() {
    qt().withExamples(300)
        .forAll(
            integers().between(-50, 50), integers().between(-50, 50), integers().between(-60, 60))
        .checkAssert(
            (lo, hi, n) -> {
              String inclusive =
                  "{'type': 'integer', 'minimum': " + lo + ", 'maximum': " + hi + "}";
              String exclusive =
                  "{'type': 'number', 'exclusiveMinimum': "
                      + lo
                      + ", 'exclusiveMaximum': "
                      + hi
                      + "}";
              assertThat(validate(inclusive, String.valueOf(n)).isEmpty())
                  .isEqualTo(lo <= n && n <= hi);
              assertThat(validate(exclusive, String.valueOf(n)).isEmpty())
                  .isEqualTo(lo < n && n < hi);
              assertThat(validate(inclusive, String.valueOf(n)))
                  .allSatisfy(
                      d -> assertThat(d.code()).isEqualTo(DiagnosticCodes.VALUE_OUT_OF_RANGE));
            });
  }
}
