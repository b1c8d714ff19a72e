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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
 * <p>One walk serves both outputs through a {@link Sink}: {@link #export} builds the tree, {@link
 * #exportText} writes the indented JSON text that {@code cue export} prints straight from the
 * vertices, the text {@code ExportText.write} prints for the tree (the conformance test checks it
 * on every case).
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

  /**
   * Fatal errors anywhere below v (hidden fields and definitions included).
   *
   * <p>A tree that was measured when it was finalized ({@link Vertex#treeSize} set: no error
   * anywhere in it, see {@code Evaluation.measure}) is not walked again: an exported template
   * usually is such a tree, and its walk was a few percent of an evaluation. With assertions on
   * (the tests), each tree skipped so is walked anyway and must have no fatal error.
   */
  static void collectFatal(Vertex v0, Set<CueError> out) {
    if (!measured(v0.deref())) {
      collectFatal(v0, out, Collections.newSetFromMap(new IdentityHashMap<>()), 0, true);
    }
  }

  /** Whether v's tree was measured error-free; with assertions on, checked by a walk. */
  private static boolean measured(Vertex v) {
    if (v.treeSize < 0) {
      return false;
    }
    assert fatalFree(v) : "a measured tree has a fatal error at " + v.path();
    return true;
  }

  private static boolean fatalFree(Vertex v) {
    Set<CueError> errs = new LinkedHashSet<>();
    collectFatal(v, errs, Collections.newSetFromMap(new IdentityHashMap<>()), 0, false);
    return errs.isEmpty();
  }

  private static void collectFatal(
      Vertex v0, Set<CueError> out, Set<Vertex> seen, int depth, boolean skipMeasured) {
    LargeStack.checkDepth(depth);
    Vertex v = v0.deref();
    if (v.kind != Vertex.K_BOTTOM && v.arcs.isEmpty()) {
      // A leaf without error adds nothing: it need not be remembered (most vertices are leaves).
      return;
    }
    if (skipMeasured && measured(v)) {
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
      collectFatal(a, out, seen, depth + 1, skipMeasured);
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

    void add(long n) {
      chars += n;
      if (chars > max) {
        throw new TooLarge();
      }
    }
  }

  /**
   * The output size limit exceeded, on its way out of the walk: each field or element it leaves
   * adds its label, so that the path is the export walk's (a tree that a field shares with the
   * field it refers to has that field's vertices, whose own paths are elsewhere), made only when
   * the limit is exceeded. No stack trace.
   */
  private static final class TooLarge extends RuntimeException {
    final ArrayDeque<String> labels = new ArrayDeque<>();

    TooLarge() {
      super(null, null, false, false);
    }

    CueException error(Vertex root, long max) {
      StringBuilder path = new StringBuilder(root.path());
      for (String l : labels) {
        path.append(path.length() > 0 ? "." : "").append(Labels.display(l));
      }
      return new CueException(
          new CueError(
              CueError.Kind.LIMIT,
              "output size limit "
                  + max
                  + " exceeded (CueCompiler.Limits.maxOutputSize): the exported value has more"
                  + " chars",
              shortPath(path.toString()),
              List.of()));
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
    TreeSink tree = new TreeSink();
    walkChecked(v, new Size(maxOutputSize, indented), tree);
    return tree.root;
  }

  /**
   * The indented JSON text of a value with a trailing newline, as {@code ExportText.write(export(v,
   * maxOutputSize, true))} prints it.
   */
  static String exportText(Vertex v, long maxOutputSize) {
    TextSink text = new TextSink();
    walkChecked(v, new Size(maxOutputSize, true), text);
    return text.text();
  }

  /**
   * Fails with the fatal errors below v, else walks it into the sink, else fails with its errors.
   */
  private static void walkChecked(Vertex v, Size size, Sink sink) {
    Set<CueError> errs = new LinkedHashSet<>();
    collectFatal(v, errs);
    if (!errs.isEmpty()) {
      throw new CueException(new ArrayList<>(errs));
    }
    List<CueError> list = new ArrayList<>();
    try {
      walk(v, list, 0, size, sink);
    } catch (TooLarge e) {
      throw e.error(v, size.max);
    }
    if (!list.isEmpty()) {
      throw new CueException(list);
    }
  }

  /**
   * The export walk, once for both outputs: the default of each disjunction, regular fields in
   * export order, errors collected with their paths, the output's size counted; the sink builds the
   * tree or writes the text. After an error the sink's output is not used.
   */
  private static void walk(Vertex v0, List<CueError> errs, int depth, Size size, Sink sink) {
    LargeStack.checkDepth(depth);
    Vertex v = Defaults.dflt(v0);
    switch (v.kind) {
      case Vertex.K_BOTTOM -> errs.add(toError(v.err, v.path()));
      case Vertex.K_SCALAR -> {
        if (v.scalar instanceof Atom.Opaque o) {
          errs.add(
              new CueError(
                  CueError.Kind.OTHER, "cannot export builtin value " + o, v0.path(), List.of()));
          return;
        }
        size.add(scalarSize(v.scalar));
        sink.scalar(v.scalar);
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
        size.add(2);
        int[] fields = Order.fieldArcs(v);
        sink.startObject(fields.length);
        for (int i = 0; i < fields.length; i++) {
          Vertex a = v.arcs.at(fields[i]);
          try {
            // the indented line, the quoted label and ": "
            size.add(a.label.length() + 5L + (long) size.indent * depth);
            sink.field(Labels.display(a.label), i, depth + 1);
            walk(a, errs, depth + 1, size, sink);
          } catch (TooLarge e) {
            e.labels.addFirst(a.label);
            throw e;
          }
        }
        size.add(2L + (long) size.indent * depth); // the indented closing line
        sink.endObject(fields.length == 0, depth);
      }
      case Vertex.K_LIST -> {
        size.add(2);
        int count = v.elementCount();
        sink.startArray(count);
        for (int i = 0, k = 0; i < count; k++) {
          Vertex a = v.arcs.at(k);
          if (!a.isElement()) {
            continue;
          }
          try {
            size.add(2L + (long) size.indent * depth); // the indented line
            sink.element(i, depth + 1);
            walk(a, errs, depth + 1, size, sink);
          } catch (TooLarge e) {
            e.labels.addFirst(a.label);
            throw e;
          }
          i++;
        }
        size.add(2L + (long) size.indent * depth); // the indented closing line
        sink.endArray(count == 0, depth);
      }
      default ->
          errs.add(
              new CueError(
                  CueError.Kind.INCOMPLETE,
                  "incomplete value " + Evaluation.describe(v),
                  v0.path(),
                  List.of()));
    }
  }

  /** What the export walk makes of a value, in document order. */
  private interface Sink {
    void scalar(Atom s);

    /** An object of {@code size} fields starts. */
    void startObject(int size);

    /** Before field {@code index} of the innermost object, its value at {@code depth}. */
    void field(String label, int index, int depth);

    void endObject(boolean empty, int depth);

    /** An array of {@code size} elements starts. */
    void startArray(int size);

    /** Before element {@code index} of the innermost array, at {@code depth}. */
    void element(int index, int depth);

    void endArray(boolean empty, int depth);
  }

  /** Builds the Jackson tree. A field whose value failed is left out (the tree is not used). */
  private static final class TreeSink implements Sink {
    @Nullable JsonNode root;
    private final ArrayList<JsonNode> open = new ArrayList<>();
    private @Nullable String label;

    private void add(JsonNode n) {
      if (open.isEmpty()) {
        root = n;
      } else if (open.get(open.size() - 1) instanceof ObjectNode o) {
        o.set(label, n);
      } else {
        ((ArrayNode) open.get(open.size() - 1)).add(n);
      }
    }

    @Override
    public void scalar(Atom s) {
      add(Exporter.scalar(s));
    }

    @Override
    public void startObject(int size) {
      // sized for its fields: the default table of 16 is too large for most objects of a
      // manifest (2 or 3 fields) and is grown for a larger one
      ObjectNode o = new ObjectNode(F, new LinkedHashMap<>((int) (size / 0.75f) + 1));
      add(o);
      open.add(o);
    }

    @Override
    public void field(String l, int index, int depth) {
      label = l;
    }

    @Override
    public void endObject(boolean empty, int depth) {
      open.remove(open.size() - 1);
    }

    @Override
    public void startArray(int size) {
      ArrayNode a = F.arrayNode(size);
      add(a);
      open.add(a);
    }

    @Override
    public void element(int index, int depth) {}

    @Override
    public void endArray(boolean empty, int depth) {
      open.remove(open.size() - 1);
    }
  }

  /** Writes the text {@code ExportText.write} prints for the tree: 4-space indentation. */
  private static final class TextSink implements Sink {
    /**
     * The text is cut into pieces of about this many chars, joined once at the end: a growing
     * builder copies a large text again at each doubling, and its final copy again (about five
     * times the text's size allocated and copied, against two).
     */
    private static final int PIECE = 1 << 16;

    private final StringBuilder sb = new StringBuilder();
    private @Nullable List<String> pieces;

    /** The whole text, ending in a newline. */
    String text() {
      sb.append('\n');
      if (pieces == null) {
        return sb.toString();
      }
      pieces.add(sb.toString());
      return String.join("", pieces);
    }

    /** Moves the builder's text to a piece once it is long enough (before a field or element). */
    private void cut() {
      if (sb.length() >= PIECE) {
        if (pieces == null) {
          pieces = new ArrayList<>();
        }
        pieces.add(sb.toString());
        sb.setLength(0);
      }
    }

    @Override
    public void scalar(Atom s) {
      appendScalar(sb, s);
    }

    @Override
    public void startObject(int size) {
      sb.append(size == 0 ? "{" : "{\n");
    }

    @Override
    public void field(String label, int index, int depth) {
      if (index > 0) {
        sb.append(",\n");
        cut();
      }
      indent(sb, depth);
      Json.appendQuoted(sb, label);
      sb.append(": ");
    }

    @Override
    public void endObject(boolean empty, int depth) {
      close(empty, depth, '}');
    }

    @Override
    public void startArray(int size) {
      sb.append(size == 0 ? "[" : "[\n");
    }

    @Override
    public void element(int index, int depth) {
      if (index > 0) {
        sb.append(",\n");
        cut();
      }
      indent(sb, depth);
    }

    @Override
    public void endArray(boolean empty, int depth) {
      close(empty, depth, ']');
    }

    private void close(boolean empty, int depth, char c) {
      if (!empty) {
        sb.append('\n');
        indent(sb, depth);
      }
      sb.append(c);
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
      BigDecimal d = n.d();
      long precision = d.precision();
      long scale = d.scale();
      if (n.isInt()) {
        return Math.max(1, precision - scale) + 2L; // all the integer's digits
      }
      // as BigDecimal.toString writes it: in scientific notation when the exponent is positive or
      // below -6 (at most 11 chars for the exponent), else plainly
      return scale < 0 || precision - scale - 1 < -6
          ? precision + 14L
          : Math.max(precision, scale + 1) + 3L;
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
        if (n.isLong()) {
          long l = n.longValue();
          return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
        }
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
