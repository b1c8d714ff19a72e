package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.builtins.BuiltinException;
import io.vela4j.cue.internal.builtins.Concrete;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** One evaluation: owns its vertices, counters and limits; used from one thread. */
final class Eval {
  final int maxDisjuncts = 1024;
  private static final long MAX_VERTICES = 5_000_000L;
  private static final long MAX_STEPS = 200_000_000L;

  /**
   * The deepest a field may be nested (design note §9.3: at least 20,000). A structural cycle that
   * escapes detection grows the tree one level per step; this bounds it with a LIMIT error.
   */
  static final int MAX_DEPTH = 20_000;

  private int ids;
  private long vertices;
  private long steps;
  private final IdentityHashMap<Vertex, Adt.DisjE> synth = new IdentityHashMap<>();

  int newId() {
    return ++ids;
  }

  void tick() {
    if ((steps & 0x3ff) == 0 && Thread.currentThread().isInterrupted()) {
      // The caller gave up (e.g. a time limit): stop instead of burning CPU in the background.
      throw new Cancelled();
    }
    if (++steps > MAX_STEPS) {
      throw new BottomEx(
          Atom.Bottom.fatal(CueError.Kind.LIMIT, "limit exceeded: too many evaluation steps"));
    }
  }

  /** Unwinds a whole evaluation whose thread was interrupted; never caught inside the evaluator. */
  static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("evaluation cancelled: the evaluating thread was interrupted", null, false, false);
    }
  }

  /** Checks the nesting depth of a new child of {@code parent}. */
  static void checkDepth(Vertex parent) {
    if (parent.depth >= MAX_DEPTH) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.LIMIT,
              "limit exceeded: value nested more than " + MAX_DEPTH + " levels deep"));
    }
  }

  void countVertex() {
    if (++vertices > MAX_VERTICES) {
      throw new BottomEx(Atom.Bottom.fatal(CueError.Kind.LIMIT, "limit exceeded: too many values"));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // evaluation of vertices

  void evaluate(Vertex v) {
    if (v.state != Vertex.NEW) {
      return;
    }
    evaluateWith(v, null);
  }

  void evaluateWith(Vertex v, @Nullable Map<NodeCtx.DKey, Integer> forced) {
    v.state = Vertex.EVALUATING;
    NodeCtx ctx = new NodeCtx(this, v, forced);
    v.ctx = ctx;
    try {
      ctx.run();
    } catch (BottomEx b) {
      v.kind = Vertex.K_BOTTOM;
      v.err = b.bottom.withPath(v.path());
      v.forward = null;
    } finally {
      v.ctx = null;
      v.state = Vertex.EVALUATED;
    }
  }

  static void reset(Vertex a) {
    a.state = Vertex.NEW;
    a.forward = null;
    a.kind = Vertex.K_TOP;
    a.scalar = null;
    a.err = null;
    a.constraints = List.of();
    a.kindMask = Atom.ALL;
    a.arcs.clear();
    a.disjuncts = null;
    a.defaults = null;
    a.finalized = false;
  }

  /** Evaluates a vertex and everything below it. */
  void finalizeDeep(Vertex v) {
    if (v.finalized) {
      return;
    }
    evaluate(v);
    v.finalized = true;
    Vertex d = v.deref();
    if (d != v) {
      finalizeDeep(d);
    }
    if (d.kind == Vertex.K_DISJ) {
      for (Vertex a : d.disjuncts) {
        finalizeDeep(a);
      }
    }
    if (d.kind == Vertex.K_BOTTOM) {
      return;
    }
    for (Vertex a : new ArrayList<>(d.arcs.values())) {
      finalizeDeep(a);
    }
    if (!d.validators.isEmpty()) {
      for (Atom.Validator val : d.validators) {
        Atom.Bottom e = checkValidator(val, d, null);
        if (e != null) {
          d.kind = Vertex.K_BOTTOM;
          d.err = e.withPath(d.path());
          break;
        }
      }
    }
  }

  /** The first fatal error in the regular fields of a finalized vertex, or null. */
  Atom.@Nullable Bottom firstFatal(Vertex v0) {
    Vertex v = v0.deref();
    if (v.kind == Vertex.K_BOTTOM) {
      return v.err.incomplete() ? null : v.err;
    }
    if (v.kind == Vertex.K_DISJ) {
      return null;
    }
    for (Vertex a : v.arcs.values()) {
      if (a.arcType != Adt.ArcType.REGULAR || !Labels.isRegular(a.label)) {
        continue;
      }
      Atom.Bottom b = firstFatal(a);
      if (b != null) {
        return b;
      }
    }
    return null;
  }

  /** A structural signature of a finalized value, for de-duplicating disjuncts. */
  String signature(Vertex v0) {
    StringBuilder sb = new StringBuilder();
    signature(v0, sb);
    return sb.toString();
  }

  private void signature(Vertex v0, StringBuilder sb) {
    Vertex v = v0.deref();
    switch (v.kind) {
      case Vertex.K_TOP -> sb.append('_');
      case Vertex.K_BOTTOM -> sb.append("_|_(").append(v.err.message()).append(')');
      case Vertex.K_SCALAR ->
          sb.append(v.scalar.getClass().getSimpleName()).append(':').append(v.scalar);
      case Vertex.K_CONSTRAINT -> sb.append(v.constraints);
      case Vertex.K_DISJ -> {
        sb.append("(");
        for (int i = 0; i < v.disjuncts.size(); i++) {
          sb.append(v.defaults[i] ? "*" : "").append('|');
          signature(v.disjuncts.get(i), sb);
        }
        sb.append(")");
      }
      case Vertex.K_LIST, Vertex.K_STRUCT -> {
        sb.append(v.kind == Vertex.K_LIST ? (v.listOpen ? "[..." : "[") : "{");
        for (Vertex a : v.arcs.values()) {
          if (a.isLet) {
            continue;
          }
          sb.append(a.label).append(a.arcType == Adt.ArcType.REGULAR ? ":" : "?:");
          signature(a, sb);
          sb.append(',');
        }
        sb.append(v.kind == Vertex.K_LIST ? "]" : "}");
      }
      default -> sb.append('?');
    }
  }

  // ---------------------------------------------------------------------------------------------
  // references

  /** Resolves a reference for conjunct copying: a vertex (not evaluated) or a value. */
  Object resolveForConjunct(Adt.Expr e, @Nullable Env env) {
    if (e instanceof Adt.RefE r) {
      return resolveRef(r, env);
    } else if (e instanceof Adt.SelE s) {
      return selectArc(operand(s.x(), env), s.label(), s.pos());
    } else if (e instanceof Adt.IdxE ix) {
      return index(operand(ix.x(), env), ix.index(), env, ix.pos());
    } else {
      throw new IllegalStateException("not a reference: " + e);
    }
  }

  Object resolveRef(Adt.RefE r, @Nullable Env env) {
    if (env == null) {
      throw new IllegalStateException("no environment for " + r.name());
    }
    Env e = env.at(r.up());
    switch (r.kind()) {
      case FIELD -> {
        Vertex sv = e.vertex;
        Vertex a = sv.arcs.get(r.name());
        if (a == null) {
          throw new BottomEx(
              Atom.Bottom.incomplete("undefined field: " + Labels.display(r.name()), r.pos()));
        }
        if (a.arcType != Adt.ArcType.REGULAR) {
          if (sv.ctx != null) {
            sv.ctx.optLookups.add(r.name());
          }
          throw new BottomEx(
              Atom.Bottom.incomplete(
                  "cannot reference optional field: " + Labels.display(r.name()), r.pos()));
        }
        return a;
      }
      case LET -> {
        return letVertex(e, r.name());
      }
      case BIND -> {
        Object o = e.binds.get(r.name());
        if (o == null) {
          throw new IllegalStateException("unbound " + r.name());
        }
        return o;
      }
    }
    throw new IllegalStateException();
  }

  private Vertex letVertex(Env e, String name) {
    if (e.lets == null) {
      e.lets = new java.util.HashMap<>();
    }
    Vertex lv = e.lets.get(name);
    if (lv != null) {
      return lv;
    }
    Adt.Expr expr = null;
    for (Adt.Decl d : e.lit.decls()) {
      if (d instanceof Adt.LetD l && l.name().equals(name)) {
        expr = l.expr();
      }
    }
    lv = new Vertex(e.vertex, "let " + name);
    lv.isLet = true;
    lv.arcType = Adt.ArcType.REGULAR;
    lv.conjuncts.add(new Conjunct(expr, e, Conjunct.CloseInfo.EMPTY, null));
    e.lets.put(name, lv);
    return lv;
  }

  /** Selects a field of an evaluated (default-resolved) vertex. */
  Vertex selectArc(Vertex x, String label, Ast.@Nullable Pos pos) {
    Vertex v = x.deref();
    if (v.kind == Vertex.K_BOTTOM && v.state == Vertex.EVALUATED) {
      throw new BottomEx(v.err);
    }
    if (v.kind == Vertex.K_DISJ) {
      throw new BottomEx(
          Atom.Bottom.incomplete(
              "unresolved disjunction: cannot select " + Labels.display(label), pos));
    }
    Vertex a = v.arcs.get(label);
    boolean evaluating = v.state == Vertex.EVALUATING;
    if (a == null) {
      if (v.ctx != null) {
        v.ctx.missing.add(label);
      }
      if (!evaluating && v.kind == Vertex.K_SCALAR) {
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.OTHER,
                "invalid selector " + Labels.display(label) + ": cannot select from " + v.scalar,
                pos));
      }
      if (!evaluating && v.kind == Vertex.K_LIST) {
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.OTHER, "invalid list index " + Labels.display(label), pos));
      }
      throw new BottomEx(Atom.Bottom.incomplete("undefined field: " + Labels.display(label), pos));
    }
    if (a.arcType != Adt.ArcType.REGULAR) {
      if (v.ctx != null) {
        v.ctx.optLookups.add(label);
      }
      throw new BottomEx(
          Atom.Bottom.incomplete("cannot reference optional field: " + Labels.display(label), pos));
    }
    return a;
  }

  private Vertex index(Vertex x0, Adt.Expr idxE, @Nullable Env env, Ast.@Nullable Pos pos) {
    Atom i = concrete(operand(idxE, env), pos);
    Vertex x = x0.deref();
    if (x.kind == Vertex.K_LIST) {
      if (!(i instanceof Atom.Num n) || !n.isInt()) {
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.OTHER,
                "invalid list index " + i + " (type " + Atom.kindName(i.kindMask()) + ")",
                pos));
      }
      int len = x.arcs.size();
      BigInteger bi = n.bigInt();
      if (bi.signum() < 0 || bi.compareTo(BigInteger.valueOf(len)) >= 0) {
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.OTHER, "index out of range [" + bi + "] with length " + len, pos));
      }
      return x.arcs.get(bi.toString());
    }
    if (i instanceof Atom.Str s) {
      return selectArc(x, Labels.quoted(s.s()), pos);
    }
    if (x.kind == Vertex.K_STRUCT) {
      throw new BottomEx(
          Atom.Bottom.fatal(CueError.Kind.OTHER, "invalid struct selector " + i, pos));
    }
    if (x.kind == Vertex.K_BOTTOM) {
      throw new BottomEx(x.err);
    }
    if (x.kind == Vertex.K_SCALAR) {
      throw new BottomEx(Atom.Bottom.fatal(CueError.Kind.OTHER, "cannot index " + x.scalar, pos));
    }
    throw new BottomEx(Atom.Bottom.incomplete("cannot index incomplete value", pos));
  }

  /**
   * Evaluates an expression for reading: returns an evaluated vertex with its default taken (or the
   * vertex itself when there is no unique default).
   */
  Vertex operand(Adt.Expr e, @Nullable Env env) {
    if (e instanceof Adt.Lit l) {
      if (l.value() instanceof Atom.Bottom b) {
        throw new BottomEx(b);
      }
      Vertex lv = Vertex.ofValue(l.value());
      lv.literal = true;
      return lv;
    } else if (e instanceof Adt.RefE r) {
      Object t = resolveRef(r, env);
      if (t instanceof Atom val) {
        return Vertex.ofValue(val);
      }
      return readable((Vertex) t, r.pos());
    } else if (e instanceof Adt.SelE s) {
      return readable(selectArc(operand(s.x(), env), s.label(), s.pos()), s.pos());
    } else if (e instanceof Adt.IdxE ix) {
      return readable(index(operand(ix.x(), env), ix.index(), env, ix.pos()), ix.pos());
    } else if (e instanceof Adt.ValueE ve) {
      return readable(ve.vertex(), null);
    } else {
      Vertex t = new Vertex(null, "");
      t.arcType = Adt.ArcType.REGULAR;
      t.conjuncts.add(new Conjunct(e, env, Conjunct.CloseInfo.EMPTY, null));
      evaluate(t);
      return readable(t, e.pos());
    }
  }

  /** Evaluates a vertex for reading and takes its default. */
  Vertex readable(Vertex t, Ast.@Nullable Pos pos) {
    evaluate(t);
    Vertex v = t.deref();
    if (v.state == Vertex.EVALUATING) {
      NodeCtx c = v.ctx;
      if (c != null && c.scalar != null && c.errors.isEmpty()) {
        return Vertex.ofValue(c.scalar);
      }
      if (c != null && (c.structSeen || c.listSeen)) {
        return v;
      }
      throw new BottomEx(
          Atom.Bottom.incomplete("cycle detected in evaluation of " + describePath(v), pos));
    }
    return dflt(v);
  }

  private static String describePath(Vertex v) {
    String p = v.path();
    return p.isEmpty() ? "value" : p;
  }

  /** Takes the default of a disjunction if there is exactly one. */
  static Vertex dflt(Vertex v0) {
    Vertex v = v0.deref();
    if (v.kind != Vertex.K_DISJ) {
      return v;
    }
    Vertex found = null;
    int count = 0;
    for (int i = 0; i < v.disjuncts.size(); i++) {
      if (v.defaults[i]) {
        found = v.disjuncts.get(i);
        count++;
      }
    }
    return count == 1 ? found.deref() : v;
  }

  /** The concrete scalar of an evaluated, default-resolved vertex. */
  Atom concrete(Vertex v, Ast.@Nullable Pos pos) {
    Vertex d = v.deref();
    switch (d.kind) {
      case Vertex.K_SCALAR:
        return d.scalar;
      case Vertex.K_BOTTOM:
        throw new BottomEx(d.err);
      case Vertex.K_STRUCT:
        throw new BottomEx(
            Atom.Bottom.fatal(CueError.Kind.OTHER, "invalid operand: struct is not a scalar", pos));
      case Vertex.K_LIST:
        throw new BottomEx(
            Atom.Bottom.fatal(CueError.Kind.OTHER, "invalid operand: list is not a scalar", pos));
      default:
        if (d.literal) {
          throw new BottomEx(
              Atom.Bottom.fatal(
                  CueError.Kind.OTHER,
                  "invalid operand " + describe(d) + " (requires concrete value)",
                  pos));
        }
        throw new BottomEx(Atom.Bottom.incomplete("incomplete value " + describe(d), pos));
    }
  }

  /** A short CUE rendering of an evaluated value, for messages. */
  static String describe(Vertex v0) {
    Vertex v = v0.deref();
    return switch (v.kind) {
      case Vertex.K_TOP -> "_";
      case Vertex.K_BOTTOM -> "_|_";
      case Vertex.K_SCALAR -> v.scalar.toString();
      case Vertex.K_CONSTRAINT -> {
        StringBuilder sb = new StringBuilder();
        for (Atom c : v.constraints) {
          if (sb.length() > 0) {
            sb.append(" & ");
          }
          sb.append(c);
        }
        yield sb.toString();
      }
      case Vertex.K_DISJ -> {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.disjuncts.size(); i++) {
          if (i > 0) {
            sb.append(" | ");
          }
          if (v.defaults[i] && !allTrue(v.defaults)) {
            sb.append('*');
          }
          sb.append(describe(v.disjuncts.get(i)));
        }
        yield sb.toString();
      }
      case Vertex.K_LIST -> "[...]";
      default -> "{...}";
    };
  }

  static boolean allTrue(boolean[] b) {
    for (boolean x : b) {
      if (!x) {
        return false;
      }
    }
    return true;
  }

  List<Vertex> listElems(Vertex lv, Ast.@Nullable Pos pos) {
    Vertex v = lv.deref();
    if (v.kind == Vertex.K_BOTTOM) {
      throw new BottomEx(v.err);
    }
    if (v.kind != Vertex.K_LIST) {
      if (v.kind == Vertex.K_TOP || v.kind == Vertex.K_CONSTRAINT || v.kind == Vertex.K_DISJ) {
        throw new BottomEx(Atom.Bottom.incomplete("incomplete list", pos));
      }
      throw new BottomEx(
          Atom.Bottom.fatal(CueError.Kind.OTHER, "expected list, found " + describe(v), pos));
    }
    return v.elements();
  }

  Adt.DisjE synthOr(Vertex lv, Ast.@Nullable Pos pos) {
    Vertex key = lv.deref();
    Adt.DisjE d = synth.get(key);
    if (d == null) {
      List<Adt.Expr> terms = new ArrayList<>();
      for (Vertex el : listElems(key, pos)) {
        terms.add(new Adt.ValueE(el));
      }
      if (terms.isEmpty()) {
        terms.add(
            new Adt.Lit(
                Atom.Bottom.fatal(CueError.Kind.CONFLICT, "empty list in call to or", pos), pos));
      }
      d = new Adt.DisjE(List.copyOf(terms), new boolean[terms.size()], false, pos);
      synth.put(key, d);
    }
    return d;
  }

  Adt.DisjE synthDisj(Vertex src) {
    Adt.DisjE d = synth.get(src);
    if (d == null) {
      List<Adt.Expr> terms = new ArrayList<>();
      boolean[] marks = new boolean[src.disjuncts.size()];
      boolean any = false;
      for (int i = 0; i < src.disjuncts.size(); i++) {
        terms.add(new Adt.ValueE(src.disjuncts.get(i)));
        marks[i] = src.defaults[i];
        any |= marks[i];
      }
      boolean all = allTrue(marks);
      d =
          new Adt.DisjE(
              List.copyOf(terms), all ? new boolean[marks.length] : marks, any && !all, null);
      synth.put(src, d);
    }
    return d;
  }

  boolean matchesLabel(Vertex filter, String label) {
    Vertex f = filter.deref();
    Atom s = new Atom.Str(label);
    switch (f.kind) {
      case Vertex.K_TOP:
        return true;
      case Vertex.K_SCALAR:
        return f.scalar.equals(s);
      case Vertex.K_CONSTRAINT:
        if ((f.kindMask & Atom.STRING) == 0) {
          return false;
        }
        for (Atom c : f.constraints) {
          if (c instanceof Atom.Bound b && Ops.checkBound(b, s) != null) {
            return false;
          }
        }
        return true;
      case Vertex.K_DISJ:
        for (Vertex a : f.disjuncts) {
          if (matchesLabel(a, label)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // comprehensions

  void clauses(List<Adt.Clause> cs, int i, @Nullable Env env, NodeCtx self, Consumer<Env> yield) {
    if (i == cs.size()) {
      yield.accept(env);
      return;
    }
    if (cs.get(i) instanceof Adt.ForC f) {
      Vertex src = operand(f.source(), env);
      if (src.state == Vertex.EVALUATING && src.ctx != null) {
        src.ctx.freeze();
      }
      int srcKind = src.kind;
      if (src.state == Vertex.EVALUATING && src.ctx != null && src.ctx.listSeen) {
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.CYCLE, "cycle error: list comprehension over itself", f.pos()));
      }
      if (src.state == Vertex.EVALUATING && src.ctx != null) {
        srcKind = src.ctx.listSeen ? Vertex.K_LIST : Vertex.K_STRUCT;
      }
      switch (srcKind) {
        case Vertex.K_STRUCT -> {
          for (Vertex a : new ArrayList<>(src.arcs.values())) {
            if (!a.isRegularField()) {
              continue;
            }
            Map<String, Object> b = new java.util.HashMap<>(4);
            if (f.key() != null) {
              b.put(f.key(), new Atom.Str(Labels.display(a.label)));
            }
            b.put(f.value(), a);
            clauses(cs, i + 1, Env.bind(env, b), self, yield);
          }
        }
        case Vertex.K_LIST -> {
          int k = 0;
          for (Vertex a : src.elements()) {
            Map<String, Object> b = new java.util.HashMap<>(4);
            if (f.key() != null) {
              b.put(f.key(), Atom.Num.ofInt(BigInteger.valueOf(k)));
            }
            k++;
            b.put(f.value(), a);
            clauses(cs, i + 1, Env.bind(env, b), self, yield);
          }
        }
        case Vertex.K_BOTTOM -> throw new BottomEx(src.err);
        case Vertex.K_SCALAR ->
            throw new BottomEx(
                Atom.Bottom.fatal(
                    CueError.Kind.OTHER,
                    "cannot range over "
                        + src.scalar
                        + " (found "
                        + Atom.kindName(src.scalar.kindMask())
                        + ", want list or struct)",
                    f.pos()));
        default ->
            throw new BottomEx(
                Atom.Bottom.incomplete(
                    "cannot range over incomplete value " + describe(src), f.pos()));
      }
    } else if (cs.get(i) instanceof Adt.IfC c) {
      Atom b = concrete(operand(c.cond(), env), c.pos());
      if (!(b instanceof Atom.Bool bb)) {
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.OTHER,
                "cannot use " + b + " (type " + Atom.kindName(b.kindMask()) + ") as type bool",
                c.pos()));
      }
      if (bb.b()) {
        clauses(cs, i + 1, env, self, yield);
      }
    } else if (cs.get(i) instanceof Adt.LetC l) {
      Vertex lv = new Vertex(self.v, "let " + l.name());
      lv.isLet = true;
      lv.arcType = Adt.ArcType.REGULAR;
      lv.conjuncts.add(new Conjunct(l.expr(), env, Conjunct.CloseInfo.EMPTY, null));
      clauses(cs, i + 1, Env.bind1(env, l.name(), lv), self, yield);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // expressions producing values

  /** Computes a non-structural expression: a {@link Atom}, or an expression to add. */
  Object compute(Adt.Expr e, @Nullable Env env) {
    if (e instanceof Adt.BinE b) {
      return binary(b, env);
    } else if (e instanceof Adt.UnaryE u) {
      return unary(u, env);
    } else if (e instanceof Adt.InterpE in) {
      return interpolate(in, env);
    } else if (e instanceof Adt.CallE c) {
      return call(c, env);
    } else if (e instanceof Adt.SliceE s) {
      return slice(s, env);
    } else if (e instanceof Adt.BuiltinE b && isConstantBuiltin(b)) {
      Object r = BuiltinCalls.constant(b.pkg(), b.name());
      Object v = fromJava(r, b.pos());
      if (v instanceof Atom || v instanceof Adt.Expr) {
        return v;
      }
      return new Atom.Opaque(r, shortPkg(b.pkg()) + "." + b.name());
    } else if (e instanceof Adt.BuiltinE b) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER,
              "cannot use builtin "
                  + (b.pkg().isEmpty() ? "" : b.pkg() + ".")
                  + b.name()
                  + " as a value",
              b.pos()));
    } else {
      throw new IllegalStateException("cannot compute " + e);
    }
  }

  private Object binary(Adt.BinE b, @Nullable Env env) {
    Ast.Op op = b.op();
    if ((op == Ast.Op.EQL || op == Ast.Op.NEQ) && (isBottomLit(b.x()) || isBottomLit(b.y()))) {
      Adt.Expr other = isBottomLit(b.x()) ? b.y() : b.x();
      boolean isBottom = isBottom(other, env);
      return Atom.Bool.of(op == Ast.Op.EQL ? isBottom : !isBottom);
    }
    Vertex x;
    Vertex y;
    Atom.Bottom firstErr = null;
    x = null;
    y = null;
    try {
      x = operand(b.x(), env);
    } catch (BottomEx ex) {
      firstErr = ex.bottom;
    }
    try {
      y = operand(b.y(), env);
    } catch (BottomEx ex) {
      if (firstErr == null || (firstErr.incomplete() && !ex.bottom.incomplete())) {
        firstErr = ex.bottom;
      }
    }
    if (firstErr != null) {
      throw new BottomEx(firstErr);
    }
    return Ops.binary(this, op, x, y, b.pos());
  }

  private static boolean isBottomLit(Adt.Expr e) {
    return e instanceof Adt.Lit l && l.value() instanceof Atom.Bottom;
  }

  /** The {@code x == _|_} test. */
  boolean isBottom(Adt.Expr e, @Nullable Env env) {
    Vertex v;
    try {
      v = operand(e, env);
    } catch (BottomEx b) {
      return true;
    }
    Vertex d = v.deref();
    if (d.state == Vertex.EVALUATING && d.ctx != null) {
      // The tested struct or list is still being evaluated: the test is part of its own
      // evaluation (`a: c, c: {if a != _|_ {x: a}}`), so its answer would decide what it tests.
      // CUE reports a cycle error (a reference cycle: incomplete, not fatal).
      throw new BottomEx(
          new Atom.Bottom(
              CueError.Kind.CYCLE,
              true,
              "cycle error: " + describePath(d) + " is tested for _|_ during its own evaluation",
              e.pos() == null ? List.of() : List.of(e.pos()),
              ""));
    }
    return switch (d.kind) {
      case Vertex.K_BOTTOM -> true;
      case Vertex.K_SCALAR -> false;
      case Vertex.K_STRUCT, Vertex.K_LIST -> false;
      default -> true;
    };
  }

  private Object unary(Adt.UnaryE u, @Nullable Env env) {
    Vertex x = operand(u.x(), env);
    Atom v = concrete(x, u.pos());
    if (u.op().isRelational()) {
      return Ops.bound(u.op(), v, u.pos());
    }
    return Ops.unary(u.op(), v, u.pos());
  }

  private Object interpolate(Adt.InterpE in, @Nullable Env env) {
    StringBuilder sb = new StringBuilder(in.fragments().get(0));
    Atom.Bottom err = null;
    for (int i = 0; i < in.exprs().size(); i++) {
      try {
        Atom v = concrete(operand(in.exprs().get(i), env), in.pos());
        sb.append(Ops.interpolationText(v, in.pos()));
      } catch (BottomEx b) {
        if (err == null || (err.incomplete() && !b.bottom.incomplete())) {
          err = b.bottom;
        }
      }
      sb.append(in.fragments().get(i + 1));
    }
    if (err != null) {
      throw new BottomEx(err);
    }
    if (in.bytes()) {
      return new Atom.Bytes(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return new Atom.Str(sb.toString());
  }

  private Object slice(Adt.SliceE s, @Nullable Env env) {
    Vertex x = operand(s.x(), env);
    List<Vertex> elems = listElems(x, s.pos());
    int lo = s.lo() == null ? 0 : intArg(operand(s.lo(), env), s.pos());
    int hi = s.hi() == null ? elems.size() : intArg(operand(s.hi(), env), s.pos());
    if (lo < 0 || hi > elems.size() || lo > hi) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER,
              "invalid slice index: " + lo + " > " + hi + " or out of range",
              s.pos()));
    }
    List<Object> out = new ArrayList<>();
    for (int i = lo; i < hi; i++) {
      out.add(new Adt.ValueE(elems.get(i)));
    }
    return new Adt.ListE(List.copyOf(out), false, null, s.pos());
  }

  private int intArg(Vertex v, Ast.@Nullable Pos pos) {
    Atom x = concrete(v, pos);
    if (x instanceof Atom.Num n && n.isInt()) {
      return n.bigInt().intValueExact();
    }
    throw new BottomEx(Atom.Bottom.fatal(CueError.Kind.OTHER, "expected int, found " + x, pos));
  }

  private Object call(Adt.CallE c, @Nullable Env env) {
    if (!(c.fn() instanceof Adt.BuiltinE b)) {
      Vertex f = operand(c.fn(), env);
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER, "cannot call non-function " + describe(f), c.pos()));
    }
    List<Object> args = new ArrayList<>();
    List<Vertex> argV = new ArrayList<>();
    Atom.Bottom err = null;
    for (Adt.Expr a : c.args()) {
      try {
        Vertex av = operand(a, env);
        argV.add(av);
        if (!(b.pkg().isEmpty() && b.name().equals("len"))) {
          args.add(toJava(av, c.pos()));
        }
      } catch (BottomEx ex) {
        if (err == null || (err.incomplete() && !ex.bottom.incomplete())) {
          err = ex.bottom;
        }
      }
    }
    if (err != null) {
      throw new BottomEx(err);
    }
    String qname = b.pkg().isEmpty() ? b.name() : shortPkg(b.pkg()) + "." + b.name();
    if (b.pkg().isEmpty()) {
      return PredeclaredFunctions.call(this, b.name(), argV, args, c.pos());
    }
    if (BuiltinCalls.isValidatorCall(b.pkg(), b.name(), args.size())) {
      return new Atom.Validator(b.pkg(), b.name(), List.copyOf(args));
    }
    try {
      Object r = BuiltinCalls.call(b.pkg(), b.name(), args);
      return fromJava(r, c.pos());
    } catch (BuiltinException ex) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.BUILTIN,
              "error in call to " + qname + ": " + ex.getMessage(),
              c.pos()));
    } catch (ArithmeticException | IllegalArgumentException ex) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.BUILTIN,
              "error in call to " + qname + ": " + ex.getMessage(),
              c.pos()));
    }
  }

  private static boolean isConstantBuiltin(Adt.BuiltinE b) {
    return !b.pkg().isEmpty() && BuiltinCalls.isConstant(b.pkg(), b.name());
  }

  static String shortPkg(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? path : path.substring(i + 1);
  }

  /** Runs a validator on a concrete value; returns the error or null (also when incomplete). */
  Atom.@Nullable Bottom checkValidator(Atom.Validator val, Vertex v, Ast.@Nullable Pos pos) {
    Object x;
    try {
      x = toJava(v, pos);
    } catch (BottomEx e) {
      return e.bottom.incomplete() ? null : e.bottom;
    }
    List<Object> args = new ArrayList<>();
    args.add(x);
    args.addAll(val.args());
    try {
      Object r = BuiltinCalls.call(val.pkg(), val.name(), args);
      if (Boolean.TRUE.equals(r)) {
        return null;
      }
      return Atom.Bottom.fatal(
          CueError.Kind.BOUND,
          "invalid value " + describe(v) + " (does not satisfy " + val + ")",
          pos);
    } catch (BuiltinException | ArithmeticException | IllegalArgumentException e) {
      return Atom.Bottom.fatal(
          CueError.Kind.BOUND,
          "invalid value " + describe(v) + " (does not satisfy " + val + "): " + e.getMessage(),
          pos);
    }
  }

  /** Converts an evaluated value to the builtins' concrete Java form. */
  Object toJava(Vertex v0, Ast.@Nullable Pos pos) {
    evaluate(v0);
    Vertex v = dflt(v0);
    if (v.state == Vertex.EVALUATING) {
      v = readable(v, pos);
    }
    switch (v.kind) {
      case Vertex.K_SCALAR:
        return scalarToJava(v.scalar);
      case Vertex.K_STRUCT:
        {
          Map<String, Object> m = new LinkedHashMap<>();
          for (Vertex a : Order.fields(v)) {
            m.put(Labels.display(a.label), toJava(a, pos));
          }
          return java.util.Collections.unmodifiableMap(m);
        }
      case Vertex.K_LIST:
        {
          List<Object> l = new ArrayList<>();
          for (Vertex a : v.elements()) {
            l.add(toJava(a, pos));
          }
          return java.util.Collections.unmodifiableList(l);
        }
      case Vertex.K_BOTTOM:
        throw new BottomEx(v.err);
      default:
        throw new BottomEx(Atom.Bottom.incomplete("incomplete value " + describe(v), pos));
    }
  }

  static Object scalarToJava(Atom s) {
    if (s instanceof Atom.Null n) {
      return Concrete.NULL;
    } else if (s instanceof Atom.Bool b) {
      return b.b();
    } else if (s instanceof Atom.Num n) {
      return n.isInt() ? n.bigInt() : n.d();
    } else if (s instanceof Atom.Str str) {
      return str.s();
    } else if (s instanceof Atom.Bytes by) {
      return new Concrete.Bytes(by.b());
    } else if (s instanceof Atom.Opaque o) {
      return o.o();
    } else {
      throw new IllegalStateException("not concrete: " + s);
    }
  }

  /** Converts a builtin result to a value or an expression. */
  static Object fromJava(@Nullable Object r, Ast.@Nullable Pos pos) {
    if (r == null || r == Concrete.NULL) {
      return Atom.Null.INSTANCE;
    }
    if (r instanceof Boolean b) {
      return Atom.Bool.of(b);
    }
    if (r instanceof BigInteger i) {
      return Atom.Num.ofInt(i);
    }
    if (r instanceof Integer || r instanceof Long) {
      return Atom.Num.ofInt(BigInteger.valueOf(((Number) r).longValue()));
    }
    if (r instanceof BigDecimal d) {
      return new Atom.Num(d, false);
    }
    if (r instanceof Double d) {
      return new Atom.Num(BigDecimal.valueOf(d), false);
    }
    if (r instanceof String s) {
      return new Atom.Str(s);
    }
    if (r instanceof Concrete.Bytes b) {
      return new Atom.Bytes(b.data());
    }
    if (r instanceof Atom v) {
      return v;
    }
    if (r instanceof List<?> || r instanceof Map<?, ?>) {
      return toExpr(r, pos);
    }
    return new Atom.Opaque(r, String.valueOf(r));
  }

  static Adt.Expr toExpr(@Nullable Object r, Ast.@Nullable Pos pos) {
    if (r instanceof List<?> l) {
      List<Object> elems = new ArrayList<>();
      for (Object o : l) {
        elems.add(toExpr(o, pos));
      }
      return new Adt.ListE(List.copyOf(elems), false, null, pos);
    }
    if (r instanceof Map<?, ?> m) {
      List<Adt.Decl> decls = new ArrayList<>();
      for (Map.Entry<?, ?> en : m.entrySet()) {
        decls.add(
            new Adt.FieldD(
                Labels.quoted(String.valueOf(en.getKey())),
                Adt.ArcType.REGULAR,
                toExpr(en.getValue(), pos),
                List.of(),
                pos));
      }
      return new Adt.StructE(List.copyOf(decls), false, true, pos);
    }
    Object v = fromJava(r, pos);
    if (v instanceof Atom val) {
      return new Adt.Lit(val, pos);
    }
    return (Adt.Expr) v;
  }
}
