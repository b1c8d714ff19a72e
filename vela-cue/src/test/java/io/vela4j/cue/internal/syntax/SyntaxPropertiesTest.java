package io.vela4j.cue.internal.syntax;

import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round-trip properties of literals and operator precedence. */
class SyntaxPropertiesTest {

  private static String underscored(String digits, int group) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % group == 0) {
        sb.append('_');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  @Test
  void integersInEveryBaseDecodeToTheirValue() {
    qt().forAll(longs().between(0, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE))
        .checkAssert(
            (a, b) -> {
              BigInteger n =
                  BigInteger.valueOf(a).multiply(BigInteger.valueOf(b).add(BigInteger.ONE));
              for (String src :
                  List.of(
                      n.toString(),
                      underscored(n.toString(), 3),
                      "0x" + n.toString(16),
                      "0X" + underscored(n.toString(16).toUpperCase(java.util.Locale.ROOT), 4),
                      "0o" + n.toString(8),
                      "0b" + underscored(n.toString(2), 8))) {
                Ast.Expr e = expr(src);
                assertThat(e).as(src).isInstanceOf(Ast.IntLit.class);
                assertThat(((Ast.IntLit) e).value()).as(src).isEqualTo(n);
              }
            });
  }

  /** Encodes code points as a CUE string body, choosing an escape form per code point. */
  private static String encode(List<Integer> cps, List<Integer> choices, String esc, char quote) {
    StringBuilder sb = new StringBuilder();
    Iterator<Integer> how = choices.iterator();
    for (int cp : cps) {
      int choice = how.hasNext() ? Math.floorMod(how.next(), 3) : 0;
      boolean mustEscape = cp == quote || cp == '\\' || cp == '\n' || cp == '\r' || cp < 0x20;
      if (choice == 0 && !mustEscape) {
        sb.appendCodePoint(cp);
      } else if (choice == 1 && cp <= 0xFFFF) {
        sb.append(esc).append(String.format("u%04x", cp));
      } else {
        sb.append(esc).append(String.format("U%08X", cp));
      }
    }
    return sb.toString();
  }

  private static String fromCodePoints(List<Integer> cps) {
    StringBuilder sb = new StringBuilder();
    cps.forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static boolean isScalar(int cp) {
    return cp < 0xD800 || cp > 0xDFFF;
  }

  @Test
  void escapedStringsDecodeToTheOriginalText() {
    qt().forAll(
            lists()
                .of(integers().between(0, 0x10FFFF).assuming(SyntaxPropertiesTest::isScalar))
                .ofSizeBetween(0, 30),
            lists().of(integers().all()).ofSizeBetween(0, 30))
        .checkAssert(
            (cps, choices) -> {
              String expected = fromCodePoints(cps);
              String plain = "\"" + encode(cps, choices, "\\", '"') + "\"";
              assertThat(((Ast.StringLit) expr(plain)).value()).isEqualTo(expected);
              String raw = "#\"" + encode(cps, choices, "\\#", '\0') + "\"#";
              if (!raw.contains("\\(") && !raw.contains("\"#\"")) {
                assertThat(((Ast.StringLit) expr(raw)).value()).isEqualTo(expected);
              }
              String bytes = "'" + encode(cps, choices, "\\", '\'') + "'";
              assertThat(((Ast.StringLit) expr(bytes)).byteValue())
                  .isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
  }

  private static final Ast.Op[] BINARY = {
    Ast.Op.OR, Ast.Op.AND, Ast.Op.LOR, Ast.Op.LAND, Ast.Op.EQL, Ast.Op.NEQ, Ast.Op.LSS,
    Ast.Op.LEQ, Ast.Op.GTR, Ast.Op.GEQ, Ast.Op.MAT, Ast.Op.NMAT, Ast.Op.ADD, Ast.Op.SUB,
    Ast.Op.MUL, Ast.Op.QUO
  };

  private static final Ast.Op[] UNARY = {
    Ast.Op.ADD, Ast.Op.SUB, Ast.Op.NOT, Ast.Op.MUL, Ast.Op.GEQ, Ast.Op.MAT
  };

  /** A random expression: its minimal source and its fully parenthesised debug form. */
  private record Gen(String src, String full, int prec) {}

  private static Gen gen(Iterator<Integer> r, int depth) {
    int k = r.hasNext() ? Math.floorMod(r.next(), 10) : 0;
    if (depth > 4 || k < 3) {
      String leaf = "v" + k;
      return new Gen(leaf, leaf, 100);
    }
    if (k == 3) {
      Ast.Op op = UNARY[Math.floorMod(r.hasNext() ? r.next() : 0, UNARY.length)];
      Gen x = gen(r, depth + 1);
      String xs = x.prec() >= 100 ? x.src() : "(" + x.src() + ")";
      String xf = x.prec() >= 100 ? x.full() : "paren(" + x.full() + ")";
      // A space keeps "- -x" and "* *x" from lexing differently.
      return new Gen(op.token() + " " + xs, "(" + op.token() + xf + ")", 100);
    }
    Ast.Op op = BINARY[Math.floorMod(r.hasNext() ? r.next() : 0, BINARY.length)];
    Gen x = gen(r, depth + 1);
    Gen y = gen(r, depth + 1);
    // Left-associative: the left operand needs parentheses only if it binds less tightly,
    // the right one if it does not bind more tightly.
    boolean px = x.prec() < op.precedence();
    boolean py = y.prec() <= op.precedence();
    String xs = px ? "(" + x.src() + ")" : x.src();
    String ys = py ? "(" + y.src() + ")" : y.src();
    String xf = px ? "paren(" + x.full() + ")" : x.full();
    String yf = py ? "paren(" + y.full() + ")" : y.full();
    return new Gen(
        xs + " " + op.token() + " " + ys,
        "(" + xf + " " + op.token() + " " + yf + ")",
        op.precedence());
  }

  private static final String[] PIECES = {
    "a",
    "_",
    "#D",
    "_#h",
    "$p",
    "1",
    "0x1F",
    "1.5",
    ".5",
    "1Ki",
    "1e3",
    "\"s\"",
    "'b'",
    "\"\\(",
    "\"\"\"\n",
    "#\"",
    "\"#",
    "'''\n",
    "\\",
    "\\u00e9",
    "\\#(",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ",",
    ":",
    "?",
    "!",
    "=",
    "==",
    "!=",
    "=~",
    "<",
    ">=",
    "&",
    "&&",
    "|",
    "||",
    "+",
    "-",
    "*",
    "/",
    ".",
    "...",
    "_|_",
    "null",
    "true",
    "for",
    "in",
    "if",
    "let",
    "package",
    "import",
    "@x(",
    "//c",
    "\n",
    " ",
    "\t",
    "\r",
    "é",
    "😀",
    "\u0000",
    "~",
    ";",
    "'"
  };

  @Test
  void arbitraryInputOnlyEverFailsWithASyntaxError() {
    // No NPE, ClassCastException, IndexOutOfBounds or StackOverflowError: only CueException.
    qt().withExamples(3000)
        .forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 40))
        .checkAssert(
            picks -> {
              StringBuilder sb = new StringBuilder();
              picks.forEach(i -> sb.append(PIECES[i]));
              String src = sb.toString();
              try {
                Ast.File f = Parser.parse("f.cue", src);
                assertThat(f.end()).isEqualTo(src.length());
                assertThat(Printer.print(f)).isNotNull();
              } catch (io.vela4j.cue.CueException e) {
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        err ->
                            assertThat(err.kind()).isEqualTo(io.vela4j.cue.CueError.Kind.SYNTAX));
              }
            });
  }

  @Test
  void operatorPrecedenceAndAssociativity() {
    qt().forAll(lists().of(integers().all()).ofSizeBetween(1, 60))
        .checkAssert(
            seed -> {
              Gen g = gen(seed.iterator(), 0);
              assertThat(Printer.print(expr(g.src()))).as(g.src()).isEqualTo(g.full());
            });
  }
}
