package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.assertExports;
import static io.vela4j.cue.CueTestSupport.compileError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names a struct literal binds, and the compile errors CUE gives for them (messages and positions
 * from CUE v0.4.0 and v0.4.3, which agree on each; the exports too, but for {@code (k)} labels
 * bound by {@code for}, which v0.4.0 rejects with its known bug and v0.4.3 exports as here).
 *
 * <p>CUE tells two kinds of names apart: fields, {@code for} variables and let clauses; aliases (of
 * a label, of a value, of a pattern's label) and lets. A name may not be both kinds where one is in
 * the other's scope, an alias or let may not be declared twice in one scope, and one kind shadows
 * itself in an inner scope.
 */
class BindingTest {

  /** CUE's message for a name that is an alias or let and a field where one sees the other. */
  private static String both(String name) {
    return "cannot have both alias and field with name \"" + name + "\" in same scope";
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        // an alias or let and a field of one name, in one scope, in either order
        Arguments.of("a: {x: 1, let x = 2, y: x}", "1:11", both("x")),
        Arguments.of("a: {let x = 2, x: 1, y: x}", "1:19", both("x")),
        Arguments.of("a: {X=x: 1, X: 2}", "1:16", both("X")),
        Arguments.of("a: {X: 1, X=y: 2}", "1:11", both("X")),
        // ... or where one is in the other's scope
        Arguments.of("X: 5\no: {let X = 1, y: X}", "2:5", both("X")),
        Arguments.of("o: {let X = 1, p: {X: 2}, q: X}", "1:23", both("X")),
        Arguments.of("x: 1\na: {X=x: 2, y: X}\nX: 3", "2:5", both("X")),
        Arguments.of("a: {x: 1, b: {let x = 2, y: x}}", "1:15", both("x")),
        Arguments.of("a: {for x in [1] {let x = 2, y: x}}", "1:19", both("x")),
        Arguments.of("let x = 1\na: [for x in [2] {x}]\nb: x", "2:9", both("x")),
        Arguments.of("let x = 1\na: [for k, v in [1] let x = v {x}]\nb: x", "2:25", both("x")),
        Arguments.of("let x = 1\na: {x: 2}\nb: x", "2:8", both("x")),
        Arguments.of("N: 1\na: {[N=string]: {v: N}}\na: b: {}", "2:5", both("N")),
        Arguments.of("#x: 1\na: {let #x = 2, y: #x}", "2:5", both("#x")),
        // a value's alias against a field beside the value or in it
        Arguments.of("a: {x: Y={p: 1, q: Y.p}, Y: 2}", "1:8", both("Y")),
        Arguments.of("a: {Y: 2, x: Y={p: 1, q: Y.p}}", "1:14", both("Y")),
        Arguments.of("a: {x: Y={p: 1, q: {Y: 3}}}", "1:24", both("Y")),
        // an alias or let declared twice in one scope
        Arguments.of("a: {X=a: 1, X=b: 2, c: X}", "1:13", "alias \"X\" redeclared in same scope"),
        Arguments.of(
            "a: {let x = 1, let x = 2, y: x}", "1:16", "alias \"x\" redeclared in same scope"),
        // an unreferenced alias is named by itself, not by its field
        Arguments.of("a: {X=x: 1}", "1:5", "unreferenced alias or let clause X"),
        Arguments.of("a: {x: Y=(1 + 1)}", "1:8", "unreferenced alias or let clause Y"),
        // a dynamic field's alias used in its own label (both oracle engines panic)
        Arguments.of(
            "X=\"\\(X.a)\": {a: \"k\"}", "1:6", "cyclic references in alias X of a dynamic field"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void rejectsAsCueDoes(String src, String position, String message) {
    CueException e = compileError(src);
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).message()).isEqualTo(message);
    assertThat(e.getMessage()).isEqualTo("test.cue:" + position + ": " + message);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        // a field declared again
        Arguments.of("a: {x: 1, x: int, y: x}", "{\"a\":{\"x\":1,\"y\":1}}"),
        // one kind shadows itself
        Arguments.of(
            "a: {X=x: 1, y: X, b: {X=z: 2, w: X}}",
            "{\"a\":{\"x\":1,\"y\":1,\"b\":{\"z\":2,\"w\":2}}}"),
        Arguments.of("let x = 1\na: {let x = 2, y: x}\nb: x", "{\"a\":{\"y\":2},\"b\":1}"),
        Arguments.of("x: 1\na: [for x in [2] {x}]", "{\"x\":1,\"a\":[2]}"),
        Arguments.of("a: {for x in [1] {x: 2}}", "{\"a\":{\"x\":2}}"),
        Arguments.of("a: [for x in [1] let x = 2 {x}]", "{\"a\":[2]}"),
        Arguments.of("a: [for x in [1] for x in [2] {x}]", "{\"a\":[2]}"),
        // for k, k in: the value hides the key
        Arguments.of("a: [for k, k in [7, 8] {k}]", "{\"a\":[7,8]}"),
        Arguments.of("a: {for k, k in {p: \"q\"} {(k): 1}}", "{\"a\":{\"q\":1}}"),
        // a let's name is not in scope in its own expression
        Arguments.of(
            "a: {let cps = [for _, cps in [1, 2] {cps}], b: cps}", "{\"a\":{\"b\":[1,2]}}"),
        // a quoted label binds nothing
        Arguments.of("x: 1\na: {\"x\": 2, let y = x, z: y}", "{\"x\":1,\"a\":{\"x\":2,\"z\":1}}"),
        // a value's alias is seen in its value, which it names with the field's other values
        Arguments.of(
            "a: {x: Y={p: 1, q: Y.p}, y: Y={r: 2, s: Y.r}}",
            "{\"a\":{\"x\":{\"p\":1,\"q\":1},\"y\":{\"r\":2,\"s\":2}}}"),
        Arguments.of("c: C={a: 1, x: C.b}\nc: {b: 2}", "{\"c\":{\"a\":1,\"x\":2,\"b\":2}}"));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void exportsAsCueDoes(String src, String json) {
    assertExports(src, json);
  }

  @Test
  void aValuesAliasIsNotSeenBesideTheValue() {
    CueException e = compileError("a: {x: Y={p: 1}, c: Y.p}");
    assertThat(e.errors())
        .extracting(CueError::message)
        .containsExactlyInAnyOrder(
            "reference \"Y\" not found", "unreferenced alias or let clause Y");
  }
}
