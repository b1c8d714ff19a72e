package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.assertExports;
import static io.vela4j.cue.CueTestSupport.compileError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Names a struct literal binds, and the compile errors CUE gives for them (messages and positions
 * from CUE v0.4.0 and v0.4.3, which agree on each; the exports too, but for {@code (k)} labels
 * bound by {@code for}, which v0.4.0 rejects with its known bug and v0.4.3 exports as here).
 */
class BindingTest {

  private static void rejects(String src, String position, String message) {
    CueException e = compileError(src);
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).message()).isEqualTo(message);
    assertThat(e.getMessage()).isEqualTo("test.cue:" + position + ": " + message);
  }

  @Test
  void anAliasOrLetAndAFieldOfOneNameConflictInEitherOrder() {
    String both = "cannot have both alias and field with name \"x\" in same scope";
    rejects("a: {x: 1, let x = 2, y: x}", "1:11", both);
    rejects("a: {let x = 2, x: 1, y: x}", "1:19", both);
    String upper = "cannot have both alias and field with name \"X\" in same scope";
    rejects("a: {X=x: 1, X: 2}", "1:16", upper);
    rejects("a: {X: 1, X=y: 2}", "1:11", upper);
  }

  @Test
  void anAliasOrLetDeclaredTwiceInOneScopeIsRedeclared() {
    rejects("a: {X=a: 1, X=b: 2, c: X}", "1:13", "alias \"X\" redeclared in same scope");
    rejects("a: {let x = 1, let x = 2, y: x}", "1:16", "alias \"x\" redeclared in same scope");
  }

  @Test
  void aNameMayNotBeAnAliasOrLetWhereAFieldOfItIsInScopeOrTheReverse() {
    // fields, for variables and let clauses are one kind; aliases, lets and pattern aliases the
    // other: the two kinds conflict from enclosing scopes too, whichever is declared first
    String x = "cannot have both alias and field with name \"x\" in same scope";
    String upper = "cannot have both alias and field with name \"X\" in same scope";
    rejects("X: 5\no: {let X = 1, y: X}", "2:5", upper);
    rejects("o: {let X = 1, p: {X: 2}, q: X}", "1:23", upper);
    rejects("x: 1\na: {X=x: 2, y: X}\nX: 3", "2:5", upper);
    rejects("a: {x: 1, b: {let x = 2, y: x}}", "1:15", x);
    rejects("a: {for x in [1] {let x = 2, y: x}}", "1:19", x);
    rejects("let x = 1\na: [for x in [2] {x}]\nb: x", "2:9", x);
    rejects("let x = 1\na: [for k, v in [1] let x = v {x}]\nb: x", "2:25", x);
    rejects("let x = 1\na: {x: 2}\nb: x", "2:8", x);
    rejects(
        "N: 1\na: {[N=string]: {v: N}}\na: b: {}",
        "2:5",
        "cannot have both alias and field with name \"N\" in same scope");
    rejects(
        "#x: 1\na: {let #x = 2, y: #x}",
        "2:5",
        "cannot have both alias and field with name \"#x\" in same scope");
    // one kind shadows itself; a quoted label binds nothing
    assertExports("x: 1\na: [for x in [2] {x}]", "{\"x\":1,\"a\":[2]}");
    assertExports("a: {for x in [1] {x: 2}}", "{\"a\":{\"x\":2}}");
    assertExports("a: [for x in [1] let x = 2 {x}]", "{\"a\":[2]}");
    assertExports("a: [for x in [1] for x in [2] {x}]", "{\"a\":[2]}");
    assertExports("x: 1\na: {\"x\": 2, let y = x, z: y}", "{\"x\":1,\"a\":{\"x\":2,\"z\":1}}");
  }

  @Test
  void aValuesAliasIsVisibleInTheValueOnly() {
    assertExports(
        "a: {x: Y={p: 1, q: Y.p}, y: Y={r: 2, s: Y.r}}",
        "{\"a\":{\"x\":{\"p\":1,\"q\":1},\"y\":{\"r\":2,\"s\":2}}}");
    assertExports("c: C={a: 1, x: C.b}\nc: {b: 2}", "{\"c\":{\"a\":1,\"x\":2,\"b\":2}}");
    CueException e = compileError("a: {x: Y={p: 1}, c: Y.p}");
    assertThat(e.errors())
        .extracting(CueError::message)
        .containsExactlyInAnyOrder(
            "reference \"Y\" not found", "unreferenced alias or let clause Y");
    String upper = "cannot have both alias and field with name \"Y\" in same scope";
    rejects("a: {x: Y={p: 1, q: Y.p}, Y: 2}", "1:8", upper);
    rejects("a: {Y: 2, x: Y={p: 1, q: Y.p}}", "1:14", upper);
    rejects("a: {x: Y={p: 1, q: {Y: 3}}}", "1:24", upper);
  }

  @Test
  void anUnreferencedAliasIsNamedByItsOwnName() {
    rejects("a: {X=x: 1}", "1:5", "unreferenced alias or let clause X");
    rejects("a: {x: Y=(1 + 1)}", "1:8", "unreferenced alias or let clause Y");
  }

  @Test
  void namesThatDoNotConflict() {
    assertExports("a: {x: 1, x: int, y: x}", "{\"a\":{\"x\":1,\"y\":1}}"); // a field again
    assertExports(
        "a: {X=x: 1, y: X, b: {X=z: 2, w: X}}",
        "{\"a\":{\"x\":1,\"y\":1,\"b\":{\"z\":2,\"w\":2}}}");
    assertExports("let x = 1\na: {let x = 2, y: x}\nb: x", "{\"a\":{\"y\":2},\"b\":1}");
    // for k, k in: the value hides the key
    assertExports("a: [for k, k in [7, 8] {k}]", "{\"a\":[7,8]}");
    assertExports("a: {for k, k in {p: \"q\"} {(k): 1}}", "{\"a\":{\"q\":1}}");
  }
}
