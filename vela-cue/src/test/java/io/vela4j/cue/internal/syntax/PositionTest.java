package io.vela4j.cue.internal.syntax;

import static io.vela4j.cue.internal.syntax.SyntaxTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every node carries file, line, column, offset and end offset. */
class PositionTest {

  private static String at(Ast.Node n) {
    return n.pos().line() + ":" + n.pos().column();
  }

  private static String text(String src, Ast.Node n) {
    return src.substring(n.pos().offset(), n.end());
  }

  @Test
  void fieldsAndValues() {
    String src = "package p\n\na: 1\n  b?: {\n\tc: x.y[0]\n  }\n";
    Ast.File f = parse(src);
    assertThat(f.pos().file()).isEqualTo("a.cue");
    assertThat(at(f.packageClause())).isEqualTo("1:1");
    assertThat(at(f.packageClause().name())).isEqualTo("1:9");
    Ast.Field a = (Ast.Field) f.decls().get(0);
    assertThat(at(a)).isEqualTo("3:1");
    assertThat(at(a.label())).isEqualTo("3:1");
    assertThat(at(a.value())).isEqualTo("3:4");
    assertThat(text(src, a)).isEqualTo("a: 1");
    Ast.Field b = (Ast.Field) f.decls().get(1);
    assertThat(at(b)).isEqualTo("4:3");
    assertThat(text(src, b)).isEqualTo("b?: {\n\tc: x.y[0]\n  }");
    Ast.StructLit s = (Ast.StructLit) b.value();
    assertThat(at(s)).isEqualTo("4:7");
    Ast.Field c = (Ast.Field) s.decls().get(0);
    assertThat(at(c)).isEqualTo("5:2");
    Ast.IndexExpr idx = (Ast.IndexExpr) c.value();
    assertThat(at(idx)).isEqualTo("5:5");
    assertThat(text(src, idx)).isEqualTo("x.y[0]");
    assertThat(at(idx.index())).isEqualTo("5:9");
    Ast.SelectorExpr sel = (Ast.SelectorExpr) idx.x();
    assertThat(at(sel.sel())).isEqualTo("5:7");
    assertThat(sel.name()).isEqualTo("y");
    assertThat(f.pos().toString()).isEqualTo("a.cue:1:1");
  }

  @Test
  void expressionsCoverTheirSourceText() {
    String src = "x: -a.b + f(1, \"s\\(k)\") * [1, ...] | {c: d} & (e) | *g[1:2] @t(u)";
    Ast.File f = parse(src);
    List<String> texts = new ArrayList<>();
    collect(src, f.decls().get(0), texts);
    assertThat(texts)
        .contains(
            "x: -a.b + f(1, \"s\\(k)\") * [1, ...] | {c: d} & (e) | *g[1:2] @t(u)",
            "-a.b + f(1, \"s\\(k)\") * [1, ...] | {c: d} & (e) | *g[1:2]",
            "-a.b",
            "a.b",
            "f(1, \"s\\(k)\") * [1, ...]",
            "f(1, \"s\\(k)\")",
            "\"s\\(k)\"",
            "k",
            "[1, ...]",
            "...",
            "{c: d}",
            "c: d",
            "(e)",
            "*g[1:2]",
            "g[1:2]",
            "@t(u)");
  }

  /** Collects the source text of every node reachable through the debug-relevant children. */
  private static void collect(String src, Ast.Node n, List<String> out) {
    out.add(text(src, n));
    if (n instanceof Ast.Field f) {
      collect(src, f.value(), out);
      f.attributes().forEach(a -> collect(src, a, out));
    } else if (n instanceof Ast.BinaryExpr b) {
      collect(src, b.x(), out);
      collect(src, b.y(), out);
    } else if (n instanceof Ast.UnaryExpr u) {
      collect(src, u.x(), out);
    } else if (n instanceof Ast.SelectorExpr s) {
      collect(src, s.x(), out);
    } else if (n instanceof Ast.CallExpr c) {
      c.args().forEach(a -> collect(src, a, out));
    } else if (n instanceof Ast.Interpolation i) {
      i.exprs().forEach(a -> collect(src, a, out));
    } else if (n instanceof Ast.ListLit l) {
      l.elements().forEach(a -> collect(src, a, out));
      if (l.ellipsis() != null) {
        collect(src, l.ellipsis(), out);
      }
    } else if (n instanceof Ast.StructLit s) {
      s.decls().forEach(a -> collect(src, a, out));
    } else if (n instanceof Ast.SliceExpr s) {
      collect(src, s.x(), out);
    }
  }

