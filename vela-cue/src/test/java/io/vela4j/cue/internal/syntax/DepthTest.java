package io.vela4j.cue.internal.syntax;

import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.parse;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.syntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Deep input never overflows the stack: 10,000 and 20,000 levels parse; beyond {@link
 * Parser#MAX_DEPTH} it is a syntax error. (cue v0.4 compiled to WebAssembly overflows at 2,000.)
 */
class DepthTest {

  private static String nest(String open, String middle, String close, int n) {
    return open.repeat(n) + middle + close.repeat(n);
  }

  /** Walks the implicit/explicit struct chain iteratively and returns its depth. */
  private static int structDepth(Ast.Expr e) {
    int depth = 0;
    while (e instanceof Ast.StructLit s && !s.decls().isEmpty()) {
      depth++;
      e = ((Ast.Field) s.decls().get(0)).value();
    }
    return depth;
  }

  @Test
  void tenThousandNestedStructs() {
    Ast.File f = parse("a: " + nest("{a: ", "1", "}", 10_000));
    assertThat(structDepth(((Ast.Field) f.decls().get(0)).value())).isEqualTo(10_000);
  }

  @Test
  void twentyThousandLevelsOfEveryNestingConstruct() {
    int n = 20_000;
    assertThat(
            structDepth(
                ((Ast.Field) parse("a: " + nest("{a: ", "1", "}", n)).decls().get(0)).value()))
        .isEqualTo(n);
    assertThat(
            structDepth(((Ast.Field) parse("a: " + "a: ".repeat(n) + "1").decls().get(0)).value()))
        .isEqualTo(n);
    assertThat(parse("a: " + nest("[", "", "]", n)).decls()).hasSize(1);
    assertThat(parse("a: " + nest("(", "1", ")", n)).decls()).hasSize(1);
    assertThat(parse("a: " + "-".repeat(n) + "1").decls()).hasSize(1);
    assertThat(parse("a: " + nest("x[", "0", "]", n)).decls()).hasSize(1);
    assertThat(parse("a: " + nest("f(", "", ")", n)).decls()).hasSize(1);
    assertThat(parse("a: " + nest("\"\\(", "1", ")\"", n)).decls()).hasSize(1);
    assertThat(parse("a: " + nest("{if true {", "", "}}", n / 2)).decls()).hasSize(1);
    assertThat(parse("a: " + nest("[for x in y {", "", "}]", n / 2)).decls()).hasSize(1);
  }

  @Test
  void longFlatChainsAreIterative() {
    assertThat(parse("a: " + "1 + ".repeat(100_000) + "1").decls()).hasSize(1);
    assertThat(parse("a: " + "x.".repeat(100_000) + "y").decls()).hasSize(1);
    assertThat(parse("a: " + "x | ".repeat(100_000) + "y").decls()).hasSize(1);
    assertThat(parse("a: 1\n".repeat(100_000)).decls()).hasSize(100_000);
  }

  @Test
  void beyondTheLimitIsASyntaxError() {
    int n = Parser.MAX_DEPTH + 1;
    assertThat(syntaxError("a: " + nest("[", "", "]", n)))
        .isEqualTo("1:25005: nesting depth exceeds the limit of 25000");
    assertThat(syntaxError("a: " + "-".repeat(n) + "1"))
        .isEqualTo("1:25005: nesting depth exceeds the limit of 25000");
    assertThat(syntaxError("a: " + nest("{a: ", "1", "}", 100_000)))
        .startsWith("1:")
        .endsWith(": nesting depth exceeds the limit of 25000");
  }

  @Test
  void deepInputIsParsedFromAThreadWithASmallStack() throws InterruptedException {
    Object[] result = new Object[1];
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result[0] = parse("a: " + nest("{a: ", "1", "}", 10_000));
              } catch (Throwable e) {
                result[0] = e;
              }
            },
            "small-stack",
            256 * 1024);
    t.start();
    t.join();
    assertThat(result[0]).isInstanceOf(Ast.File.class);
  }
}
