package io.vela4j.cue.internal.eval;

import io.vela4j.cue.internal.syntax.Ast;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The compiled, immutable form of a CUE program: references are resolved to (frame count, name)
 * pairs at compile time, so evaluation never consults the syntax tree again.
 */
final class Adt {
  private Adt() {}

  /** A compiled expression. */
  sealed interface Expr
      permits Lit,
          StructE,
          ListE,
          RefE,
          SelE,
          IdxE,
          SliceE,
          CallE,
          BuiltinE,
          UnaryE,
          BinE,
          DisjE,
          InterpE,
          ValueE {
    /** Source position, or null for synthesized expressions. */
    Ast.@Nullable Pos pos();
  }

  /** A literal value (scalar, type, top or bottom). */
  record Lit(Atom value, Ast.@Nullable Pos pos) implements Expr {}

  /** Field kinds. */
  enum ArcType {
    REGULAR,
    OPTIONAL,
    REQUIRED
  }

  /** A declaration in a struct literal. */
  sealed interface Decl permits FieldD, DynFieldD, PatternD, LetD, EmbedD, EllipsisD, CompD {}

  /** {@code label: value}. */
  record FieldD(String label, ArcType type, Expr value, List<String> docs, Ast.@Nullable Pos pos)
      implements Decl {}

  /** {@code (expr): value} or {@code "\(x)": value}. */
  record DynFieldD(
      Expr labelExpr, ArcType type, Expr value, List<String> docs, Ast.@Nullable Pos pos)
      implements Decl {}

  /**
   * {@code [filter]: value}; when {@code alias} is set, the value is compiled in a frame binding
   * it.
   */
  record PatternD(Expr filter, Expr value, @Nullable String alias) implements Decl {}

  /** {@code let name = expr}. */
  record LetD(String name, Expr expr) implements Decl {}

  /** An embedded expression. */
  record EmbedD(Expr expr) implements Decl {}

  /** {@code ...} or {@code ...T}. */
  record EllipsisD(@Nullable Expr type) implements Decl {}

  /** A comprehension embedded in a struct, or an element of a list. */
  record CompD(List<Clause> clauses, StructE body, Ast.@Nullable Pos pos) implements Decl {}

  /** A comprehension clause. */
  sealed interface Clause permits ForC, IfC, LetC {}

  /** {@code for key, value in source}; opens one frame binding key and value. */
  record ForC(@Nullable String key, String value, Expr source, Ast.@Nullable Pos pos)
      implements Clause {}

  /** {@code if cond}. */
  record IfC(Expr cond, Ast.@Nullable Pos pos) implements Clause {}

  /** {@code let name = expr}; opens one frame. */
  record LetC(String name, Expr expr) implements Clause {}

  /**
   * A struct literal; opens one frame. What its declarations are ({@link #hasEmbed}, {@link
   * #hasRegular}, {@link #hasEllipsis}) is found once, when it is made, not at each evaluation.
   *
   * @param file whether it is the top level of a file (not a struct closedness can scope)
   * @param kinds the bits {@link #EMBED}, {@link #REGULAR} and {@link #ELLIPSIS} of its
   *     declarations
   */
  record StructE(List<Decl> decls, boolean file, Ast.@Nullable Pos pos, int kinds) implements Expr {
    private static final int EMBED = 1;
    private static final int REGULAR = 2;
    private static final int ELLIPSIS = 4;
    private static final int REPEATED = 8;

    /** The largest literal whose labels are compared for {@link #mayRepeatLabel}. */
    private static final int COMPARED = 32;

    StructE(List<Decl> decls, boolean file, Ast.@Nullable Pos pos) {
      this(decls, file, pos, kinds(decls, true));
    }

    /**
     * A literal of fields whose labels are known to be distinct, as a JSON object's keys are (and
     * {@link Labels#quoted} keeps them so): they are not compared, whatever their number.
     */
    static StructE ofDistinctFields(List<Decl> decls) {
      return new StructE(decls, false, null, kinds(decls, false));
    }

    private static int kinds(List<Decl> decls, boolean compare) {
      int k = compare && decls.size() > COMPARED ? REPEATED : 0;
      for (int i = 0; i < decls.size(); i++) {
        Decl d = decls.get(i);
        if (compare && d instanceof FieldD f && (k & REPEATED) == 0 && repeats(decls, i, f)) {
          k |= REPEATED;
        }
        if (d instanceof EmbedD || d instanceof CompD) {
          k |= EMBED;
        } else if (d instanceof FieldD f ? Labels.isRegular(f.label()) : d instanceof DynFieldD) {
          k |= REGULAR;
        } else if (d instanceof EllipsisD) {
          k |= ELLIPSIS;
        }
      }
      return k;
    }

