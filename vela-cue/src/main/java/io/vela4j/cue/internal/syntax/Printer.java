package io.vela4j.cue.internal.syntax;

import io.vela4j.cue.internal.syntax.Ast.Node;
import java.util.List;

/**
 * A compact, single-line debug form of the AST, for tests and diagnostics. It is CUE-like but makes
 * the tree shape explicit: every unary and binary expression is parenthesised ({@code (1 + (2 *
 * 3))}), parentheses written in the source appear as {@code paren(x)}, literals show their decoded
 * values ({@code 0x10} prints as {@code 16}, strings as Java-escaped double-quoted text, bytes as
 * {@code b'...'}, interpolations as {@code interp("a", x, "b")}), and an implicit struct of the
 * shorthand {@code a: b: 1} prints as {@code a: {b: 1}}. Positions and comments are not printed.
 * Recursive: meant for trees of moderate depth.
 */
public final class Printer {
  private Printer() {}

  /**
   * Returns the debug form of a node.
   *
   * @throws IllegalArgumentException if the tree is too deep for the caller's stack
   */
  public static String print(Node node) {
    StringBuilder sb = new StringBuilder();
    try {
      new Printer().node(sb, node);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("tree too deep to print");
    }
    return sb.toString();
  }

  private void node(StringBuilder sb, Node n) {
    if (n instanceof Ast.File f) {
      String sep = "";
      for (Ast.Attribute a : f.attributes()) {
        sb.append(sep).append(a.text());
        sep = "; ";
      }
      if (f.packageClause() != null) {
        sb.append(sep).append("package ").append(f.packageClause().name().name());
        sep = "; ";
      }
      for (Ast.ImportDecl d : f.imports()) {
        sb.append(sep).append("import (");
        String s2 = "";
        for (Ast.ImportSpec s : d.specs()) {
          sb.append(s2);
          if (s.name() != null) {
            sb.append(s.name().name()).append(' ');
          }
          string(sb, s.importPath(), false);
          s2 = ", ";
        }
        sb.append(')');
        sep = "; ";
      }
      for (Ast.Decl d : f.decls()) {
        sb.append(sep);
        node(sb, d);
        sep = "; ";
      }
    } else if (n instanceof Ast.Field f) {
      if (f.alias() != null) {
        sb.append(f.alias().name()).append('=');
      }
      label(sb, f.label());
      switch (f.constraint()) {
        case OPTIONAL:
          sb.append('?');
          break;
        case REQUIRED:
          sb.append('!');
          break;
        default:
          break;
      }
      sb.append(": ");
      node(sb, f.value());
      for (Ast.Attribute a : f.attributes()) {
        sb.append(' ').append(a.text());
      }
    } else if (n instanceof Ast.LetDecl l) {
      sb.append("let ").append(l.name().name()).append(" = ");
      node(sb, l.expr());
    } else if (n instanceof Ast.Embedding e) {
      node(sb, e.expr());
    } else if (n instanceof Ast.Ellipsis e) {
      sb.append("...");
      if (e.type() != null) {
        node(sb, e.type());
      }
    } else if (n instanceof Ast.Attribute a) {
      sb.append(a.text());
    } else if (n instanceof Ast.Comprehension c) {
      for (Ast.Clause cl : c.clauses()) {
        node(sb, cl);
        sb.append(' ');
      }
      node(sb, c.body());
    } else if (n instanceof Ast.ForClause f) {
      sb.append("for ");
      if (f.key() != null) {
        sb.append(f.key().name()).append(", ");
      }
      sb.append(f.value().name()).append(" in ");
      node(sb, f.source());
    } else if (n instanceof Ast.IfClause i) {
      sb.append("if ");
      node(sb, i.condition());
    } else if (n instanceof Ast.LetClause l) {
      sb.append("let ").append(l.name().name()).append(" = ");
      node(sb, l.expr());
    } else if (n instanceof Ast.Label l && !(n instanceof Ast.Expr)) {
      label(sb, l);
    } else if (n instanceof Ast.Expr e) {
      expr(sb, e);
    } else if (n instanceof Ast.PackageClause p) {
      sb.append("package ").append(p.name().name());
    } else if (n instanceof Ast.ImportDecl d) {
      sb.append("import (");
      list(sb, d.specs());
      sb.append(')');
    } else if (n instanceof Ast.ImportSpec s) {
      if (s.name() != null) {
        sb.append(s.name().name()).append(' ');
      }
      string(sb, s.importPath(), false);
    }
  }

