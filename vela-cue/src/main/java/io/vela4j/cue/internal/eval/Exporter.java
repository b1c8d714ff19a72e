package io.vela4j.cue.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CuePosition;
import io.vela4j.cue.internal.LargeStack;
import io.vela4j.cue.internal.builtins.Concrete;
import io.vela4j.cue.internal.builtins.Json;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validation and export of finalized values. Export walks the regular fields in export order and
 * builds a JSON tree, counting the chars of its text (strings, numbers, labels, punctuation, and
 * for the text {@code cue export} prints its 4-space indentation) against {@code
 * CueCompiler.Limits.maxOutputSize}: a value that shares one large string among many fields, or
 * nests thousands of levels deep (its indentation grows with the square of the depth), cannot be
 * exported into an unbounded text.
 *
 * <p>{@link #exportText} writes the indented JSON text that {@code cue export} prints straight from
 * the vertices, without the tree: the same walk, the same size accounting and the same errors; its
 * text is the one {@code ExportText.write} prints for the tree.
 */
final class Exporter {
  private Exporter() {}

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  static CueError toError(Atom.Bottom b, String path) {
    List<CuePosition> pos = new ArrayList<>();
    for (Ast.Pos p : b.positions()) {
      pos.add(new CuePosition(p.file(), p.line(), p.column()));
    }
    return new CueError(b.kind(), b.message(), b.path().isEmpty() ? path : b.path(), pos);
  }

  /** Fatal errors anywhere below v (hidden fields and definitions included). */
  static void collectFatal(Vertex v0, Set<CueError> out) {
    Set<Vertex> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collectFatal(v0, out, seen, 0);
  }

  private static void collectFatal(Vertex v0, Set<CueError> out, Set<Vertex> seen, int depth) {
    LargeStack.checkDepth(depth);
    Vertex v = v0.deref();
    if (v.kind != Vertex.K_BOTTOM && v.arcs.isEmpty()) {
      // A leaf without error adds nothing: it need not be remembered (most vertices are leaves).
      return;
    }
    if (!seen.add(v)) {
      return;
    }
    if (v.kind == Vertex.K_BOTTOM) {
      if (!v.err.incomplete()) {
        out.add(toError(v.err, v.path()));
      }
      return;
    }
    if (v.kind == Vertex.K_DISJ) {
      return;
    }
    for (Vertex a : v.arcs.values()) {
      if (a.isLet || a.arcType != Adt.ArcType.REGULAR) {
        continue;
      }
      collectFatal(a, out, seen, depth + 1);
    }
  }

  static void validate(Vertex v) {
    Set<CueError> errs = new LinkedHashSet<>();
    collectFatal(v, errs);
    if (!errs.isEmpty()) {
      throw new CueException(new ArrayList<>(errs));
    }
  }

  /** The chars of the output so far, against its limit. */
  private static final class Size {
    final long max;
    final int indent;
    long chars;

    Size(long max, boolean indented) {
      this.max = max;
      this.indent = indented ? 4 : 0;
    }

    void add(long n, Vertex at) {
      chars += n;
      if (chars > max) {
        throw new CueException(
            new CueError(
                CueError.Kind.LIMIT,
                "output size limit "
                    + max
                    + " exceeded (CueCompiler.Limits.maxOutputSize): the exported value has more"
                    + " chars",
                shortPath(at.path()),
                List.of()));
      }
    }
  }

  /**
   * Exports a value; {@code indented} counts the output's size as the text {@code cue export}
   * prints (4-space indentation), else as compact JSON.
   */
  /** A path of at most about 200 chars: a value nested thousands of levels deep has a long one. */
  private static String shortPath(String path) {
    return path.length() <= 200
        ? path
        : path.substring(0, 100)
            + "…("
            + path.length()
            + " chars)…"
            + path.substring(path.length() - 60);
  }

  static JsonNode export(Vertex v, long maxOutputSize, boolean indented) {
    Set<CueError> errs = new LinkedHashSet<>();
    collectFatal(v, errs);
    if (!errs.isEmpty()) {
      throw new CueException(new ArrayList<>(errs));
    }
    List<CueError> list = new ArrayList<>();
    JsonNode n = exp(v, list, 0, new Size(maxOutputSize, indented));
    if (!list.isEmpty()) {
      throw new CueException(list);
    }
    return n;
  }

  /**
   * The indented JSON text of a value with a trailing newline, as {@code ExportText.write(export(v,
   * maxOutputSize, true))} prints it.
   */
  static String exportText(Vertex v, long maxOutputSize) {
    Set<CueError> errs = new LinkedHashSet<>();
    collectFatal(v, errs);
    if (!errs.isEmpty()) {
      throw new CueException(new ArrayList<>(errs));
    }
    List<CueError> list = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    text(v, list, 0, new Size(maxOutputSize, true), sb);
    if (!list.isEmpty()) {
      throw new CueException(list);
    }
    return sb.append('\n').toString();
  }

  /**
   * Appends a value's text, like {@link #exp} builds its tree; returns false when the value is not
   * exported (an error was added: the text will not be used).
   */
  private static boolean text(
      Vertex v0, List<CueError> errs, int depth, Size size, StringBuilder sb) {
    LargeStack.checkDepth(depth);
    Vertex v = Defaults.dflt(v0);
    switch (v.kind) {
      case Vertex.K_BOTTOM -> {
        errs.add(toError(v.err, v.path()));
        return false;
      }
      case Vertex.K_SCALAR -> {
        if (v.scalar instanceof Atom.Opaque o) {
          errs.add(
              new CueError(
                  CueError.Kind.OTHER, "cannot export builtin value " + o, v0.path(), List.of()));
          return false;
        }
        size.add(scalarSize(v.scalar), v0);
        appendScalar(sb, v.scalar);
        return true;
      }
      case Vertex.K_STRUCT -> {
        for (Vertex a : v.arcs.values()) {
          if (a.arcType == Adt.ArcType.REQUIRED && Labels.isRegular(a.label) && !a.isLet) {
            errs.add(
                new CueError(
                    CueError.Kind.INCOMPLETE,
                    "field is required but not present",
                    a.path(),
                    List.of()));
          }
        }
        size.add(2, v0);
        List<Vertex> fields = Order.fields(v);
        if (fields.isEmpty()) {
          sb.append("{}");
        } else {
          sb.append("{\n");
          for (int i = 0; i < fields.size(); i++) {
            Vertex a = fields.get(i);
            size.add(a.label.length() + 5L + (long) size.indent * depth, a);
            indent(sb, depth + 1);
            Json.appendQuoted(sb, Labels.display(a.label));
            sb.append(": ");
            text(a, errs, depth + 1, size, sb);
            sb.append(i + 1 < fields.size() ? ",\n" : "\n");
          }
          indent(sb, depth);
          sb.append('}');
        }
        size.add(2L + (long) size.indent * depth, v0);
        return true;
      }
      case Vertex.K_LIST -> {
        size.add(2, v0);
        List<Vertex> elems = v.elements();
        if (elems.isEmpty()) {
          sb.append("[]");
        } else {
          sb.append("[\n");
          for (int i = 0; i < elems.size(); i++) {
            Vertex a = elems.get(i);
            size.add(2L + (long) size.indent * depth, a);
            indent(sb, depth + 1);
            text(a, errs, depth + 1, size, sb);
            sb.append(i + 1 < elems.size() ? ",\n" : "\n");
          }
          indent(sb, depth);
          sb.append(']');
        }
        size.add(2L + (long) size.indent * depth, v0);
        return true;
      }
      default -> {
        errs.add(
            new CueError(
                CueError.Kind.INCOMPLETE,
                "incomplete value " + Evaluation.describe(v),
                v0.path(),
                List.of()));
        return false;
      }
    }
  }

  private static void indent(StringBuilder sb, int depth) {
    for (int i = 0; i < depth; i++) {
      sb.append("    ");
    }
  }

  /** Appends a concrete scalar's JSON text as {@code ExportText} prints {@link #scalar}'s node. */
  private static void appendScalar(StringBuilder sb, Atom s) {
    if (s instanceof Atom.Null) {
      sb.append("null");
    } else if (s instanceof Atom.Bool b) {
      sb.append(b.b());
    } else if (s instanceof Atom.Num n) {
      if (n.isLong()) {
        sb.append(n.longValue());
        return;
      }
      BigDecimal d = n.d();
      if (!n.isInt()) {
        sb.append(Concrete.formatNumber(d));
      } else if (d.scale() == 0 && d.precision() < 19) {
        sb.append(d.longValue());
      } else {
        sb.append(n.bigInt());
      }
    } else if (s instanceof Atom.Str str) {
      Json.appendQuoted(sb, str.s());
    } else if (s instanceof Atom.Bytes by) {
      Json.appendQuoted(sb, java.util.Base64.getEncoder().encodeToString(by.b()));
    } else {
      throw new IllegalStateException("not concrete: " + s);
    }
  }

  private static @Nullable JsonNode exp(Vertex v0, List<CueError> errs, int depth, Size size) {
    LargeStack.checkDepth(depth);
    Vertex v = Defaults.dflt(v0);
    switch (v.kind) {
      case Vertex.K_BOTTOM -> {
        errs.add(toError(v.err, v.path()));
        return null;
      }
      case Vertex.K_SCALAR -> {
        if (v.scalar instanceof Atom.Opaque o) {
          errs.add(
              new CueError(
                  CueError.Kind.OTHER, "cannot export builtin value " + o, v0.path(), List.of()));
          return null;
        }
        size.add(scalarSize(v.scalar), v0);
        return scalar(v.scalar);
      }
      case Vertex.K_STRUCT -> {
        ObjectNode o = F.objectNode();
        for (Vertex a : v.arcs.values()) {
          if (a.arcType == Adt.ArcType.REQUIRED && Labels.isRegular(a.label) && !a.isLet) {
            errs.add(
                new CueError(
                    CueError.Kind.INCOMPLETE,
                    "field is required but not present",
                    a.path(),
                    List.of()));
          }
        }
        size.add(2, v0);
        for (Vertex a : Order.fields(v)) {
          size.add(
              a.label.length() + 5L + (long) size.indent * depth,
              a); // indented line, label, quotes
          JsonNode c = exp(a, errs, depth + 1, size);
          if (c != null) {
            o.set(Labels.display(a.label), c);
          }
        }
        size.add(2L + (long) size.indent * depth, v0); // the indented closing line
        return o;
      }
      case Vertex.K_LIST -> {
        ArrayNode arr = F.arrayNode();
        size.add(2, v0);
        for (Vertex a : v.elements()) {
          size.add(2L + (long) size.indent * depth, a); // indented line
          JsonNode c = exp(a, errs, depth + 1, size);
          if (c != null) {
            arr.add(c);
          }
        }
        size.add(2L + (long) size.indent * depth, v0); // the indented closing line
        return arr;
      }
      default -> {
        errs.add(
            new CueError(
                CueError.Kind.INCOMPLETE,
                "incomplete value " + Evaluation.describe(v),
                v0.path(),
                List.of()));
        return null;
      }
    }
  }

  /** About the chars of a scalar's JSON text (strings unescaped). */
  private static long scalarSize(Atom s) {
    if (s instanceof Atom.Str str) {
      return str.s().length() + 2L;
    } else if (s instanceof Atom.Bytes by) {
      return (by.b().length + 2L) / 3 * 4 + 2;
    } else if (s instanceof Atom.Num n) {
      if (n.isLong()) {
        return digits(n.longValue()) + 2L;
      }
      return n.d().precision() + Math.abs((long) n.d().scale()) + 2L;
    }
    return 5;
  }

  /** The decimal digits of a long, as the precision of its BigDecimal (1 for 0). */
  private static int digits(long v) {
    if (v == Long.MIN_VALUE) {
      return 19;
    }
    long x = Math.abs(v);
    int n = 1;
    while (x >= 10) {
      x /= 10;
      n++;
    }
    return n;
  }

  static JsonNode scalar(Atom s) {
    if (s instanceof Atom.Null n) {
      return F.nullNode();
    } else if (s instanceof Atom.Bool b) {
      return F.booleanNode(b.b());
    } else if (s instanceof Atom.Num n) {
      if (n.isInt()) {
        BigDecimal d = n.d();
        if (d.scale() == 0 && d.precision() < 19) {
          long l = d.longValue();
          return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
        }
        BigInteger i = n.bigInt();
        if (i.bitLength() < 32) {
          return F.numberNode(i.intValue());
        }
        if (i.compareTo(MIN_LONG) >= 0 && i.compareTo(MAX_LONG) <= 0) {
          return F.numberNode(i.longValue());
        }
        return F.numberNode(i);
      }
      return F.numberNode(n.d());
    } else if (s instanceof Atom.Str str) {
      return F.textNode(str.s());
    } else if (s instanceof Atom.Bytes by) {
      return F.textNode(java.util.Base64.getEncoder().encodeToString(by.b()));
    } else {
      throw new IllegalStateException("not concrete: " + s);
    }
  }
}