    /** Whether the field at {@code i} repeats the label of a field before it. */
    private static boolean repeats(List<Decl> decls, int i, FieldD field) {
      String label = field.label();
      int h = label.hashCode();
      for (int j = 0; j < i; j++) {
        if (decls.get(j) instanceof FieldD f
            && f.label().hashCode() == h
            && f.label().equals(label)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether two of its fields may have one label ({@code a: 1, a: int}); if not, a field whose
     * label no other declaration has added yet is a new arc and needs no lookup. A literal of more
     * than {@value #COMPARED} fields is not compared (its fields are looked up).
     */
    boolean mayRepeatLabel() {
      return (kinds & REPEATED) != 0;
    }

    /** Whether it embeds an expression or comprehension (may turn into a scalar or list). */
    boolean hasEmbed() {
      return (kinds & EMBED) != 0;
    }

    /** Whether it declares a regular field (so it cannot become a scalar or list). */
    boolean hasRegular() {
      return (kinds & REGULAR) != 0;
    }

    /** Whether it has a {@code ...} (it is open). */
    boolean hasEllipsis() {
      return (kinds & ELLIPSIS) != 0;
    }
  }

  /** A list literal: elements are {@link Expr} or {@link CompD}. */
  record ListE(List<Object> elems, boolean open, @Nullable Expr tail, Ast.@Nullable Pos pos)
      implements Expr {}

  /** How a reference is resolved. */
  enum RefKind {
    /** A field of the struct of the frame. */
    FIELD,
    /** A let of the struct of the frame. */
    LET,
    /** A binding of a clause or pattern frame. */
    BIND,
    /**
     * The vertex of the struct frame itself: a struct literal's own value, through its alias
     * ({@code x: V={a: _, b: V.a}}), which is the value it is unified into wherever it is used.
     */
    SELF
  }

  /** A reference: go {@code up} frames up, then resolve {@code name}. */
  record RefE(int up, RefKind kind, String name, Ast.@Nullable Pos pos) implements Expr {}

  /** {@code x.label}. */
  record SelE(Expr x, String label, Ast.@Nullable Pos pos) implements Expr {}

  /** {@code x[index]}. */
  record IdxE(Expr x, Expr index, Ast.@Nullable Pos pos) implements Expr {}

  /** {@code x[lo:hi]}. */
  record SliceE(Expr x, @Nullable Expr lo, @Nullable Expr hi, Ast.@Nullable Pos pos)
      implements Expr {}

  /** {@code fn(args)}. */
  record CallE(Expr fn, List<Expr> args, Ast.@Nullable Pos pos) implements Expr {}

  /**
   * A builtin function: {@code pkg} is the import path, or empty for predeclared functions such as
   * {@code len}.
   */
  record BuiltinE(String pkg, String name, Ast.@Nullable Pos pos) implements Expr {}

  /** A unary operation (not a bound: bounds are compiled to {@link Lit} or kept here). */
  record UnaryE(Ast.Op op, Expr x, Ast.@Nullable Pos pos) implements Expr {}

  /** A binary operation other than {@code |}. */
  record BinE(Ast.Op op, Expr x, Expr y, Ast.@Nullable Pos pos) implements Expr {}

  /** A disjunction; {@code marks[i]} tells whether term i is a default. */
  record DisjE(List<Expr> terms, boolean[] marks, boolean hasMarks, Ast.@Nullable Pos pos)
      implements Expr {}

  /** A string interpolation. */
  record InterpE(List<String> fragments, List<Expr> exprs, boolean bytes, Ast.@Nullable Pos pos)
      implements Expr {}

  /**
   * How deeply an expression nests: one level per struct or list literal, operand, argument,
   * disjunct, interpolated expression and comprehension clause (the recursions evaluating it
   * walks).
   */
  static int nesting(Expr e) {
    int inner = 0;
    if (e instanceof StructE s) {
      for (Decl d : s.decls()) {
        inner = Math.max(inner, nesting(d));
      }
    } else if (e instanceof ListE l) {
      for (Object x : l.elems()) {
        inner = Math.max(inner, x instanceof CompD cd ? nesting(cd) : nesting((Expr) x));
      }
      if (l.tail() != null) {
        inner = Math.max(inner, nesting(l.tail()));
      }
    } else if (e instanceof SelE s) {
      inner = nesting(s.x());
    } else if (e instanceof IdxE i) {
      inner = Math.max(nesting(i.x()), nesting(i.index()));
    } else if (e instanceof SliceE s) {
      inner = nesting(s.x());
      inner = s.lo() == null ? inner : Math.max(inner, nesting(s.lo()));
      inner = s.hi() == null ? inner : Math.max(inner, nesting(s.hi()));
    } else if (e instanceof CallE c) {
      inner = nesting(c.fn());
      for (Expr a : c.args()) {
        inner = Math.max(inner, nesting(a));
      }
    } else if (e instanceof UnaryE u) {
      inner = nesting(u.x());
    } else if (e instanceof BinE b) {
      inner = Math.max(nesting(b.x()), nesting(b.y()));
    } else if (e instanceof DisjE d) {
      for (Expr t : d.terms()) {
        inner = Math.max(inner, nesting(t));
      }
    } else if (e instanceof InterpE in) {
      for (Expr x : in.exprs()) {
        inner = Math.max(inner, nesting(x));
      }
    }
    return inner + 1;
  }

  private static int nesting(Decl d) {
    if (d instanceof FieldD f) {
      return nesting(f.value());
    } else if (d instanceof DynFieldD f) {
      return Math.max(nesting(f.labelExpr()), nesting(f.value()));
    } else if (d instanceof PatternD p) {
      return Math.max(nesting(p.filter()), nesting(p.value()));
    } else if (d instanceof LetD l) {
      return nesting(l.expr());
    } else if (d instanceof EmbedD em) {
      return nesting(em.expr());
    } else if (d instanceof EllipsisD el) {
      return el.type() == null ? 0 : nesting(el.type());
    } else {
      return nesting((CompD) d);
    }
  }

  private static int nesting(CompD cd) {
    int depth = nesting(cd.body());
    for (Clause c : cd.clauses()) {
      int x =
          c instanceof ForC f
              ? nesting(f.source())
              : c instanceof IfC i ? nesting(i.cond()) : nesting(((LetC) c).expr());
      depth = Math.max(depth, x) + 1;
    }
    return depth;
  }

  /** An already evaluated vertex used as a conjunct (unify, fills of values). */
  record ValueE(Vertex vertex) implements Expr {
    @Override
    public Ast.@Nullable Pos pos() {
      return null;
    }
  }
}