  @Test
  void comprehensionsAndClauses() {
    String src = "a: [\n  for i, v in l\n  if v {v}]";
    Ast.ListLit l = (Ast.ListLit) ((Ast.Field) parse(src).decls().get(0)).value();
    Ast.Comprehension c = (Ast.Comprehension) l.elements().get(0);
    assertThat(at(c)).isEqualTo("2:3");
    assertThat(at(c.clauses().get(0))).isEqualTo("2:3");
    assertThat(at(((Ast.ForClause) c.clauses().get(0)).key())).isEqualTo("2:7");
    assertThat(at(((Ast.ForClause) c.clauses().get(0)).source())).isEqualTo("2:15");
    assertThat(at(c.clauses().get(1))).isEqualTo("3:3");
    assertThat(text(src, c)).isEqualTo("for i, v in l\n  if v {v}");
  }

  @Test
  void multilineStringsAndUnicodeColumns() {
    String src = "a: \"\"\"\n  x\n  \"\"\"\nb: \"é\" + c\n";
    Ast.File f = parse(src);
    Ast.Field a = (Ast.Field) f.decls().get(0);
    assertThat(a.value().end()).isEqualTo(src.indexOf("\nb"));
    Ast.Field b = (Ast.Field) f.decls().get(1);
    assertThat(at(b)).isEqualTo("4:1");
    Ast.BinaryExpr plus = (Ast.BinaryExpr) b.value();
    // Columns count UTF-16 chars: "é" is one.
    assertThat(at(plus.y())).isEqualTo("4:10");
    assertThat(at(plus)).isEqualTo("4:4");
    assertThat(plus.opPos().column()).isEqualTo(8);
  }

  @Test
  void importsAndLetAndAliases() {
    String src = "import (\n\tj \"encoding/json\"\n)\nlet X = 1\nY=z: [W=string]: W";
    Ast.File f = parse(src);
    Ast.ImportSpec spec = f.imports().get(0).specs().get(0);
    assertThat(at(spec)).isEqualTo("2:2");
    assertThat(at(spec.path())).isEqualTo("2:4");
    assertThat(text(src, f.imports().get(0))).isEqualTo("import (\n\tj \"encoding/json\"\n)");
    Ast.LetDecl let = (Ast.LetDecl) f.decls().get(0);
    assertThat(at(let)).isEqualTo("4:1");
    assertThat(at(let.name())).isEqualTo("4:5");
    Ast.Field y = (Ast.Field) f.decls().get(1);
    assertThat(at(y)).isEqualTo("5:1");
    assertThat(at(y.label())).isEqualTo("5:3");
    Ast.Field inner = (Ast.Field) ((Ast.StructLit) y.value()).decls().get(0);
    assertThat(at(inner)).isEqualTo("5:6");
    assertThat(at(inner.label())).isEqualTo("5:6");
    Ast.AliasExpr w = (Ast.AliasExpr) ((Ast.PatternLabel) inner.label()).expr();
    assertThat(at(w)).isEqualTo("5:7");
    assertThat(at(w.expr())).isEqualTo("5:9");
  }

  @Test
  void positionsComputeLineAndColumnFromTheFilesLinesAndEqualGivenOnes() {
    String src = "a: 1\n\nb: {\n  c: 2\n}\n";
    Ast.File f = parse(src);
    Ast.Field b = (Ast.Field) f.decls().get(1);
    Ast.Field c = (Ast.Field) ((Ast.StructLit) b.value()).decls().get(0);
    assertThat(c.pos().toString()).isEqualTo("a.cue:4:3");
    Ast.Pos given = new Ast.Pos("a.cue", 4, 3, c.pos().offset());
    assertThat(given.line()).isEqualTo(4);
    assertThat(given.column()).isEqualTo(3);
    assertThat(given).isEqualTo(c.pos()).hasSameHashCodeAs(c.pos());
    assertThat(new Ast.Pos("a.cue", 4, 4, c.pos().offset())).isNotEqualTo(c.pos());
    // A field and its label share their position.
    assertThat(c.pos()).isSameAs(c.label().pos());
  }
}
