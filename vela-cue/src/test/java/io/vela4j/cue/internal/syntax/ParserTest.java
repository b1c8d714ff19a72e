package io.vela4j.cue.internal.syntax;

import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.expr;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.parse;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.print;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.printExpr;
import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.syntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.cue.internal.syntax.Ast.Constraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar: operators, labels, fields, structs, lists, comprehensions, preamble. */
class ParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      value = {
        // precedence: * / > + - > comparisons > && > || > & > |
        "1 + 2 * 3 => (1 + (2 * 3))",
        "1 * 2 + 3 => ((1 * 2) + 3)",
        "1 - 2 - 3 => ((1 - 2) - 3)",
        "8 / 4 / 2 => ((8 / 4) / 2)",
        "a + b == c * d => ((a + b) == (c * d))",
        "a == b && c != d => ((a == b) && (c != d))",
        "a && b || c && d => ((a && b) || (c && d))",
        "a || b & c || d => ((a || b) & (c || d))",
        "a & b | c & d => ((a & b) | (c & d))",
        "a | b | c => ((a | b) | c)",
        "a < b <= c => ((a < b) <= c)",
        "a =~ b !~ c => ((a =~ b) !~ c)",
        "a > b >= c => ((a > b) >= c)",
        "(a | b) & c => (paren((a | b)) & c)",
        "-a * b => ((-a) * b)",
        "!a && b => ((!a) && b)",
        "!!a => (!(!a))",
        "- -1 => (-(-1))",
        "+a => (+a)",
        "*1 | 2 => ((*1) | 2)",
        "*\"a\" | \"b\" | *\"c\" => (((*\"a\") | \"b\") | (*\"c\"))",
        "int | *1 & >0 => (int | ((*1) & (>0)))",
        ">=1 & <=5 => ((>=1) & (<=5))",
        "!=0 & <10 & >-1 => (((!=0) & (<10)) & (>(-1)))",
        "=~\"^a\" & !~\"b$\" => ((=~\"^a\") & (!~\"b$\"))",
        "* >=5 | int => ((*(>=5)) | int)",
        "a.b.c => a.b.c",
        "a.\"b-c\".d => a.\"b-c\".d",
        "a.#D._h._#x => a.#D._h._#x",
        "a[0][\"k\"] => a[0][\"k\"]",
        "a[1:2] => a[1:2]",
        "a[:2] => a[:2]",
        "a[1:] => a[1:]",
        "a[:] => a[:]",
        "f() => f()",
        "f(1, g(2), 3,) => f(1, g(2), 3)",
        "strings.ToLower(x).y[0] => strings.ToLower(x).y[0]",
        "-a.b[0] => (-a.b[0])",
        "len(x) > 0 && x[0] != _|_ => ((len(x) > 0) && (x[0] != _|_))",
        "{a: 1}.a => {a: 1}.a",
        "[1, 2][0] => [1, 2][0]",
        "\"a\" + \"b\" => (\"a\" + \"b\")"
      })
  void operatorsAndPrimaryExpressions(String src, String printed) {
    assertThat(printExpr(src)).isEqualTo(printed);
  }

  @Test
  void binaryExpressionRecordsOperatorAndPositions() {
    Ast.BinaryExpr b = (Ast.BinaryExpr) expr("a  && b");
    assertThat(b.op()).isEqualTo(Ast.Op.LAND);
    assertThat(b.opPos().column()).isEqualTo(7);
    assertThat(b.pos().column()).isEqualTo(4);
    assertThat(b.op().precedence()).isEqualTo(4);
    assertThat(Ast.Op.NMAT.isRelational()).isTrue();
    assertThat(Ast.Op.EQL.isRelational()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      value = {
        "a: 1 => a: 1",
        "a?: int => a?: int",
        "a!: int => a!: int",
        "\"a-b\": 1 => \"a-b\": 1",
        "\"a\"?: 1 => \"a\"?: 1",
        "#D: {a: int} => #D: {a: int}",
        "_h: 1 => _h: 1",
        "_#hd: 1 => _#hd: 1",
        "$p: 1 => $p: 1",
        "(k): v => (k): v",
        "(k)?: v => (k)?: v",
        "\"\\(k)-x\": v => interp(\"\", k, \"-x\"): v",
        "[string]: int => [string]: int",
        "[=~\"^a\"]: int => [(=~\"^a\")]: int",
        "[X=string]: {name: X} => [X=string]: {name: X}",
        "X=a: 1 => X=a: 1",
        "X=(k): 1 => X=(k): 1",
        "(X=k): X => (X=k): X",
        "Y=[string]: Y => Y=[string]: Y",
        "a: X={b: X.c} => a: X={b: X.c}",
        "a: b: c: 1 => a: {b: {c: 1}}",
        "a?: b!: 1 => a?: {b!: 1}",
        "a: X=b: 1 => a: {X=b: 1}",
        "a: [string]: 1 => a: {[string]: 1}",
        "if: 1 => if: 1",
        "for: 1 => for: 1",
        "let: 1 => let: 1",
        "in: 1 => in: 1",
        "package: 1 => package: 1",
        "import: 1 => import: 1",
        "null: 1 => null: 1",
        "true: 1 => true: 1",
        "if?: 1 => if?: 1",
        "for!: 1 => for!: 1",
        "a: 1 @go(A) @json(\"a,omitempty\") => a: 1 @go(A) @json(\"a,omitempty\")",
        "a: 1, b: 2 => a: 1; b: 2"
      })
  void fieldsAndLabels(String src, String printed) {
    assertThat(print(src)).isEqualTo(printed);
  }

  @Test
  void fieldStructure() {
    Ast.Field f = (Ast.Field) parse("X=\"a\"?: Y=int @a(b)").decls().get(0);
    assertThat(f.alias().name()).isEqualTo("X");
    assertThat(((Ast.StringLit) f.label()).value()).isEqualTo("a");
    assertThat(f.constraint()).isEqualTo(Constraint.OPTIONAL);
    assertThat(f.value()).isInstanceOf(Ast.AliasExpr.class);
    assertThat(f.attributes())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("a");
              assertThat(a.body()).isEqualTo("b");
            });
    Ast.Field shorthand = (Ast.Field) parse("a: b: 1").decls().get(0);
    assertThat(shorthand.value())
        .isInstanceOfSatisfying(Ast.StructLit.class, s -> assertThat(s.implicit()).isTrue());
    Ast.Field braces = (Ast.Field) parse("a: {b: 1}").decls().get(0);
    assertThat(((Ast.StructLit) braces.value()).implicit()).isFalse();
    Ast.Field pattern = (Ast.Field) parse("[X=string]: 1").decls().get(0);
    assertThat(pattern.label())
        .isInstanceOfSatisfying(
            Ast.PatternLabel.class, p -> assertThat(p.expr()).isInstanceOf(Ast.AliasExpr.class));
    Ast.Field dyn = (Ast.Field) parse("(a + \"x\"): 1").decls().get(0);
    assertThat(dyn.label()).isInstanceOf(Ast.DynamicLabel.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      value = {
        "a: {} => a: {}",
        "a: {...} => a: {...}",
        "a: {b: 1, ...} => a: {b: 1, ...}",
        "a: {...string} => a: {...string}",
        "a: {b, c: 1} => a: {b, c: 1}",
        "a: {#D, c: 1} => a: {#D, c: 1}",
        "a: {X=b} => a: {X=b}",
        "a: {let x = 1, y: x} => a: {let x = 1, y: x}",
        "a: {@attr(x), b: 1} => a: {@attr(x), b: 1}",
        "a: [] => a: []",
        "a: [...] => a: [...]",
        "a: [...int] => a: [...int]",
        "a: [1, ...] => a: [1, ...]",
        "a: [1, 2, ...string,] => a: [1, 2, ...string]",
        "a: [1, 2,] => a: [1, 2]",
        "a: [X=1, X] => a: [X=1, X]",
        "a: [{b: 1}, [2]] => a: [{b: 1}, [2]]",
        "a: [for x in y {x}] => a: [for x in y {x}]",
        "a: [if c {1}, 2] => a: [if c {1}, 2]",
        "a: [for i, x in y if i > 0 let z = x * 2 {z}] => "
            + "a: [for i, x in y if (i > 0) let z = (x * 2) {z}]",
        "a: [for x in y for z in x {z}] => a: [for x in y for z in x {z}]",
        "a: {for k, v in m {(k): v}} => a: {for k, v in m {(k): v}}",
        "a: {if x {b: 1}} => a: {if x {b: 1}}",
        "a: {if !x {b: 1}} => a: {if (!x) {b: 1}}",
        "a: {if (x) {b: 1}} => a: {if paren(x) {b: 1}}",
        "a: {if} => a: {if}",
        "a: {if, for} => a: {if, for}",
        "a: {for} => a: {for}",
        "a: {for x in y, if x {b: 1}} => a: {for x in y if x {b: 1}}",
        "a: {for _, v in y {v}} => a: {for _, v in y {v}}",
        "if x {a: 1} => if x {a: 1}",
        "for x in [1] {\"\\(x)\": x} => for x in [1] {interp(\"\", x, \"\"): x}",
        "\"a\" => \"a\"",
        "{a: 1} => {a: 1}",
        "1 + 2 => (1 + 2)"
      })
  void structsListsComprehensionsAndEmbeddings(String src, String printed) {
    assertThat(print(src)).isEqualTo(printed);
  }

  @Test
  void declarationsOnSeparateLines() {
    assertThat(print("let x = 1\ny: x")).isEqualTo("let x = 1; y: x");
    assertThat(print("a: 1\n...")).isEqualTo("a: 1; ...");
    assertThat(print("a: {\n  b: 1\n  ...\n}")).isEqualTo("a: {b: 1, ...}");
  }

  @Test
  void comprehensionStructure() {
    Ast.Comprehension c =
        (Ast.Comprehension) parse("for k, v in m if v > 1 let w = v {(k): w}").decls().get(0);
    assertThat(c.clauses()).hasSize(3);
    Ast.ForClause f = (Ast.ForClause) c.clauses().get(0);
    assertThat(f.key().name()).isEqualTo("k");
    assertThat(f.value().name()).isEqualTo("v");
    assertThat(c.clauses().get(1)).isInstanceOf(Ast.IfClause.class);
    assertThat(((Ast.LetClause) c.clauses().get(2)).name().name()).isEqualTo("w");
    assertThat(c.body().decls()).hasSize(1);
    Ast.ForClause single =
        (Ast.ForClause)
            ((Ast.Comprehension) parse("for v in m {}").decls().get(0)).clauses().get(0);
    assertThat(single.key()).isNull();
  }

  @Test
  void listStructure() {
    Ast.ListLit l = (Ast.ListLit) expr("[1, for x in y {x}, ...int]");
    assertThat(l.elements()).hasSize(2);
    assertThat(l.elements().get(1)).isInstanceOf(Ast.Comprehension.class);
    assertThat(l.ellipsis()).isNotNull();
    assertThat(l.ellipsis().type()).isInstanceOf(Ast.Ident.class);
    assertThat(((Ast.ListLit) expr("[...]")).ellipsis().type()).isNull();
    assertThat(((Ast.ListLit) expr("[1]")).ellipsis()).isNull();
  }

  @Test
  void preamble() {
    Ast.File f =
        parse(
            "@extern(embed)\n"
                + "package foo\n"
                + "\n"
                + "import \"strings\"\n"
                + "import (\n"
                + "  j \"encoding/json\"\n"
                + "  \"list\"\n"
                + ")\n"
                + "a: strings.ToLower(\"A\")\n");
    assertThat(f.filename()).isEqualTo("a.cue");
    assertThat(f.attributes())
        .singleElement()
        .satisfies(a -> assertThat(a.name()).isEqualTo("extern"));
    assertThat(f.packageClause().name().name()).isEqualTo("foo");
    assertThat(f.imports()).hasSize(2);
    assertThat(f.imports().get(0).specs())
        .singleElement()
        .satisfies(s -> assertThat(s.importPath()).isEqualTo("strings"));
    assertThat(f.imports().get(1).specs()).hasSize(2);
    assertThat(f.imports().get(1).specs().get(0).name().name()).isEqualTo("j");
    assertThat(f.imports().get(1).specs().get(0).importPath()).isEqualTo("encoding/json");
    assertThat(f.imports().get(1).specs().get(1).name()).isNull();
    assertThat(f.decls()).hasSize(1);
    assertThat(Printer.print(f))
        .isEqualTo(
            "@extern(embed); package foo; import (\"strings\"); import (j \"encoding/json\","
                + " \"list\"); a: strings.ToLower(\"A\")");
  }

  @Test
  void leadingAttributesAreFileAttributesLaterOnesDeclarations() {
    // SourceFile = { attribute "," } [ PackageClause "," ] { ImportDecl "," } { Declaration "," }
    Ast.File f = parse("@a(x)\n@b(y)\nc: 1\n@d(z)");
    assertThat(f.attributes()).extracting(Ast.Attribute::name).containsExactly("a", "b");
    assertThat(f.decls()).hasSize(2);
    assertThat(f.decls().get(1)).isInstanceOf(Ast.Attribute.class);
    assertThat(parse("@a(x)").attributes()).hasSize(1);
    assertThat(parse("package p\n@a(x)").decls().get(0)).isInstanceOf(Ast.Attribute.class);
  }

  @Test
  void attributeBodiesAreRawAndBalanced() {
    Ast.Field f = (Ast.Field) parse("a: 1 @x(a, b=\"c)\", f(g[1]), {k})").decls().get(0);
    assertThat(f.attributes().get(0).body()).isEqualTo("a, b=\"c)\", f(g[1]), {k}");
    assertThat(syntaxError("a: 1 @x(a")).isEqualTo("1:6: attribute missing ')'");
    assertThat(syntaxError("a: 1 @x(a]")).isEqualTo("1:10: invalid attribute: unbalanced ']'");
    assertThat(syntaxError("a: 1 @x")).isEqualTo("1:8: invalid attribute: expected '('");
  }

  @Test
  void emptyAndCommentOnlyFiles() {
    assertThat(parse("").decls()).isEmpty();
    assertThat(parse("// just a comment\n").decls()).isEmpty();
    assertThat(parse("// just a comment\n").comments()).hasSize(1);
    assertThat(parse("\uFEFFa: 1").decls()).hasSize(1);
  }

  @Test
  void selectorsMayNotBeTopOrNumbers() {
    assertThat(syntaxError("x: a._")).isEqualTo("1:6: expected selector, found '_'");
    assertThat(syntaxError("x: a.'b'"))
        .isEqualTo("1:6: invalid selector: expected a simple string");
    assertThat(syntaxError("x: a.#\"b\"#"))
        .isEqualTo("1:6: invalid selector: expected a simple string");
  }

  @Test
  void aliasesOnlyWhereTheGrammarAllowsThem() {
    assertThat(syntaxError("x: (X=1)"))
        .isEqualTo("1:5: alias in parentheses is only allowed in a field label");
    assertThat(syntaxError("x: 1 + X=2")).isEqualTo("1:9: missing ',' in struct literal");
    assertThat(syntaxError("_=a: 1")).isEqualTo("1:1: cannot use _ as identifier here");
  }

  @Test
  void invalidLabels() {
    assertThat(syntaxError("1: 2"))
        .isEqualTo("1:1: invalid label: expected identifier, string, (expression) or [pattern]");
    assertThat(syntaxError("a + b: 2"))
        .isEqualTo("1:1: invalid label: expected identifier, string, (expression) or [pattern]");
    assertThat(print("'a': 2")).isEqualTo("b'a': 2");
    assertThat(print("\"\"\"\n  m\n  \"\"\": 2")).isEqualTo("\"m\": 2");
    assertThat(print("#\"r\"#: 2")).isEqualTo("\"r\": 2");
    assertThat(syntaxError("_: 2")).isEqualTo("1:1: invalid label: cannot use _ as label");
    assertThat(syntaxError("[1, 2]: 2"))
        .isEqualTo("1:1: invalid label: expected identifier, string, (expression) or [pattern]");
    assertThat(syntaxError("a?\nb: 1")).isEqualTo("1:3: expected ':', found newline");
  }
}
