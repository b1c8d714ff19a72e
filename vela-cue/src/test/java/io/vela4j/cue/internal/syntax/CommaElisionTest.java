package io.vela4j.cue.internal.syntax;

import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.print;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.syntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spec "Commas": a newline after certain tokens inserts a comma. */
class CommaElisionTest {

  @Test
  void newlineAfterOperandEndingTokensInsertsAComma() {
    assertThat(print("a: b\nc: 1")).isEqualTo("a: b; c: 1"); // identifier
    assertThat(print("a: 1\nc: 1")).isEqualTo("a: 1; c: 1"); // int
    assertThat(print("a: 1.5\nc: 1")).isEqualTo("a: float(1.5); c: 1"); // float
    assertThat(print("a: \"s\"\nc: 1")).isEqualTo("a: \"s\"; c: 1"); // string
    assertThat(print("a: \"\\(x)\"\nc: 1")).isEqualTo("a: interp(\"\", x, \"\"); c: 1");
    assertThat(print("a: \"\"\"\n  s\n  \"\"\"\nc: 1")).isEqualTo("a: \"s\"; c: 1");
    assertThat(print("a: _|_\nc: 1")).isEqualTo("a: _|_; c: 1"); // bottom
    assertThat(print("a: null\nc: true\nd: _\ne: 1")).isEqualTo("a: null; c: true; d: _; e: 1");
    assertThat(print("a: f(x)\nc: 1")).isEqualTo("a: f(x); c: 1"); // )
    assertThat(print("a: x[0]\nc: 1")).isEqualTo("a: x[0]; c: 1"); // ]
    assertThat(print("a: {}\nc: 1")).isEqualTo("a: {}; c: 1"); // }
    assertThat(print("a: {...}\nc: {\n  ...\n}")).isEqualTo("a: {...}; c: {...}"); // ...
    assertThat(print("a: 1 @x()\nc: 1")).isEqualTo("a: 1 @x(); c: 1"); // attribute
    assertThat(print("a: 1 // comment\nc: 1")).isEqualTo("a: 1; c: 1"); // comment acts as newline
  }

  @Test
  void newlineAfterOperatorsAndOpenersDoesNot() {
    assertThat(print("a: 1 +\n  2\nc: 3")).isEqualTo("a: (1 + 2); c: 3");
    assertThat(print("a: b &\n  c |\n  d")).isEqualTo("a: ((b & c) | d)");
    assertThat(print("a: {\n  b: 1\n}")).isEqualTo("a: {b: 1}");
    assertThat(print("a:\n  1")).isEqualTo("a: 1");
    assertThat(print("a: f(\n  1,\n  2,\n)")).isEqualTo("a: f(1, 2)");
    assertThat(print("a: x.\n  y")).isEqualTo("a: x.y");
    assertThat(print("a: [\n  1,\n  2,\n]")).isEqualTo("a: [1, 2]");
    assertThat(print("a: [\n  1,\n  2\n]")).isEqualTo("a: [1, 2]");
  }

  @Test
  void noCommaIsInsertedBeforeALineStartingWithCommaOrColon() {
    // cue keeps JSON written with leading commas or colons parseable (the oracle accepts these).
    assertThat(print("a: b\n: c: 1")).isEqualTo("a: {b: {c: 1}}");
    assertThat(print("a: [string]\n\n  : int")).isEqualTo("a: {[string]: int}");
    assertThat(print("a: 1\n, b: 2")).isEqualTo("a: 1; b: 2");
    assertThat(print("a: [1\n, 2\n]")).isEqualTo("a: [1, 2]");
  }

  @Test
  void questionMarkInsertsAComma() {
    assertThat(syntaxError("a?\nb: 1")).isEqualTo("1:3: expected ':', found newline");
    assertThat(print("a?\n: 1")).isEqualTo("a?: 1");
  }

  @Test
  void listsNeedExplicitCommasBetweenElementsBeforeV017() {
    // cue v0.4 (oracle) and v0.14: "missing ',' before newline in list literal".
    assertThat(syntaxError("a: [\n1\n2\n]"))
        .isEqualTo("3:1: missing ',' before newline in list literal");
    assertThat(syntaxError("a: [1, 2"))
        .isEqualTo("1:9: missing ',' before newline in list literal");
    assertThat(syntaxError("a: [1 2]")).isEqualTo("1:7: missing ',' in list literal");
  }

  @Test
  void argumentListsAcceptNewlineCommas() {
    // The oracle (cue v0.4) accepts `f(1\n2)`.
    assertThat(print("a: f(1\n2)")).isEqualTo("a: f(1, 2)");
  }

  @Test
  void structsAcceptNewlineCommasAndRequireThemBetweenFields() {
    assertThat(print("a: {b: 1\nc: 2}")).isEqualTo("a: {b: 1, c: 2}");
    assertThat(syntaxError("a: 1 b: 2")).isEqualTo("1:6: missing ',' in struct literal");
    assertThat(syntaxError("a: {a: 1 b: 2}")).isEqualTo("1:10: missing ',' in struct literal");
  }

  @Test
  void comprehensionClausesMayBeOnSeparateLines() {
    assertThat(print("for x in xs\nif x > 1\nlet y = x {\n  (y): 1\n}"))
        .isEqualTo("for x in xs if (x > 1) let y = x {(y): 1}");
    // Like cue, a comma may follow any clause, even before the body.
    assertThat(print("for x in xs\n{a: 1}")).isEqualTo("for x in xs {a: 1}");
    assertThat(print("a: [for x in xs if x, {x}]")).isEqualTo("a: [for x in xs if x {x}]");
    assertThat(syntaxError("for x in xs\n\na: 1")).isEqualTo("3:1: expected '{', found 'a'");
  }

  @Test
  void crlfLineEndings() {
    assertThat(print("a: 1\r\nb: \"x\"\r\n// c\r\nc: [\r\n  1,\r\n]\r\n"))
        .isEqualTo("a: 1; b: \"x\"; c: [1]");
  }
}
