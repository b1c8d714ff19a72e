package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.assertExports;
import static io.vela4j.cue.CueTestSupport.compileError;
import static io.vela4j.cue.CueTestSupport.eval;
import static io.vela4j.cue.CueTestSupport.exportError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The trap programs T01-T21 of cue-evaluator-design.md 9.6, each with the CUE v0.14.1 answer (not
 * the v0.4 oracle's where they differ).
 */
class TrapTest {

  @Test
  void t01ForwardReferences() {
    assertExports("a: b.c + 1, b: {c: d}, d: 2", "{\"a\":3,\"b\":{\"c\":2},\"d\":2}");
  }

  @Test
  void t02ReferencesResolveInTheCopy() {
    assertExports(
        "#A: {x: int, y: x + 1}, b: #A & {x: 1}, c: #A & {x: 10}",
        "{\"b\":{\"x\":1,\"y\":2},\"c\":{\"x\":10,\"y\":11}}");
  }

  @Test
  void t03LateDefaults() {
    assertExports(
        "a: *1 | int, b: a & 2, c: a + 1, n: *\"web\" | string, n: \"api\"",
        "{\"a\":1,\"b\":2,\"c\":2,\"n\":\"api\"}");
    assertExports("base: *_|_ | {a: 1}", "{\"base\":{\"a\":1}}");
  }

  @Test
  void t04NoUniqueDefaultIsIncomplete() {
    CueException e = exportError("x: (*1 | 2) & (1 | *2)");
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.INCOMPLETE);
    assertThat(e.errors().get(0).path()).isEqualTo("x");
    assertThatCode(() -> eval("x: (*1 | 2) & (1 | *2)").validate()).doesNotThrowAnyException();
  }

  @Test
  void t05ClosednessDepth() {
    CueException e = exportError("#D: {a: int, b?: {c: int}}, x: #D & {a: 1, b: {c: 2, d: 3}}");
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.CLOSEDNESS);
    assertThat(e.errors().get(0).path()).isEqualTo("x.b.d");
    assertThat(e.errors().get(0).message()).isEqualTo("field not allowed");
    assertExports(
        "c: close({a: {b: 1}}), d: c & {a: {x: 2}}",
        "{\"c\":{\"a\":{\"b\":1}},\"d\":{\"a\":{\"b\":1,\"x\":2}}}");
    assertThat(exportError("c: close({a: {b: 1}}), d: c & {z: 2}").errors().get(0).path())
        .isEqualTo("d.z");
  }

  @Test
  void t06EmbeddedDefinitions() {
    assertExports(
        "#A: {a: int}, #B: {#A, b: int}, C: #B & {a: 1, b: 2}", "{\"C\":{\"a\":1,\"b\":2}}");
    CueException e = exportError("#A: {a: int}, #B: {#A, b: int}, D: #B & {a: 1, b: 2, c: 3}");
    assertThat(e.errors().get(0).path()).isEqualTo("D.c");
  }

  @Test
  void t07ClosednessEliminatesADisjunct() {
    assertExports(
        "#P: {name: string, image?: string}\n"
            + "p: *#P | close({containers: [...#P]})\n"
            + "p: {containers: [{name: \"x\"}]}",
        "{\"p\":{\"containers\":[{\"name\":\"x\"}]}}");
  }

  @Test
  void t08PatternsReachLateFields() {
    assertExports(
        "m: [string]: {x: *0 | int}, m: a: {}, m: {for k in [\"b\"] {\"\\(k)\": {}}}",
        "{\"m\":{\"a\":{\"x\":0},\"b\":{\"x\":0}}}");
    assertExports(
        "svc: [N=_]: {name: N, port: *80 | int}, svc: web: {}",
        "{\"svc\":{\"web\":{\"name\":\"web\",\"port\":80}}}");
  }

  @Test
  void t08DynamicLabelFromTypedListIsAString() {
    // v0.4 rejects this (invalid non-ground value); v0.14 accepts it.
    assertExports(
        "a: [...string], a: [\"A\"], m: {for k in a {(k): \"\"}}",
        "{\"a\":[\"A\"],\"m\":{\"A\":\"\"}}");
  }

  @Test
  void t09GuardsOnOptionalFields() {
    assertExports(
        "p: {x?: string}, out: {if p.x != _|_ {a: p.x}, b: 1}", "{\"p\":{},\"out\":{\"b\":1}}");
    // v0.14.1: the comparison with an absent optional field is incomplete, not fatal.
    String src = "p: {x?: string}, out: {if p.x == \"y\" {a: p.x}, b: 1}";
    assertThatCode(() -> eval(src).validate()).doesNotThrowAnyException();
    assertThat(exportError(src).errors().get(0).kind()).isEqualTo(CueError.Kind.INCOMPLETE);
    assertExports(
        "p: {x: 2}, out: {if p.x != _|_ if p.x > 1 {a: p.x}}",
        "{\"p\":{\"x\":2},\"out\":{\"a\":2}}");
  }

  @Test
  void t10AComprehensionEditingItsOwnInput() {
    CueException e = exportError("a: {if a.b == _|_ {b: 1}}");
    assertThat(e.getMessage()).contains("cyclic reference to field b");
    CueException f = exportError("a: {x: 1, for k, v in a {\"\\(k)q\": v}}");
    assertThat(f.getMessage())
        .contains("adding field xq not allowed as field set was already referenced");
  }

  @Test
  void t11BottomTests() {
    assertExports(
        "_a: string, _s: {z: int}, _o: {x?: int}, t1: _a != _|_, t2: _s != _|_,"
            + " t3: _s.z != _|_, t4: _o.x != _|_",
        "{\"t1\":false,\"t2\":true,\"t3\":false,\"t4\":false}");
  }

  @Test
  void t12IncompleteVersusFatal() {
    assertThatCode(() -> eval("a: int, b: a + 1").validate()).doesNotThrowAnyException();
    assertThat(exportError("a: int, b: a + 1").errors()).isNotEmpty();
    CueException hidden = exportError("_h: 1 & 2, a: 1");
    assertThat(hidden.errors().get(0).kind()).isEqualTo(CueError.Kind.CONFLICT);
    assertThat(hidden.errors().get(0).message()).isEqualTo("conflicting values 2 and 1");
    assertExports("a?: 1 & 2, b: 1", "{\"b\":1}");
  }

  @Test
  void t13Cycles() {
    CueException e = exportError("a: b: a");
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.CYCLE);
    assertThat(e.getMessage()).contains("structural cycle");
    assertExports(
        "x: y, y: x, x: 1, #L: {h: _, t: null | #L}, l: #L & {h: 1, t: {h: 2}}",
        "{\"x\":1,\"y\":1,\"l\":{\"h\":1,\"t\":{\"h\":2,\"t\":null}}}");
  }

  @Test
  void t14Shadowing() {
    CueException e = exportError("name: \"web\", out: {name: name}");
    assertThat(e.errors().get(0).path()).isEqualTo("out.name");
    assertThat(e.errors().get(0).message()).isEqualTo("incomplete value _");
    assertExports(
        "name: \"web\", out: {\"name\": name}", "{\"name\":\"web\",\"out\":{\"name\":\"web\"}}");
  }

  @Test
  void t15Decimals() {
    String json =
        eval("a: 1.0, b: 1e2, c: 7 / 2, d: 0.1 + 0.2, e: 1.50, f: 1 / 3, g: len(\"héllo\")")
            .exportJson();
    assertThat(json)
        .isEqualTo(
            "{\n    \"a\": 1.0,\n    \"b\": 1E+2,\n    \"c\": 3.5,\n    \"d\": 0.3,\n"
                + "    \"e\": 1.50,\n    \"f\": 0.3333333333333333333333333333333333,\n"
                + "    \"g\": 6\n}\n");
    assertThat(exportError("a: int & (4 / 2)").errors().get(0).kind())
        .isEqualTo(CueError.Kind.CONFLICT);
  }

  @Test
  void t16FieldOrder() {
    CueValue v =
        eval("a: {z: 1, y: 2} & {x: 3}, b: {z: 1, y: 2}, b: {x: 3}, l: [for k, _ in a {k}]");
    assertThat(v.lookup("a").fieldNames()).containsExactly("x", "z", "y");
    assertThat(v.lookup("b").fieldNames()).containsExactly("z", "y", "x");
    assertThat(v.lookup("l").export().toString()).isEqualTo("[\"z\",\"y\",\"x\"]");
  }

  @Test
  void t17UnusedLet() {
    CueException e = compileError("let x = 1\na: 2");
    assertThat(e.errors().get(0).message()).isEqualTo("unreferenced alias or let clause x");
    assertThat(e.getMessage()).startsWith("test.cue:1:1: ");
  }

  @Test
  void t18BoundsStayBounds() {
    CueException e = exportError("a: >=1 & <=1");
    assertThat(e.errors().get(0).kind()).isEqualTo(CueError.Kind.INCOMPLETE);
    assertThat(e.errors().get(0).message()).isEqualTo("incomplete value >=1 & <=1");
  }

  @Test
  void t19EmbeddedScalars() {
    assertExports(
        "c: true, x: {if c {\"port-80\"}}, y: {if !c {\"port-80\"}}, v?: *\"latest\" | string",
        "{\"c\":true,\"x\":\"port-80\",\"y\":{}}");
  }

  @Test
  void t20ListArithmeticIsAnError() {
    CueException e = exportError("a: [1] + [2]");
    assertThat(e.getMessage()).contains("Addition of lists is superseded by list.Concat");
  }

  @Test
  void t21TenThousandNestedStructs() {
    int n = 10_000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{a: ");
    }
    sb.append("1");
    sb.append("}".repeat(n));
    String json = eval("x: " + sb).exportJson();
    assertThat(json).contains("\"a\": 1").endsWith("}\n");
    assertThat(eval("x: " + sb).lookup("x" + ".a".repeat(n)).export().asInt()).isEqualTo(1);
  }

  @Test
  void t21TenThousandLinkChain() {
    int n = 10_000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("x").append(i).append(": x").append(i + 1).append('\n');
    }
    sb.append("x").append(n).append(": 1\n");
    CueValue v = eval(sb.toString());
    assertThat(v.lookup("x0").export().asInt()).isEqualTo(1);
    assertThat(v.export().size()).isEqualTo(n + 1);
  }
}
