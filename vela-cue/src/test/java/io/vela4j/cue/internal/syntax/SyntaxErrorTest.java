package io.vela4j.cue.internal.syntax;

import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.parse;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.syntaxError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CuePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax errors name the position, what was expected and what was found. */
class SyntaxErrorTest {

  @Test
  void exceptionCarriesOneSyntaxErrorWithPosition() {
    assertThatThrownBy(() -> Parser.parse("a.cue", "x: 1\ny: 2\nz: {\n  w: 1"))
        .isInstanceOfSatisfying(
            CueException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("a.cue:4:7: expected '}', found 'EOF'");
              CueError err = e.errors().get(0);
              assertThat(err.kind()).isEqualTo(CueError.Kind.SYNTAX);
              assertThat(err.message()).isEqualTo("expected '}', found 'EOF'");
              assertThat(err.path()).isEmpty();
              assertThat(err.positions()).containsExactly(new CuePosition("a.cue", 4, 7));
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      value = {
        // the oracle (cue v0.4) gives the same messages and positions for these (EOF after a final
        // newline is on the last line, as in Go)
        "a: {\\n => 1:6: expected '}', found 'EOF'",
        "a: 1 b: 2 => 1:6: missing ',' in struct literal",
        "a: \"abc => 1:4: string literal not terminated",
        "a: 0x => 1:4: illegal hexadecimal number",
        "a: 07 => 1:4: illegal integer number",
        // ours
        "a: => 1:3: expected expression, found 'EOF'",
        "a: } => 1:4: expected expression, found '}'",
        "a: ) => 1:4: expected expression, found ')'",
        "a: (1 => 1:6: expected ')', found newline",
        "a: [1 => 1:6: missing ',' before newline in list literal",
        "a: [1 + => 1:8: expected expression, found 'EOF'",
        "a: [1, => 1:7: expected ']', found 'EOF'",
        "a: x[ => 1:6: expected expression, found 'EOF'",
        "a: x[] => 1:6: expected expression, found ']'",
        "a: x[1 => 1:7: expected ']', found newline",
        "a: f(1 2) => 1:8: missing ',' in argument list",
        "a: x. => 1:6: expected selector, found 'EOF'",
        "a: x.1 => 1:6: expected selector, found '1'",
        "a: {b: 1 => 1:9: expected '}', found 'EOF'",
        "a: [..., 1] => 1:10: expected ']' after '...', found '1'",
        "a: {for x {}} => 1:11: expected 'in', found '{'",
        "a: {for x, in y {}} => 1:15: expected 'in', found 'y'",
        "a: {for x in y} => 1:15: expected '{', found '}'",
        "a: {if x} => 1:9: expected '{', found '}'",
        "a: {let x 1} => 1:11: expected '=', found '1'",
        "a: [for x in y x] => 1:16: expected '{', found 'x'",
        "a: {let _ = 1} => 1:9: cannot use _ as identifier here",
        "a: b: => 1:6: expected expression, found 'EOF'",
        "a: 1: 2 => 1:4: invalid label: expected identifier, string, (expression) or [pattern]",
        "import 1 => 1:8: expected import path string, found '1'",
        "import \"a\" \"b\" => 1:12: missing ',' in struct literal",
        "import (\"a\" \"b\") => 1:13: missing ',' in import list",
        "import \"\\(x)\" => 1:8: expected import path string, found '\"\\('",
        "a: 1\\nimport \"a\" => 2:1: imports must appear before other declarations",
        "a: 1 @ => 1:6: invalid attribute: expected identifier after '@'",
        "a: `x` => 1:4: invalid character U+0060 '`'",
        "a: x ? y => 1:8: expected ':', found 'y'",
        "a: 1 & => 1:7: expected expression, found 'EOF'",
        "a: !! => 1:6: expected expression, found 'EOF'",
        "a?!: 1 => 1:3: expected ':', found '!'"
      })
  void errorCases(String src, String error) {
    assertThat(syntaxError(src.replace("\\n", "\n"))).isEqualTo(error);
  }

  @Test
  void errorsOnLaterLinesReportTheirLine() {
    assertThat(syntaxError("a: 1\n\nb: {\n  c: [1, 2,\n  d: 3\n}"))
        .isEqualTo("5:4: missing ',' in list literal");
    assertThat(syntaxError("a: \"\"\"\n  x\n   y\n  z\n\t\"\"\""))
        .startsWith("2:1: invalid whitespace");
  }

  @Test
  void fileNameAppearsInPositions() {
    assertThatThrownBy(() -> Parser.parse("dir/t.cue", "a: {"))
        .hasMessage("dir/t.cue:1:5: expected '}', found 'EOF'");
  }

  @Test
  void validFilesDoNotThrow() {
    assertThat(parse("a: 1").decls()).hasSize(1);
  }
}
