package io.vela4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

  private static LocatedTree tree(String yaml) {
    return VelaYaml.reader().readTrees("f.yaml", yaml).orThrow().get(0);
  }

  @Test
  void everyProblemIsRecordedAndLocatedAtItsField() {
    LocatedTree t =
        tree(
            "name: 7\n"
                + "replicas: -1\n"
                + "labels:\n"
                + "  example.com/owner: 3\n"
                + "mode: Sideways\n"
                + "extra: x\n");
    FieldReader in = FieldReader.of(t);
    JsonNode root = t.root();
    in.unknownFields(root, "", Set.of("name", "replicas", "labels", "mode", "missing"));
    assertThat(in.text(in.required(root, "", "name"), "name")).isNull();
    assertThat(in.integer(FieldReader.optional(root, "replicas"), "replicas", 0)).isNull();
    assertThat(in.stringMap(root.get("labels"), "labels")).isEmpty();
    String mode =
        in.<String>enumValue(root.get("mode"), "mode", s -> s.equals("Up") ? s : null, "Up|Down");
    assertThat(mode).isNull();
    assertThat(in.required(root, "", "missing")).isNull();

    assertThat(in.hasErrors()).isTrue();
    assertThat(in.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::line, Diagnostic::actual)
        .containsExactly(
            tuple(DiagnosticCodes.UNKNOWN_FIELD, "extra", 6, "extra"),
            tuple(DiagnosticCodes.INVALID_TYPE, "name", 1, "integer 7"),
            tuple(DiagnosticCodes.VALUE_OUT_OF_RANGE, "replicas", 2, "-1"),
            tuple(DiagnosticCodes.INVALID_TYPE, "labels[\"example.com/owner\"]", 4, "integer 3"),
            tuple(DiagnosticCodes.INVALID_ENUM, "mode", 5, "Sideways"),
            tuple(DiagnosticCodes.MISSING_FIELD, "missing", 1, "nothing"));
    assertThat(in.diagnostics()).allMatch(d -> "f.yaml".equals(d.source()));
    assertThat(in.hasProblemAt("labels")).isTrue();
    assertThat(in.hasProblemAt("other")).isFalse();
  }

  @Test
  void validValuesAreReadWithoutProblems() {
    LocatedTree t = tree("name: web\nreplicas: 3\nports: [a, b]\nflag: true\nport: 80\n");
    FieldReader in = FieldReader.of(t);
    JsonNode root = t.root();
    assertThat(in.text(root.get("name"), "name")).isEqualTo("web");
    assertThat(in.integer(root.get("replicas"), "replicas", 1)).isEqualTo(3);
    assertThat(in.stringList(root.get("ports"), "ports")).containsExactly("a", "b");
    assertThat(in.bool(root.get("flag"), "flag")).isTrue();
    assertThat(in.scalarText(root.get("port"), "port")).isEqualTo("80");
    assertThat(in.text(FieldReader.optional(root, "absent"), "absent")).isNull();
    assertThat(in.diagnostics()).isEmpty();
  }

  @Test
  void anUnlocatedReaderKeepsPathsWithoutPositions() {
    FieldReader in = FieldReader.unlocated();
    in.integer(com.fasterxml.jackson.databind.node.TextNode.valueOf("x"), "spec.replicas");
    assertThat(in.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.replicas");
              assertThat(d.line()).isZero();
              assertThat(d.message()).isEqualTo("expected an integer, found string");
            });
  }
}
