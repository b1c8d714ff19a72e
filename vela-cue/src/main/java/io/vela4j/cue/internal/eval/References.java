package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Conjunct.CloseInfo;
import io.vela4j.cue.internal.eval.Conjunct.Hist;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * References: resolving identifiers, selectors and index expressions, and adding the conjuncts of
 * what they refer to.
 *
 * <p>A reference is compiled to (frames up, label). At run time it walks up that many {@link Env}
 * frames and looks the label up in the frame's vertex ({@link #resolveRef}), in the frame's lets
 * ({@link #letVertex}, one vertex per let and frame) or in a clause binding. A missing field is an
 * incomplete error ({@code undefined field}); an optional one is {@code cannot reference optional
 * field}. Selectors and indexes first read their operand with its default taken.
 *
 * <p>A reference used as a conjunct behaves as a copy (the design note §1.2): {@link #addRef} adds
 * the target's <em>conjuncts</em> to the node, each with its own environment, so that {@code b: #A
 * & {x: 1}} re-evaluates {@code #A}'s fields inside {@code b}. Shortcuts keep this linear: a
 * finished atom (scalar, constraint, fatal error) is added as a value; a finished disjunction of
 * atoms is added as one disjunction of its values; each target vertex is copied into a node only
 * once. A reference to the node itself is top ({@code a: a}); a reference to an ancestor is a
 * structural cycle ({@code a: b: a}).
 *
 * <p>A reference is resolved when its conjunct is added, so it may read a field of the node whose
 * conjuncts are still being added ({@code {#p: string, [#p][0]}} embedded before {@code #p: "v"}),
 * a field that may still get declarations. Such a reference is deferred with those to fields not
 * declared yet, and resolved again once all of the node's conjuncts are in ({@link
 * Evaluation#readWhileAdding}).
 */
final class References {
  private References() {}

  static void addRef(NodeContext n, Conjunct c) {
    // what an enclosing reference's resolution has read so far is kept for it
    Vertex readBefore = n.ev.readWhileAdding;
    n.ev.readWhileAdding = null;
    try {
      addRefReading(n, c);
    } finally {
      if (n.ev.readWhileAdding == null) {
        n.ev.readWhileAdding = readBefore;
      }
    }
  }

  /**
   * Defers a reference whose resolution read a field of {@code n}'s own vertex (or of the one
   * {@code n} is a disjunct of) while {@code n}'s conjuncts are being added: `{#p: string,
   * [#p][0]}` embedded before `#p: "v"`, where that field may still get conjuncts. It is resolved
   * again once all of them are in.
   */
  private static boolean deferredReadingOwnField(NodeContext n, Conjunct c) {
    Vertex read = n.ev.readWhileAdding;
    if (!n.adding || n.noDefer || read == null || (read != n.v && read != n.v.cloneOf)) {
      return false;
    }
    n.deferredRefsForUpdate().add(new NodeContext.Task(c, n.viaCycle));
    return true;
  }

  private static void addRefReading(NodeContext n, Conjunct c) {
    Object t;
    n.ev.forgetCycle();
    try {
      t = resolveForConjunct(n.ev, c.expr(), c.env());
      if (deferredReadingOwnField(n, c)) {
        return;
      }
    } catch (BottomEx b) {
      if (b.bottom.incomplete() && !n.noDefer && refersToLaterField(c)) {
        // `_s` embedded before `_s: {a: 1}` (or a field of another file of the package): the
        // frame's vertex is still being built; try again once its other conjuncts are in.
        n.deferredRefsForUpdate().add(new NodeContext.Task(c, n.viaCycle));
        return;
      }
      if (b.bottom.incomplete() && deferredReadingOwnField(n, c)) {
        return;
      }
      if (Cycles.defer(n, c, b.bottom)) {
        return;
      }
      Cycles.markNonCyclic(n);
      Meet.addValue(n, b.bottom, c.ci());
      return;
    }
    if (t instanceof Atom val) {
      Cycles.markNonCyclic(n);
      Meet.addValue(n, val, c.ci());
      return;
    }
    Vertex tv = (Vertex) t;
    Vertex self = n.v.cloneOf != null ? n.v.cloneOf : n.v;
    if (tv == n.v || tv == self) {
      n.hasTop = true;
      return;
    }
    if (n.ev.inside(n.v, tv) || n.ev.inside(self, tv)) {
      Cycles.markNonCyclic(n);
      n.errorsForUpdate()
          .add(Atom.Bottom.fatal(CueError.Kind.CYCLE, "structural cycle", c.expr().pos()));
      return;
    }
    CloseInfo tci = Closedness.enterReference(n, c.ci(), c.env(), tv);
    if (tci == null) {
      return; // already copied into this node; its scope now also descends from c's
    }
    if (tv.state == Vertex.NEW && tv.parent != null && tv.parent.state == Vertex.EVALUATED) {
      // The target's conjuncts are complete: evaluate it where it stands; an atom (no struct
      // literal whose fields could resolve differently in a copy) is then added as a value,
      // which keeps long reference chains linear.
      n.ev.evaluate(tv);
      if (deferredReadingOwnField(n, c)) {
        return;
      }
    }
    if (tv.state == Vertex.EVALUATED
        && tv.deref().kind == Vertex.K_DISJ
        && atomDisjunction(tv.deref())
        && !Disjunctions.narrowedByCycle(n.ev, tv)) {
      // A finished disjunction of atoms is added as one disjunction of its (de-duplicated)
      // values with their defaults, instead of re-copying the conjuncts it came from: chains such
      // as `b: a & (*1 | 2)`, `c: b & (*1 | 2)` stay linear instead of doubling per link.
      Cycles.markNonCyclic(n);
      Adt.DisjE d = Disjunctions.synthDisj(n.ev, tv.deref());
      Disjunctions.addDisj(n, d, new Conjunct(d, null, c.ci(), c.hist()));
      return;
    }
    if (tv.state == Vertex.EVALUATED && tv.forward == null && isAtom(tv)) {
      Cycles.markNonCyclic(n);
      if (tv.kind == Vertex.K_BOTTOM) {
        n.errorsForUpdate().add(tv.err);
      } else if (tv.kind == Vertex.K_SCALAR) {
        Meet.addValue(n, tv.scalar, c.ci());
      } else if (tv.kind == Vertex.K_CONSTRAINT) {
        for (Atom x : tv.constraints) {
          Meet.addValue(n, x, c.ci());
        }
      } else {
        Meet.addValue(n, Atom.Top.INSTANCE, c.ci());
      }
      return;
    }
    boolean cyclic = n.viaCycle == Cycles.CYCLIC || Hist.contains(c.hist(), tv);
    Hist h = new Hist(tv, c.hist(), cyclic);
    if (tv.conjunctCount() == 0) {
      Cycles.markNonCyclic(n);
      n.addVertexValue(tv, new Conjunct(c.expr(), c.env(), tci, c.hist()));
      return;
    }
    int copied = tv.conjunctCount();
    for (Conjunct tc : tv.conjuncts()) {
      n.add(new Conjunct(tc.expr(), tc.env(), tci, h), cyclic ? Cycles.CYCLIC : Cycles.NONE);
    }
    if (tv.parent == n.v && n.forced == null) {
      // one of the node's own fields, embedded: what else it is given while the node is built
      // (by another embedding, say) belongs to the node too; not in a disjunct, where what the
      // chosen term gives the field stays there (`ok: {y: 1 | {y: 1}, y}` is `{y: 1}`)
      n.copiedOwnFieldsForUpdate().add(new NodeContext.CopiedField(tv, copied, tci, h, cyclic));
    }
  }

  /**
   * Copies into {@code n} the declarations its embedded own fields got since they were copied:
   * {@code t: {a: {b: {v: 1}}, b: {a: {x: 2}}, a, b}} embeds {@code a}, which the embedding of
   * {@code b} gives {@code x: 2}, so {@code t.x} is 2 (and the same the other way). Returns whether
   * there was any, so that the node's comprehensions and deferred references run again: the
   * insertion repeats until no embedded field has a new declaration.
   */
  static boolean copyGrownOwnFields(NodeContext n) {
    boolean any = false;
    // the list may grow meanwhile: an added declaration can embed another own field
    for (int k = 0; k < n.copiedOwnFields.size(); k++) {
      NodeContext.CopiedField f = n.copiedOwnFields.get(k);
      int count = f.field.conjunctCount();
      for (; f.copied < count; f.copied++) {
        Conjunct tc = f.field.conjunct(f.copied);
        n.add(
            new Conjunct(tc.expr(), tc.env(), f.ci, f.hist),
            f.cyclic ? Cycles.CYCLIC : Cycles.NONE);
        any = true;
      }
    }
    if (any) {
      n.drainTasks();
    }
    return any;
  }

  /**
   * Whether a reference failed because the field it starts from is not (yet) an arc of a frame
   * whose vertex is still being evaluated, so a later conjunct of that vertex may declare it.
   */
  private static boolean refersToLaterField(Conjunct c) {
    Adt.Expr base = c.expr();
    while (true) {
      if (base instanceof Adt.SelE s) {
        base = s.x();
      } else if (base instanceof Adt.IdxE i) {
        base = i.x();
      } else {
        break;
      }
    }
    if (!(base instanceof Adt.RefE r) || r.kind() != Adt.RefKind.FIELD || c.env() == null) {
      return false;
    }
    Vertex frame = c.env().at(r.up()).vertex;
    return frame != null && frame.state == Vertex.EVALUATING && !frame.arcs.containsKey(r.name());
  }

  static boolean atomDisjunction(Vertex d) {
    for (Vertex a : d.disjuncts) {
      Vertex x = a.deref();
      if (x.kind != Vertex.K_SCALAR && x.kind != Vertex.K_CONSTRAINT) {
        return false;
      }
    }
    return true;
  }

  static boolean isAtom(Vertex tv) {
    // (a scalar or type with definitions beside it, {int, #min: 1}, is copied with them)
    return ((tv.kind == Vertex.K_SCALAR || tv.kind == Vertex.K_CONSTRAINT) && tv.arcs.isEmpty())
        || (tv.kind == Vertex.K_BOTTOM && !tv.err.incomplete())
        || (tv.kind == Vertex.K_TOP && tv.arcs.isEmpty());
  }

  /** Resolves a reference for conjunct copying: a vertex (not evaluated) or a value. */
  static Object resolveForConjunct(Evaluation ev, Adt.Expr e, @Nullable Env env) {
    if (e instanceof Adt.RefE r) {
      return resolveRef(ev, r, env);
    } else if (e instanceof Adt.SelE s) {
      return selectArc(ev, ev.selectable(s.x(), env), s.label(), s.pos());
    } else if (e instanceof Adt.IdxE ix) {
      return index(ev, ev.completedOperand(ix.x(), env), ix.index(), env, ix.pos());
    } else {
      throw new IllegalStateException("not a reference: " + e);
    }
  }

  static Object resolveRef(Evaluation ev, Adt.RefE r, @Nullable Env env) {
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
            sv.ctx.addOptLookup(r.name());
          }
          throw new BottomEx(
              Atom.Bottom.incomplete(
                  "cannot reference optional field: " + Labels.display(r.name()), r.pos()));
        }
        if (sv.ctx != null && sv.ctx.adding) {
          ev.readWhileAdding = sv;
        }
        return ev.disjunctOf(a);
      }
      case LET -> {
        return letVertex(ev, e, r.name());
      }
      case SELF -> {
        if (e.vertex == null) {
          throw new IllegalStateException("no struct frame for " + r.name());
        }
        return e.vertex;
      }
      case BIND -> {
        Object o = e.bound(r.name());
        if (o == null) {
          throw new IllegalStateException("unbound " + r.name());
        }
        return o;
      }
    }
    throw new IllegalStateException();
  }

  static Vertex letVertex(Evaluation ev, Env e, String name) {
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
    lv.addConjunct(new Conjunct(expr, e, Conjunct.CloseInfo.EMPTY, null));
    e.lets.put(name, lv);
    return lv;
  }

  /** Selects a field of an evaluated (default-resolved) vertex. */
  static Vertex selectArc(Evaluation ev, Vertex x, String label, Ast.@Nullable Pos pos) {
    Vertex a = selectArcIfPresent(ev, x, label, pos);
    if (a == null) {
      String why =
          x.deref().arcs.get(label) == null
              ? "undefined field: "
              : "cannot reference optional field: ";
      throw new BottomEx(Atom.Bottom.incomplete(why + Labels.display(label), pos));
    }
    return a;
  }

  /**
   * As {@link #selectArc}, but null where that fails with an incomplete error because the field is
   * not there (absent, or optional): what {@code x.label != _|_} asks, answered without making the
   * error. The same labels are recorded as looked up.
   */
  static @Nullable Vertex selectArcIfPresent(
      Evaluation ev, Vertex x, String label, Ast.@Nullable Pos pos) {
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
        v.ctx.addMissing(label);
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
      if (!evaluating && v.kind == Vertex.K_STRUCT && !Closedness.acceptsLookup(ev, v, label)) {
        // A closed struct will never get this field: CUE reports it at once, as a fatal error.
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.CLOSEDNESS, "undefined field: " + Labels.display(label), pos));
      }
      return null;
    }
    if (a.arcType != Adt.ArcType.REGULAR) {
      if (v.ctx != null) {
        v.ctx.addOptLookup(label);
      }
      return null;
    }
    return a;
  }

  private static String kindName(Atom a) {
    return Atom.kindName(a.kindMask());
  }

  static Vertex index(
      Evaluation ev, Vertex x0, Adt.Expr idxE, @Nullable Env env, Ast.@Nullable Pos pos) {
    Atom i = ev.concrete(ev.operand(idxE, env), pos);
    Vertex x = x0.deref();
    boolean intIndex = i instanceof Atom.Num n && n.isInt();
    if ((x.kind == Vertex.K_LIST || x.kind == Vertex.K_STRUCT)
        && !intIndex
        && !(i instanceof Atom.Str)) {
      // CUE's wording for each misfit: an index of neither kind, a string for a list, an int for
      // a struct
      throw BottomEx.fatal("invalid index " + i + " (invalid type " + kindName(i) + ")", pos);
    }
    if (x.kind == Vertex.K_LIST) {
      if (!intIndex) {
        throw BottomEx.fatal("invalid list index " + i + " (type " + kindName(i) + ")", pos);
      }
      int len = x.arcs.size();
      BigInteger bi = ((Atom.Num) i).bigInt();
      if (bi.signum() < 0) {
        throw BottomEx.fatal("invalid index " + bi + " (index must be non-negative)", pos);
      }
      if (bi.compareTo(BigInteger.valueOf(len)) >= 0) {
        // CUE words it two ways, for an empty list and for one too short
        throw BottomEx.fatal(
            len == 0
                ? "index out of range [" + bi + "] with length 0"
                : "invalid list index " + bi + " (out of bounds)",
            pos);
      }
      return x.arcs.get(bi.toString());
    }
    if (i instanceof Atom.Str s) {
      return selectArc(ev, x, Labels.quoted(s.s()), pos);
    }
    if (x.kind == Vertex.K_STRUCT) {
      throw BottomEx.fatal("invalid struct selector " + i + " (type " + kindName(i) + ")", pos);
    }
    if (x.kind == Vertex.K_BOTTOM) {
      throw new BottomEx(x.err);
    }
    if (x.kind == Vertex.K_SCALAR) {
      throw BottomEx.fatal(
          "invalid operand "
              + x.scalar
              + " (found "
              + kindName(x.scalar)
              + ", want list or struct)",
          pos);
    }
    throw new BottomEx(Atom.Bottom.incomplete("cannot index incomplete value", pos));
  }
}