  private void list(StringBuilder sb, List<? extends Node> nodes) {
    String sep = "";
    for (Node x : nodes) {
      sb.append(sep);
      node(sb, x);
      sep = ", ";
    }
  }

  private void label(StringBuilder sb, Ast.Label l) {
    if (l instanceof Ast.DynamicLabel d) {
      sb.append('(');
      node(sb, d.expr());
      sb.append(')');
    } else if (l instanceof Ast.PatternLabel p) {
      sb.append('[');
      node(sb, p.expr());
      sb.append(']');
    } else {
      node(sb, l);
    }
  }

  private void expr(StringBuilder sb, Ast.Expr e) {
    if (e instanceof Ast.Ident i) {
      sb.append(i.name());
    } else if (e instanceof Ast.TopLit) {
      sb.append('_');
    } else if (e instanceof Ast.BottomLit) {
      sb.append("_|_");
    } else if (e instanceof Ast.NullLit) {
      sb.append("null");
    } else if (e instanceof Ast.BoolLit b) {
      sb.append(b.value());
    } else if (e instanceof Ast.IntLit i) {
      sb.append(i.value());
    } else if (e instanceof Ast.FloatLit f) {
      sb.append("float(").append(f.value().toString()).append(')');
    } else if (e instanceof Ast.StringLit s) {
      string(sb, s.value(), s.bytes());
    } else if (e instanceof Ast.Interpolation s) {
      sb.append("interp(");
      for (int k = 0; k < s.fragments().size(); k++) {
        if (k > 0) {
          sb.append(", ");
          expr(sb, s.exprs().get(k - 1));
          sb.append(", ");
        }
        string(sb, s.fragments().get(k), s.bytes());
      }
      sb.append(')');
    } else if (e instanceof Ast.StructLit s) {
      sb.append('{');
      list(sb, s.decls());
      sb.append('}');
    } else if (e instanceof Ast.ListLit l) {
      sb.append('[');
      list(sb, l.elements());
      if (l.ellipsis() != null) {
        if (!l.elements().isEmpty()) {
          sb.append(", ");
        }
        node(sb, l.ellipsis());
      }
      sb.append(']');
    } else if (e instanceof Ast.ParenExpr p) {
      sb.append("paren(");
      expr(sb, p.x());
      sb.append(')');
    } else if (e instanceof Ast.SelectorExpr s) {
      expr(sb, s.x());
      sb.append('.');
      node(sb, s.sel());
    } else if (e instanceof Ast.IndexExpr i) {
      expr(sb, i.x());
      sb.append('[');
      expr(sb, i.index());
      sb.append(']');
    } else if (e instanceof Ast.SliceExpr s) {
      expr(sb, s.x());
      sb.append('[');
      if (s.low() != null) {
        expr(sb, s.low());
      }
      sb.append(':');
      if (s.high() != null) {
        expr(sb, s.high());
      }
      sb.append(']');
    } else if (e instanceof Ast.CallExpr c) {
      expr(sb, c.fun());
      sb.append('(');
      list(sb, c.args());
      sb.append(')');
    } else if (e instanceof Ast.UnaryExpr u) {
      sb.append('(').append(u.op().token());
      expr(sb, u.x());
      sb.append(')');
    } else if (e instanceof Ast.BinaryExpr b) {
      sb.append('(');
      expr(sb, b.x());
      sb.append(' ').append(b.op().token()).append(' ');
      expr(sb, b.y());
      sb.append(')');
    } else if (e instanceof Ast.AliasExpr a) {
      sb.append(a.alias().name()).append('=');
      expr(sb, a.expr());
    }
  }

  private static void string(StringBuilder sb, String s, boolean bytes) {
    sb.append(bytes ? "b'" : "\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n':
          sb.append("\\n");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '"':
          sb.append(bytes ? "\"" : "\\\"");
          break;
        case '\'':
          sb.append(bytes ? "\\'" : "'");
          break;
        default:
          if (c < 0x20 || c == 0x7f || bytes && c > 0x7e) {
            sb.append(String.format(bytes ? "\\x%02x" : "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append(bytes ? '\'' : '"');
  }
}
