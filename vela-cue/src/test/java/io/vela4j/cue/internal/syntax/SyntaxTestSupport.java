package io.vela4j.cue.internal.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;

/** Helpers shared by the syntax tests. */
final class SyntaxTestSupport {
  private SyntaxTestSupport() {}

  /** Parses {@code src} as file {@code a.cue}. */
  static Ast.File parse(String src) {
    return Parser.parse("a.cue", src);
  }

  /** The debug form of a whole file. */
  static String print(String src) {
    return Printer.print(parse(src));
  }

  /** The value of the single field {@code x: <expr>}. */
  static Ast.Expr expr(String expr) {
    Ast.File f = parse("x: " + expr);
    assertThat(f.decls()).hasSize(1);
    return ((Ast.Field) f.decls().get(0)).value();
  }

  /** The debug form of the single field value {@code x: <expr>}. */
  static String printExpr(String expr) {
    return Printer.print(expr(expr));
  }

  /** Parses and expects a syntax error; returns {@code line:column: message}. */
  static String syntaxError(String src) {
    CueException e = catchThrowableOfType(CueException.class, () -> parse(src));
    assertThat(e).as("expected a syntax error for %s", src).isNotNull();
    assertThat(e.errors()).hasSize(1);
    CueError err = e.errors().get(0);
    assertThat(err.kind()).isEqualTo(CueError.Kind.SYNTAX);
    assertThat(err.positions()).hasSize(1);
    assertThat(err.positions().get(0).file()).isEqualTo("a.cue");
    assertThat(e.getMessage()).startsWith("a.cue:");
    return err.positions().get(0).line()
        + ":"
        + err.positions().get(0).column()
        + ": "
        + err.message();
  }
}
