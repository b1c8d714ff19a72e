package io.vela4j.cue.internal.syntax;

import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.expr;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.printExpr;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.syntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding of every literal form of the spec ("Numeric literals", "String literals"). */
class LiteralTest {

  private static BigInteger intOf(String src) {
    Ast.Expr e = expr(src);
    assertThat(e).isInstanceOf(Ast.IntLit.class);
    assertThat(((Ast.IntLit) e).text()).isEqualTo(src);
    return ((Ast.IntLit) e).value();
  }

  private static BigDecimal floatOf(String src) {
    Ast.Expr e = expr(src);
    assertThat(e).isInstanceOf(Ast.FloatLit.class);
    return ((Ast.FloatLit) e).value();
  }

  private static Ast.StringLit string(String src) {
    Ast.Expr e = expr(src);
    assertThat(e).isInstanceOf(Ast.StringLit.class);
    return (Ast.StringLit) e;
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "42, 42",
    "1_000_000, 1000000",
    "170_141_183_460_469_231_731_687_303_715_884_105_727,"
        + " 170141183460469231731687303715884105727",
    "0xBad_Face, 195951310",
    "0XFF, 255",
    "0o755, 493",
    "0b0101_0001, 81",
    "1K, 1000",
    "1Ki, 1024",
    "2M, 2000000",
    "1Mi, 1048576",
    "1G, 1000000000",
    "1Gi, 1073741824",
    "1T, 1000000000000",
    "1Pi, 1125899906842624",
    "1.5G, 1500000000",
    "1.3Ki, 1331",
    ".5K, 500",
    "0x_FF, 255",
    "0b_1, 1",
    "0o_7, 7",
    "1_000K, 1000000"
  })
  void integerLiteralsDecodeLikeTheSpecExamples(String src, String value) {
    assertThat(intOf(src)).isEqualTo(new BigInteger(value));
  }

  @ParameterizedTest
  @CsvSource({
    "0., 0",
    "72.40, 72.40",
    "072.40, 72.40",
    "2.71828, 2.71828",
    "1.e+0, 1",
    "6.67428e-11, 6.67428E-11",
    "1E6, 1E+6",
    ".25, 0.25",
    ".12345E+5, 12345.0",
    "1_000.5, 1000.5"
  })
  void floatLiteralsKeepTheirDecimalValue(String src, String value) {
    assertThat(floatOf(src)).isEqualByComparingTo(new BigDecimal(value));
  }

  @Test
  void floatKeepsScaleOfTheSource() {
    assertThat(floatOf("1.50").scale()).isEqualTo(2);
    assertThat(floatOf("1.50").toPlainString()).isEqualTo("1.50");
  }

  @Test
  void negativeNumbersAreUnaryMinus() {
    assertThat(printExpr("-1")).isEqualTo("(-1)");
    assertThat(printExpr("-1.5")).isEqualTo("(-float(1.5))");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      value = {
        "07 => 1:4: illegal integer number",
        "0x => 1:4: illegal hexadecimal number",
        "0o => 1:4: illegal octal number",
        "0b => 1:4: illegal binary number",
        "0o8 => 1:4: illegal octal number",
        "0b102 => 1:8: invalid digit '2' in number literal",
        // cue scans "0B1" as 0 then the identifier B1
        "0B1 => 1:5: missing ',' in struct literal",
        "1Kb => 1:6: missing ',' in struct literal",
        "1e3K => 1:7: missing ',' in struct literal",
        "1__0 => 1:6: illegal '_' in number",
        "0x_ => 1:6: illegal '_' in number",
        "0x__F => 1:7: illegal '_' in number",
        "1_.5 => 1:5: illegal '_' in number",
        "1_ => 1:5: illegal '_' in number",
        "1e => 1:6: exponent has no digits",
        "1.Ki => 1:5: illegal fraction before multiplier"
      })
  void malformedNumbersAreSyntaxErrors(String src, String error) {
    assertThat(syntaxError("x: " + src)).isEqualTo(error);
  }

  @Test
  void afterAnOperandADotIsASelectorNotAFloat() {
    // Spec: "a .5e3" is a, ., 5, e3: a float may not follow an identifier.
    assertThat(syntaxError("x: a .5")).isEqualTo("1:7: expected selector, found '5'");
    assertThat(printExpr("a + .5")).isEqualTo("(a + float(0.5))");
  }

  // -------------------------------------------------------------------------------------------
  // Strings

  @Test
  void simpleStringEscapes() {
    assertThat(string("\"a\\nb\\tc\\\"d\\\\e\\/f\"").value()).isEqualTo("a\nb\tc\"d\\e/f");
    assertThat(string("\"\\a\\b\\f\\r\\v\"").value()).isEqualTo("\u0007\b\f\r\u000b");
    assertThat(string("\"\\u65e5本\\U00008a9e\"").value()).isEqualTo("日本語");
    assertThat(string("\"\\U0001F604\"").value()).isEqualTo("\uD83D\uDE04");
    // Surrogate pairs written as two escapes are combined (spec "String literals").
    assertThat(string("\"\\uD83D\\uDE04\"").value()).isEqualTo("\uD83D\uDE04");
    assertThat(string("#\"\\#uD83D\\#U0000DE04\"#").value()).isEqualTo("\uD83D\uDE04");
    assertThat(string("'\\uD83D\\uDE04'").byteValue())
        .isEqualTo("\uD83D\uDE04".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(string("\"日本語\"").value()).isEqualTo("日本語");
    Ast.StringLit s = string("\"x\"");
    assertThat(s.bytes()).isFalse();
    assertThat(s.multiline()).isFalse();
    assertThat(s.hashes()).isZero();
    assertThat(s.text()).isEqualTo("\"x\"");
  }

  @Test
  void bytesLiteralsDecodeToBytes() {
    Ast.StringLit b = string("'a\\000\\xab\\377\\u00FF\\'ÿ'");
    assertThat(b.bytes()).isTrue();
    assertThat(b.byteValue())
        .containsExactly(
            'a', 0, 0xab - 256, 0xff - 256, 0xc3 - 256, 0xbf - 256, '\'', 0xc3 - 256, 0xbf - 256);
    // These all represent the same bytes (spec example).
    assertThat(string("'\\xe6\\x97\\xa5\\xe6\\x9c\\xac\\xe8\\xaa\\x9e'").byteValue())
        .isEqualTo(string("'日本語'").byteValue())
        .isEqualTo("日本語".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      value = {
        // the oracle (cue v0.4) reports `\'` in a double-quoted string at the char after `\`
        "\"\\'\" => 1:6: unknown escape sequence",
        "'\\\"' => 1:6: unknown escape sequence",
        "\"\\q\" => 1:6: unknown escape sequence",
        "\"\\x41\" => 1:6: hexadecimal escape \\x is only allowed in bytes literals",
        "\"\\101\" => 1:6: octal escape is only allowed in bytes literals",
        "'\\400' => 1:6: octal escape value > 255: 256",
        "'\\xa' => 1:8: illegal character in escape sequence",
        "\"\\uD800\" => 1:6: unmatched surrogate pair",
        "\"\\uDC00\\uD800\" => 1:6: unmatched surrogate pair",
        "\"\\uD800\\u0041\" => 1:6: unmatched surrogate pair",
        "\"\\uD800x\" => 1:6: unmatched surrogate pair",
        "\"\\U00110000\" => 1:6: escape sequence is invalid Unicode code point",
        "\"\\u12\" => 1:9: illegal character in escape sequence",
        "\"abc => 1:4: string literal not terminated",
        "'abc => 1:4: string literal not terminated"
      })
  void badEscapesAndUnterminatedStrings(String src, String error) {
    assertThat(syntaxError("x: " + src)).isEqualTo(error);
  }

  @Test
  void newlineEndsASingleLineString() {
    assertThat(syntaxError("x: \"ab\ncd\"")).isEqualTo("1:4: string literal not terminated");
  }

  @Test
  void rawStringsNeedHashesToEscape() {
    Ast.StringLit s = string("#\"a\\nb\\#nc\"d\"#");
    assertThat(s.value()).isEqualTo("a\\nb\nc\"d");
    assertThat(s.hashes()).isEqualTo(1);
    Ast.StringLit s2 = string("##\"x\"#y\\#(z)\\##t\"##");
    assertThat(s2.value()).isEqualTo("x\"#y\\#(z)\t");
    assertThat(s2.hashes()).isEqualTo(2);
    assertThat(string("#'\\x41\\#x41'#").value()).isEqualTo("\\x41A");
  }

  @Test
  void rawStringsMayStartWithQuotes() {
    assertThat(string("#\"\"#").value()).isEmpty();
    assertThat(string("#\"\"hello\"\"#").value()).isEqualTo("\"hello\"");
    assertThat(string("#\"\"\"#").value()).isEqualTo("\"");
    assertThat(string("##\"\"\"##").value()).isEqualTo("\"");
    assertThat(printExpr("#\"\"\\#(1)\"#")).isEqualTo("interp(\"\\\"\", 1, \"\")");
  }

  @Test
  void rawStringsInterpolateOnlyWithHashes() {
    // KubeVela status CUE relies on #"...\(x)..."# staying literal.
    assertThat(printExpr("#\"not \\(x)\"#")).isEqualTo("\"not \\\\(x)\"");
    assertThat(printExpr("#\"is \\#(x)!\"#")).isEqualTo("interp(\"is \", x, \"!\")");
    assertThat(printExpr("##\"\\#(x)\\##(y)\"##")).isEqualTo("interp(\"\\\\#(x)\", y, \"\")");
  }

  @Test
  void interpolationsAreParts() {
    Ast.Expr e = expr("\"a\\(b)c\\(d + 1)\"");
    assertThat(e).isInstanceOf(Ast.Interpolation.class);
    Ast.Interpolation i = (Ast.Interpolation) e;
    assertThat(i.fragments()).containsExactly("a", "c", "");
    assertThat(i.exprs()).hasSize(2);
    assertThat(Printer.print(i.exprs().get(1))).isEqualTo("(d + 1)");
    assertThat(printExpr("\"\\(a)\"")).isEqualTo("interp(\"\", a, \"\")");
    assertThat(printExpr("\"x\\(\"y\\(z)\")\""))
        .isEqualTo("interp(\"x\", interp(\"y\", z, \"\"), \"\")");
    assertThat(printExpr("'b\\(x)\\xff'")).isEqualTo("interp(b'b', x, b'\\xff')");
    assertThat(printExpr("\"\\({a: 1}.a)\"")).isEqualTo("interp(\"\", {a: 1}.a, \"\")");
  }

  @Test
  void interpolationMustBeClosed() {
    assertThat(syntaxError("x: \"a\\(b c)\""))
        .isEqualTo("1:10: expected ')' for string interpolation, found 'c'");
    assertThat(syntaxError("x: \"a\\(b\"")).isEqualTo("1:9: string literal not terminated");
  }

  @Test
  void multilineStringsStripTheClosingIndentation() {
    // The spec's haiku example.
    String src =
        "\"\"\"\n"
            + "    lily:\n"
            + "    out of the water\n"
            + "    out of itself\n"
            + "\n"
            + "    bass\n"
            + "    picking \\\n"
            + "    bugs\n"
            + "    off the moon\n"
            + "        — Nick Virgilio, Selected Haiku, 1988\n"
            + "    \"\"\"";
    Ast.StringLit s = string(src);
    assertThat(s.multiline()).isTrue();
    assertThat(s.value())
        .isEqualTo(
            "lily:\nout of the water\nout of itself\n\n"
                + "bass\npicking bugs\noff the moon\n"
                + "    — Nick Virgilio, Selected Haiku, 1988");
  }

  @Test
  void multilineEdgeCases() {
    assertThat(string("\"\"\"\n\"\"\"").value()).isEmpty();
    assertThat(string("\"\"\"\n  \"\"\"").value()).isEmpty();
    assertThat(string("\"\"\"\n\n  \"\"\"").value()).isEqualTo("");
    assertThat(string("\"\"\"\n  a\n\n  \"\"\"").value()).isEqualTo("a\n");
    assertThat(string("\"\"\"\n\ta\n\t\"\"\"").value()).isEqualTo("a");
    assertThat(string("\"\"\"\r\n  a\r\n  b\r\n  \"\"\"").value()).isEqualTo("a\nb");
    assertThat(string("\"\"\"\n  \"quoted\" \\\"\"\"\n  \"\"\"").value())
        .isEqualTo("\"quoted\" \"\"\"");
    assertThat(string("'''\n  \\x00'\n  '''").byteValue()).containsExactly(0, '\'');
    assertThat(string("#\"\"\"\n  \\(x)\"\"\"\n  \"\"\"#").value()).isEqualTo("\\(x)\"\"\"");
  }

  @Test
  void multilineInterpolationStripsOnlyAtLineStarts() {
    assertThat(printExpr("\"\"\"\n    a\\(x)  b\n    c\\(y)\n    \"\"\""))
        .isEqualTo("interp(\"a\", x, \"  b\\nc\", y, \"\")");
  }

  @Test
  void multilineErrors() {
    assertThat(syntaxError("x: \"\"\"abc\n\"\"\""))
        .isEqualTo("1:7: expected newline after multiline quote \"\"\"");
    // Not even trailing blanks may follow the opening quotes (cue: same error).
    assertThat(syntaxError("x: \"\"\" \n  a\n  \"\"\""))
        .isEqualTo("1:7: expected newline after multiline quote \"\"\"");
    // A non-empty line without the closing indentation (cue: "invalid whitespace").
    assertThat(syntaxError("x: \"\"\"\n  a\n    \"\"\"")).startsWith("2:1: invalid whitespace");
    // Whitespace-only lines shorter than the indentation are also rejected (like cue v0.4).
    assertThat(syntaxError("x: \"\"\"\n    a\n  \n    \"\"\""))
        .startsWith("3:1: invalid whitespace");
    assertThat(syntaxError("x: \"\"\"\n  a\"\"\""))
        .isEqualTo("2:4: closing quote of multiline string must follow a newline");
    assertThat(syntaxError("x: \"\"\"\n  a\n")).isEqualTo("1:4: string literal not terminated");
  }

  @Test
  void keywordsLiteralsAndSpecialValues() {
    assertThat(expr("null")).isInstanceOf(Ast.NullLit.class);
    assertThat(((Ast.BoolLit) expr("true")).value()).isTrue();
    assertThat(((Ast.BoolLit) expr("false")).value()).isFalse();
    assertThat(expr("_")).isInstanceOf(Ast.TopLit.class);
    assertThat(expr("_|_")).isInstanceOf(Ast.BottomLit.class);
    assertThat(printExpr("_|_ | _")).isEqualTo("(_|_ | _)");
  }

  @Test
  void identifiers() {
    for (String name :
        List.of(
            "a",
            "_x9",
            "fieldName",
            "αβ",
            "$params",
            "#Def",
            "_#hidden",
            "_h",
            "__reserved",
            "a$b",
            "#a1",
            "for",
            "in",
            "let",
            "if",
            "package",
            "import")) {
      Ast.Expr e = expr(name);
      assertThat(e).as(name).isInstanceOf(Ast.Ident.class);
      assertThat(((Ast.Ident) e).name()).isEqualTo(name);
    }
    Ast.Ident def = (Ast.Ident) expr("#Def");
    assertThat(def.isDefinition()).isTrue();
    assertThat(def.isHidden()).isFalse();
    Ast.Ident hd = (Ast.Ident) expr("_#d");
    assertThat(hd.isDefinition()).isTrue();
    assertThat(hd.isHidden()).isTrue();
    Ast.Ident h = (Ast.Ident) expr("_h");
    assertThat(h.isDefinition()).isFalse();
    assertThat(h.isHidden()).isTrue();
    assertThat(syntaxError("x: #1")).isEqualTo("1:4: invalid character '#'");
    assertThat(syntaxError("x: _#")).isEqualTo("1:4: invalid identifier '_#'");
    assertThat(syntaxError("x: a ~ b")).isEqualTo("1:6: invalid character U+007E '~'");
  }
}
