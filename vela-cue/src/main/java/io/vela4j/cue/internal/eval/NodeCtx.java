package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Conjunct.CloseInfo;
import io.vela4j.cue.internal.eval.Conjunct.Hist;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The state of one vertex while it is being evaluated: the meet of its conjuncts so far. */
final class NodeCtx {

  /** Key of a disjunction occurrence, for forcing a choice in a disjunct clone. */
  static final class DKey {
    final Adt.DisjE d;
    final int occ;

    DKey(Adt.DisjE d, int occ) {
      this.d = d;
      this.occ = occ;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DKey k && k.d == d && k.occ == occ;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(d) * 31 + occ;
    }
  }

  /** Evidence for closedness: what one struct literal (or struct value) declared. */
  static final class LitInfo {
    final int[] stack;
    final Set<String> labels = new HashSet<>();
    final List<Pat> patterns = new ArrayList<>(0);
    boolean open;

    /** The type of a {@code ...T} in the literal: applies to fields it does not declare. */
    @Nullable Conjunct rest;

    LitInfo(int[] stack) {
      this.stack = stack;
    }

    boolean has(int id) {
      for (int i : stack) {
        if (i == id) {
          return true;
        }
      }
      return false;
    }
  }

  record Req(int id, int satisfiedBy) {}

  /** A pattern constraint of this vertex. */
  final class Pat {
    final Adt.PatternD d;
    final Env env;
    final CloseInfo childCi;
    final @Nullable Hist hist;
    @Nullable Vertex filter;

    Pat(Adt.PatternD d, Env env, CloseInfo childCi, @Nullable Hist hist) {
      this.d = d;
      this.env = env;
      this.childCi = childCi;
      this.hist = hist;
    }

    boolean matches(String label) {
      if (!Labels.isRegular(label)) {
        return false;
      }
      if (filter == null) {
        try {
          filter = ev.operand(d.filter(), env);
        } catch (BottomEx e) {
          filter = Vertex.ofValue(e.bottom);
        }
      }
      return ev.matchesLabel(filter, Labels.display(label));
    }

    void apply(Vertex arc) {
      Env e =
          d.alias() == null
              ? env
              : Env.bind1(env, d.alias(), new Atom.Str(Labels.display(arc.label)));
      addArcConj(arc, new Conjunct(d.value(), e, childCi, hist));
    }
  }

  record Pending(Adt.DisjE d, int occ) {}

  record Dyn(
      Adt.DynFieldD d,
      Env env,
      CloseInfo litCi,
      LitInfo li,
      @Nullable Hist hist,
      List<String> chain) {}

  /**
   * A comprehension of a struct literal, run once the fields it reads are known; {@code cyc}
   * records whether the literal arrived through a cyclic reference, so that what it yields counts
   * as cyclic too (structural-cycle detection).
   */
  record Comp(Adt.CompD d, Env env, CloseInfo litCi, @Nullable Hist hist, Cursor chain, int cyc) {}

  /** An expression to compute, and its cycle mode ({@link #NONE}, ...). */
  record Task(Conjunct c, int cyc) {}

  /** Cycle mode: a conjunct that counts as new structure. */
  static final int NONE = 0;

  /**
   * Cycle mode: a conjunct declared inside a struct that arrived through a cyclic reference. It is
   * neither new structure nor cyclic by itself; references it makes decide (a reference already in
   * its history is cyclic, so `a: {q: {if true {a}}}, c: a` ends as a structural cycle at c.q.q,
   * while `#T: {m: {n: string}, s?: #T}, x: #T & {s: {}}` keeps x.s.m).
   */
  static final int INHERITED = 1;

  /** Cycle mode: a conjunct of a vertex reached again through a reference in its history. */
  static final int CYCLIC = 2;

  /** Where the fields of an embedded literal or comprehension go in the enclosing chain. */
  static final class Cursor {
    final List<String> chain;
    @Nullable String anchor;

    Cursor(List<String> chain, @Nullable String anchor) {
      this.chain = chain;
      this.anchor = anchor;
    }

    void add(String label) {
      int idx = anchor == null ? 0 : chain.indexOf(anchor) + 1;
      chain.add(idx, label);
      anchor = label;
    }
  }

  record ListPart(
      int n,
      boolean open,
      Adt.@Nullable Expr tail,
      @Nullable Env env,
      CloseInfo ci,
      @Nullable Hist hist) {}

  final Eval ev;
  final Vertex v;
  final @Nullable Map<DKey, Integer> forced;

  // the meet of scalars
  @Nullable Atom scalar;
  Ast.@Nullable Pos scalarPos;
  int kindMask = Atom.ALL;
  final List<Atom> kinds = new ArrayList<>(1);
  final List<Atom.Bound> bounds = new ArrayList<>(0);
  final List<Atom.Bottom> errors = new ArrayList<>(0);
  final List<Atom.Validator> validators = new ArrayList<>(0);
  final List<List<String>> chains = new ArrayList<>(1);
  final List<Integer> chainUnits = new ArrayList<>(1);
  private int unit = -1;
  boolean hasTop;
  boolean structSeen;
  boolean structForced;
  boolean listSeen;
  final List<ListPart> listParts = new ArrayList<>(0);

  // structure
  final List<LitInfo> lits = new ArrayList<>(1);
  final List<Req> reqs = new ArrayList<>(0);
  final List<Pat> patterns = new ArrayList<>(0);
  final ArrayDeque<Task> tasks = new ArrayDeque<>();
  final List<Dyn> dyns = new ArrayList<>(0);
  final List<Comp> comps = new ArrayList<>(0);
  final List<Pending> pending = new ArrayList<>(0);
  final IdentityHashMap<Adt.DisjE, Integer> occ = new IdentityHashMap<>();
  final Set<Vertex> visited = Collections.newSetFromMap(new IdentityHashMap<>());
  boolean anyCyclic;
  boolean anyNonCyclic;

  // non-monotonic bookkeeping
  boolean frozen;
  final Set<String> missing = new LinkedHashSet<>(0);
  final Set<String> optLookups = new HashSet<>(0);
  private int viaCycle = NONE;
  private @Nullable Cursor pendingChain;
  private Ast.@Nullable Pos litPos;

  NodeCtx(Eval ev, Vertex v, @Nullable Map<DKey, Integer> forced) {
    this.ev = ev;
    this.v = v;
    this.forced = forced;
  }

  void run() {
    List<Conjunct> cs = new ArrayList<>(v.conjuncts);
    for (int i = 0; i < cs.size(); i++) {
      unit = i;
      Conjunct c = cs.get(i);
      add(c, c.hist() != null && c.hist().cyclic() ? INHERITED : NONE);
    }
    unit = -1;
    drainTasks();
    List<Comp> deferred = new ArrayList<>();
    List<Dyn> deferredDyns = new ArrayList<>();
    List<Atom.Bottom> deferredErrs = new ArrayList<>();
    while (!dyns.isEmpty() || !comps.isEmpty()) {
      boolean progress = false;
      List<Dyn> ds = new ArrayList<>(dyns);
      dyns.clear();
      for (Dyn d : ds) {
        Atom.Bottom b = runDyn(d);
        if (b == null) {
          progress = true;
        } else {
          deferredDyns.add(d);
          deferredErrs.add(b);
        }
      }
      drainTasks();
      List<Comp> cps = new ArrayList<>(comps);
      comps.clear();
      for (Comp c : cps) {
        Atom.Bottom b = runComp(c);
        if (b == null) {
          progress = true;
        } else {
          deferred.add(c);
          deferredErrs.add(b);
        }
      }
      drainTasks();
      if (comps.isEmpty() && dyns.isEmpty() && !deferredErrs.isEmpty()) {
        if (progress) {
          // A comprehension or dynamic label that was incomplete may depend on fields another
          // comprehension added since: run it again (order independence).
          comps.addAll(deferred);
          dyns.addAll(deferredDyns);
        } else {
          errors.addAll(deferredErrs);
        }
        deferred.clear();
        deferredDyns.clear();
        deferredErrs.clear();
      }
    }
    applyRest();
    finishLists();
    if (!pending.isEmpty()) {
      expandDisjunctions();
      return;
    }
    finishValue();
  }

  private void drainTasks() {
    while (!tasks.isEmpty()) {
      Task t = tasks.poll();
      Conjunct c = t.c();
      Object r;
      try {
        r = ev.compute(c.expr(), c.env());
      } catch (BottomEx e) {
        addValue(e.bottom, c.ci());
        continue;
      }
      if (r instanceof Atom val) {
        addValue(val, c.ci());
      } else {
        add(new Conjunct((Adt.Expr) r, c.env(), c.ci(), c.hist()), t.cyc());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // adding conjuncts

  void add(Conjunct c, int cyc) {
    int saved = viaCycle;
    viaCycle = cyc;
    try {
      ev.tick();
      CloseInfo ci = c.ci();
      if (ci.newRoot()) {
        int r = ev.newId();
        reqs.add(new Req(r, ci.embedded() ? ci.top() : -1));
        ci = ci.push(r).with(true, false, ci.embedded());
        c = new Conjunct(c.expr(), c.env(), ci, c.hist());
      }
      Adt.Expr e = c.expr();
      if (e instanceof Adt.Lit l) {
        markNonCyclic();
        litPos = l.pos();
        addValue(l.value(), ci);
        litPos = null;
      } else if (e instanceof Adt.StructE s) {
        markNonCyclic();
        addStruct(s, c);
      } else if (e instanceof Adt.ListE l) {
        markNonCyclic();
        addList(l, c);
      } else if (e instanceof Adt.RefE r) {
        addRef(c);
      } else if (e instanceof Adt.SelE s) {
        addRef(c);
      } else if (e instanceof Adt.IdxE s) {
        addRef(c);
      } else if (e instanceof Adt.BinE b && (b.op() == Ast.Op.AND)) {
        add(new Conjunct(b.x(), c.env(), ci, c.hist()), cyc);
        add(new Conjunct(b.y(), c.env(), ci, c.hist()), cyc);
      } else if (e instanceof Adt.DisjE d) {
        addDisj(d, c);
      } else if (e instanceof Adt.CallE call && (isPredeclared(call, "close"))) {
        if (call.args().size() != 1) {
          addValue(
              Atom.Bottom.fatal(CueError.Kind.BUILTIN, "close: want 1 argument", call.pos()), ci);
          return;
        }
        int r = ev.newId();
        reqs.add(new Req(r, ci.embedded() ? ci.top() : -1));
        add(new Conjunct(call.args().get(0), c.env(), ci.push(r), c.hist()), cyc);
      } else if (e instanceof Adt.CallE call
          && (isPredeclared(call, "and") && call.args().size() == 1)) {
        Adt.Expr arg = call.args().get(0);
        if (arg instanceof Adt.ListE le
            && le.elems().stream().allMatch(x -> x instanceof Adt.Expr)) {
          for (Object x : le.elems()) {
            add(new Conjunct((Adt.Expr) x, c.env(), ci, c.hist()), cyc);
          }
        } else {
          try {
            Vertex lv = ev.operand(arg, c.env());
            for (Vertex el : ev.listElems(lv, call.pos())) {
              add(new Conjunct(new Adt.ValueE(el), null, ci, c.hist()), cyc);
            }
          } catch (BottomEx b) {
            addValue(b.bottom, ci);
          }
        }
      } else if (e instanceof Adt.CallE call
          && (isPredeclared(call, "or") && call.args().size() == 1)) {
        try {
          Vertex lv = ev.operand(call.args().get(0), c.env());
          Adt.DisjE d = ev.synthOr(lv, call.pos());
          addDisj(d, new Conjunct(d, null, ci, c.hist()));
        } catch (BottomEx b) {
          addValue(b.bottom, ci);
        }
      } else if (e instanceof Adt.ValueE ve) {
        markNonCyclic();
        addVertexValue(ve.vertex(), c);
      } else {
        markNonCyclic();
        tasks.add(new Task(c, viaCycle));
      }
    } finally {
      viaCycle = saved;
    }
  }

  private void markNonCyclic() {
    if (viaCycle == CYCLIC) {
      anyCyclic = true;
    } else if (viaCycle == NONE) {
      anyNonCyclic = true;
    }
  }

  private static boolean isPredeclared(Adt.CallE call, String name) {
    return call.fn() instanceof Adt.BuiltinE b && b.pkg().isEmpty() && b.name().equals(name);
  }

  void addValue(Atom x, CloseInfo ci) {
    if (x instanceof Atom.Validator val) {
      validators.add(val);
      return;
    }
    if (x instanceof Atom.Top t) {
      hasTop = true;
      if (ci.stack().length > 0) {
        LitInfo li = new LitInfo(ci.stack());
        li.open = true;
        lits.add(li);
      }
    } else if (x instanceof Atom.Bottom b) {
      errors.add(b);
    } else if (x instanceof Atom.Kind k) {
      kinds.add(k);
      int m = kindMask & k.mask();
      if (m == 0) {
        errors.add(conflict(describeKinds(), k.toString(), null));
      }
      kindMask = m;
    } else if (x instanceof Atom.Bound b) {
      bounds.add(b);
      int m = kindMask & b.kindMask();
      if (m == 0) {
        errors.add(conflict(describeKinds(), b.toString(), null));
      }
      kindMask = m;
    } else {
      if (scalar == null) {
        scalar = x;
        scalarPos = litPos;
      } else if (!scalar.equals(x)) {
        Atom.Bottom b = conflict(x.toString(), scalar.toString(), scalarPos);
        if (litPos != null) {
          List<Ast.Pos> ps = new ArrayList<>(b.positions());
          ps.add(litPos);
          b = new Atom.Bottom(b.kind(), false, b.message(), ps, "");
        }
        errors.add(b);
      }
    }
  }

  private String describeKinds() {
    return kinds.isEmpty() ? Atom.kindName(kindMask) : kinds.get(0).toString();
  }

  private Atom.Bottom conflict(String a, String b, Ast.@Nullable Pos pos) {
    return Atom.Bottom.fatal(CueError.Kind.CONFLICT, "conflicting values " + a + " and " + b, pos);
  }

  private void addStruct(Adt.StructE s, Conjunct c) {
    int g = ev.newId();
    CloseInfo litCi = c.ci().push(g).with(c.ci().defClosed(), false, false);
    LitInfo li = new LitInfo(litCi.stack());
    lits.add(li);
    structSeen = true;
    if (!s.hasEmbed() || s.hasRegular()) {
      structForced = true;
    }
    Env cenv = Env.struct(c.env(), v, s);
    boolean defClosed = litCi.defClosed();
    Cursor cursor = pendingChain;
    pendingChain = null;
    List<String> chain;
    if (cursor == null) {
      chain = new ArrayList<>();
      chains.add(chain);
      chainUnits.add(unit);
      cursor = new Cursor(chain, null);
    } else {
      chain = cursor.chain;
    }
    for (Adt.Decl d : s.decls()) {
      if (d instanceof Adt.FieldD f) {
        li.labels.add(f.label());
        cursor.add(f.label());
        Vertex a = arc(f.label(), f.type());
        if (a == null) {
          continue;
        }
        if (!f.docs().isEmpty()) {
          addDocs(a, f.docs());
        }
        boolean closeChild = defClosed || Labels.isDefinition(f.label());
        addArcConj(
            a,
            new Conjunct(
                f.value(),
                cenv,
                new CloseInfo(new int[0], closeChild, closeChild, false),
                c.hist()));
      } else if (d instanceof Adt.LetD l) {
      } else if (d instanceof Adt.EmbedD em) {
        Cursor embedCursor = null;
        if (em.expr() instanceof Adt.StructE) {
          embedCursor = new Cursor(chain, cursor.anchor);
          pendingChain = embedCursor;
        }
        add(new Conjunct(em.expr(), cenv, litCi.with(defClosed, false, true), c.hist()), viaCycle);
        pendingChain = null;
        if (embedCursor != null) {
          cursor.anchor = embedCursor.anchor;
        }
      } else if (d instanceof Adt.EllipsisD el) {
        li.open = true;
        if (el.type() != null) {
          li.rest = new Conjunct(el.type(), cenv, CloseInfo.child(defClosed), c.hist());
        }
      } else if (d instanceof Adt.PatternD p) {
        Pat pat =
            new Pat(p, cenv, new CloseInfo(new int[0], defClosed, defClosed, false), c.hist());
        li.patterns.add(pat);
        patterns.add(pat);
        for (Vertex a : new ArrayList<>(v.arcs.values())) {
          if (pat.matches(a.label)) {
            pat.apply(a);
          }
        }
      } else if (d instanceof Adt.DynFieldD df) {
        dyns.add(new Dyn(df, cenv, litCi, li, c.hist(), chain));
      } else if (d instanceof Adt.CompD cd) {
        comps.add(new Comp(cd, cenv, litCi, c.hist(), new Cursor(chain, cursor.anchor), viaCycle));
      }
    }
  }

  private static void addDocs(Vertex a, List<String> docs) {
    if (a.docs.isEmpty()) {
      a.docs = new ArrayList<>(docs);
    } else {
      for (String s : docs) {
        if (!a.docs.contains(s)) {
          a.docs.add(s);
        }
      }
    }
  }

  /** Returns the arc for a label, creating it; null if the label may not be added. */
  @Nullable Vertex arc(String label, Adt.ArcType type) {
    Vertex a = v.arcs.get(label);
    if (a == null) {
      if (frozen && Labels.isRegular(label)) {
        errors.add(
            Atom.Bottom.fatal(
                CueError.Kind.CYCLE,
                "adding field "
                    + Labels.display(label)
                    + " not allowed as field set was already referenced"));
        return null;
      }
      if (missing.contains(label)) {
        errors.add(Atom.Bottom.incomplete("cyclic reference to field " + Labels.display(label)));
      }
      ev.countVertex();
      Eval.checkDepth(v);
      a = new Vertex(v, label);
      a.arcType = type;
      v.arcs.put(label, a);
      for (Pat p : patterns) {
        if (p.matches(label)) {
          p.apply(a);
        }
      }
      return a;
    }
    Adt.ArcType old = a.arcType;
    if (old != Adt.ArcType.REGULAR) {
      if (type == Adt.ArcType.REGULAR) {
        if (optLookups.contains(label)) {
          errors.add(
              Atom.Bottom.fatal(
                  CueError.Kind.CYCLE,
                  "circular dependency in evaluation of conditionals: "
                      + Labels.display(label)
                      + " changed after evaluation"));
        }
        a.arcType = Adt.ArcType.REGULAR;
      } else if (type == Adt.ArcType.REQUIRED) {
        a.arcType = Adt.ArcType.REQUIRED;
      }
    }
    return a;
  }

  void addArcConj(Vertex a, Conjunct c) {
    a.conjuncts.add(c);
    if (a.state == Vertex.EVALUATED) {
      Eval.reset(a);
    }
  }

  private void addList(Adt.ListE l, Conjunct c) {
    listSeen = true;
    CloseInfo childCi = CloseInfo.child(c.ci().defClosed());
    int[] idx = {0};
    for (Object el : l.elems()) {
      if (el instanceof Adt.CompD cd) {
        try {
          ev.clauses(
              cd.clauses(),
              0,
              c.env(),
              this,
              env -> {
                Vertex a = listArc(idx[0]++);
                addArcConj(a, new Conjunct(cd.body(), env, childCi, c.hist()));
              });
        } catch (BottomEx b) {
          errors.add(b.bottom);
        }
      } else {
        Vertex a = listArc(idx[0]++);
        addArcConj(a, new Conjunct((Adt.Expr) el, c.env(), childCi, c.hist()));
      }
    }
    listParts.add(new ListPart(idx[0], l.open(), l.tail(), c.env(), childCi, c.hist()));
  }

  private Vertex listArc(int i) {
    String label = Integer.toString(i);
    Vertex a = v.arcs.get(label);
    if (a == null) {
      ev.countVertex();
      Eval.checkDepth(v);
      a = new Vertex(v, label);
      a.arcType = Adt.ArcType.REGULAR;
      v.arcs.put(label, a);
    }
    return a;
  }

  private void addRef(Conjunct c) {
    Object t;
    try {
      t = ev.resolveForConjunct(c.expr(), c.env());
    } catch (BottomEx b) {
      markNonCyclic();
      addValue(b.bottom, c.ci());
      return;
    }
    if (t instanceof Atom val) {
      markNonCyclic();
      addValue(val, c.ci());
      return;
    }
    Vertex tv = (Vertex) t;
    Vertex self = v.cloneOf != null ? v.cloneOf : v;
    if (tv == v || tv == self) {
      hasTop = true;
      return;
    }
    if (tv.isAncestorOf(v) || tv.isAncestorOf(self)) {
      markNonCyclic();
      errors.add(Atom.Bottom.fatal(CueError.Kind.CYCLE, "structural cycle", c.expr().pos()));
      return;
    }
    if (!visited.add(tv)) {
      return;
    }
    if (tv.state == Vertex.NEW && tv.parent != null && tv.parent.state == Vertex.EVALUATED) {
      // The target's conjuncts are complete: evaluate it where it stands; an atom (no struct
      // literal whose fields could resolve differently in a copy) is then added as a value,
      // which keeps long reference chains linear.
      ev.evaluate(tv);
    }
    if (tv.state == Vertex.EVALUATED
        && tv.deref().kind == Vertex.K_DISJ
        && atomDisjunction(tv.deref())) {
      // A finished disjunction of atoms is added as one disjunction of its (de-duplicated)
      // values with their defaults, instead of re-copying the conjuncts it came from: chains such
      // as `b: a & (*1 | 2)`, `c: b & (*1 | 2)` stay linear instead of doubling per link.
      markNonCyclic();
      Adt.DisjE d = ev.synthDisj(tv.deref());
      addDisj(d, new Conjunct(d, null, c.ci(), c.hist()));
      return;
    }
    if (tv.state == Vertex.EVALUATED && tv.forward == null && isAtom(tv)) {
      markNonCyclic();
      if (tv.kind == Vertex.K_BOTTOM) {
        errors.add(tv.err);
      } else if (tv.kind == Vertex.K_SCALAR) {
        addValue(tv.scalar, c.ci());
      } else if (tv.kind == Vertex.K_CONSTRAINT) {
        for (Atom x : tv.constraints) {
          addValue(x, c.ci());
        }
      } else {
        addValue(Atom.Top.INSTANCE, c.ci());
      }
      return;
    }
    boolean cyclic = viaCycle == CYCLIC || Hist.contains(c.hist(), tv);
    Hist h = new Hist(tv, c.hist(), cyclic);
    if (tv.conjuncts.isEmpty()) {
      markNonCyclic();
      addVertexValue(tv, c);
      return;
    }
    for (Conjunct tc : new ArrayList<>(tv.conjuncts)) {
      CloseInfo ci =
          new CloseInfo(
              c.ci().stack(),
              c.ci().defClosed() || tc.ci().defClosed(),
              tc.ci().newRoot(),
              c.ci().embedded());
      add(new Conjunct(tc.expr(), tc.env(), ci, h), cyclic ? CYCLIC : NONE);
    }
  }

  private static boolean atomDisjunction(Vertex d) {
    for (Vertex a : d.disjuncts) {
      Vertex x = a.deref();
      if (x.kind != Vertex.K_SCALAR && x.kind != Vertex.K_CONSTRAINT) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAtom(Vertex tv) {
    return tv.kind == Vertex.K_SCALAR
        || tv.kind == Vertex.K_CONSTRAINT
        || (tv.kind == Vertex.K_BOTTOM && !tv.err.incomplete())
        || (tv.kind == Vertex.K_TOP && tv.arcs.isEmpty());
  }

  private void addDisj(Adt.DisjE d, Conjunct c) {
    int k = occ.merge(d, 1, Integer::sum) - 1;
    Integer choice = forced == null ? null : forced.get(new DKey(d, k));
    if (choice != null) {
      add(new Conjunct(d.terms().get(choice), c.env(), c.ci(), c.hist()), viaCycle);
      return;
    }
    if (d.terms().size() == 1) {
      add(new Conjunct(d.terms().get(0), c.env(), c.ci(), c.hist()), viaCycle);
      return;
    }
    pending.add(new Pending(d, k));
  }

  private void addVertexValue(Vertex src0, Conjunct c) {
    Vertex src = src0.deref();
    ev.evaluate(src);
    src = src.deref();
    CloseInfo ci = c.ci();
    switch (src.kind) {
      case Vertex.K_BOTTOM -> errors.add(src.err);
      case Vertex.K_TOP -> hasTop = true;
      case Vertex.K_SCALAR -> addValue(src.scalar, ci);
      case Vertex.K_CONSTRAINT -> {
        for (Atom x : src.constraints) {
          addValue(x, ci);
        }
      }
      case Vertex.K_STRUCT -> {
        structSeen = true;
        structForced = true;
        LitInfo li = new LitInfo(ci.push(ev.newId()).stack());
        li.open = true;
        lits.add(li);
        List<String> chain = new ArrayList<>();
        for (Vertex a : Order.fields(src)) {
          chain.add(a.label);
        }
        chains.add(chain);
        chainUnits.add(unit);
        for (Vertex a : src.arcs.values()) {
          li.labels.add(a.label);
          Vertex na = arc(a.label, a.arcType == null ? Adt.ArcType.REGULAR : a.arcType);
          if (na == null) {
            continue;
          }
          if (!a.docs.isEmpty()) {
            addDocs(na, a.docs);
          }
          addArcConj(na, new Conjunct(new Adt.ValueE(a), null, CloseInfo.EMPTY, c.hist()));
        }
        for (Vertex a : src.arcs.values()) {
          ev.evaluate(a);
        }
      }
      case Vertex.K_LIST -> {
        listSeen = true;
        int i = 0;
        for (Vertex a : src.elements()) {
          Vertex na = listArc(i++);
          addArcConj(na, new Conjunct(new Adt.ValueE(a), null, CloseInfo.EMPTY, c.hist()));
        }
        listParts.add(new ListPart(i, src.listOpen, null, null, CloseInfo.EMPTY, c.hist()));
      }
      case Vertex.K_DISJ -> {
        Adt.DisjE d = ev.synthDisj(src);
        addDisj(d, new Conjunct(d, null, ci, c.hist()));
      }
      default -> throw new IllegalStateException("kind " + src.kind);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // dynamic fields and comprehensions

  /** Adds a dynamic field; returns its incomplete label error to retry later, else null. */
  private Atom.@Nullable Bottom runDyn(Dyn d) {
    String label;
    Set<String> missingBefore = new LinkedHashSet<>(missing);
    try {
      Vertex lv = ev.operand(d.d().labelExpr(), d.env());
      Atom s = ev.concrete(lv, d.d().pos());
      if (!(s instanceof Atom.Str str)) {
        errors.add(
            Atom.Bottom.fatal(
                CueError.Kind.OTHER,
                "invalid label: cannot use "
                    + s
                    + " (type "
                    + Atom.kindName(s.kindMask())
                    + ") as label",
                d.d().pos()));
        return null;
      }
      label = Labels.quoted(str.s());
    } catch (BottomEx b) {
      if (b.bottom.incomplete()) {
        missing.retainAll(missingBefore);
        return b.bottom;
      }
      errors.add(b.bottom);
      return null;
    }
    d.li().labels.add(label);
    d.chain().add(label);
    Vertex a = arc(label, d.d().type());
    if (a == null) {
      return null;
    }
    if (!d.d().docs().isEmpty()) {
      addDocs(a, d.d().docs());
    }
    boolean closeChild = d.litCi().defClosed();
    addArcConj(
        a,
        new Conjunct(
            d.d().value(),
            d.env(),
            new CloseInfo(new int[0], closeChild, closeChild, false),
            d.hist()));
    return null;
  }

  /** Runs a comprehension; returns an incomplete error if it yielded nothing and may retry. */
  private Atom.@Nullable Bottom runComp(Comp c) {
    int[] yields = {0};
    Set<String> missingBefore = new LinkedHashSet<>(missing);
    try {
      ev.clauses(
          c.d().clauses(),
          0,
          c.env(),
          this,
          env -> {
            yields[0]++;
            pendingChain = c.chain();
            add(
                new Conjunct(
                    c.d().body(),
                    env,
                    c.litCi().with(c.litCi().defClosed(), false, true),
                    c.hist()),
                c.cyc());
            pendingChain = null;
          });
    } catch (BottomEx b) {
      if (b.bottom.incomplete() && yields[0] == 0) {
        missing.retainAll(missingBefore);
        return b.bottom;
      }
      errors.add(b.bottom);
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // finishing

  private void applyRest() {
    for (LitInfo li : lits) {
      if (li.rest == null) {
        continue;
      }
      for (Vertex a : new ArrayList<>(v.arcs.values())) {
        if (!Labels.isRegular(a.label) || a.isLet || li.labels.contains(a.label)) {
          continue;
        }
        boolean matched = false;
        for (Pat p : li.patterns) {
          if (p.matches(a.label)) {
            matched = true;
            break;
          }
        }
        if (!matched) {
          addArcConj(a, li.rest);
        }
      }
    }
  }

  private void finishLists() {
    if (listParts.isEmpty()) {
      return;
    }
    int max = 0;
    for (ListPart p : listParts) {
      max = Math.max(max, p.n());
    }
    boolean open = true;
    for (ListPart p : listParts) {
      if (!p.open()) {
        open = false;
        if (p.n() != max) {
          errors.add(
              Atom.Bottom.fatal(
                  CueError.Kind.CONFLICT,
                  "incompatible list lengths (" + p.n() + " and " + max + ")"));
        }
      }
    }
    for (ListPart p : listParts) {
      if (p.tail() != null) {
        for (int i = p.n(); i < max; i++) {
          addArcConj(listArc(i), new Conjunct(p.tail(), p.env(), p.ci(), p.hist()));
        }
      }
    }
    v.listOpen = open;
  }

  private void expandDisjunctions() {
    long product = 1;
    for (Pending p : pending) {
      product *= p.d().terms().size();
      if (product > ev.maxDisjuncts) {
        setBottom(
            Atom.Bottom.fatal(
                CueError.Kind.LIMIT,
                "limit exceeded: disjunction cross product larger than " + ev.maxDisjuncts));
        return;
      }
    }
    int n = pending.size();
    int[] choice = new int[n];
    List<Vertex> alts = new ArrayList<>();
    List<Boolean> defs = new ArrayList<>();
    List<Atom.Bottom> errs = new ArrayList<>();
    while (true) {
      Map<DKey, Integer> f = forced == null ? new HashMap<>() : new HashMap<>(forced);
      // Spec rules U1/D1: disjunctions without marks do not constrain the default.
      boolean def = true;
      boolean has = false;
      for (int i = 0; i < n; i++) {
        Pending p = pending.get(i);
        f.put(new DKey(p.d(), p.occ()), choice[i]);
        if (p.d().hasMarks()) {
          has = true;
          if (!p.d().marks()[choice[i]]) {
            def = false;
          }
        }
      }
      Vertex clone = new Vertex(v.parent, v.label);
      clone.arcType = v.arcType;
      clone.conjuncts.addAll(v.conjuncts);
      clone.docs = v.docs;
      clone.isLet = v.isLet;
      clone.cloneOf = v.cloneOf != null ? v.cloneOf : v;
      clone.notAllowed = v.notAllowed;
      ev.evaluateWith(clone, f);
      ev.finalizeDeep(clone);
      Atom.Bottom fatal = ev.firstFatal(clone);
      if (fatal == null && clone.deref().kind == Vertex.K_BOTTOM) {
        // An incomplete error of the disjunct itself (e.g. a reference to a missing field)
        // eliminates it as well: `*cfg.missing | "fallback"` is "fallback".
        fatal = clone.deref().err;
      }
      if (fatal == null) {
        Vertex cd = clone.deref();
        if (cd.kind == Vertex.K_DISJ) {
          boolean cdHas = !Eval.allTrue(cd.defaults);
          for (int k = 0; k < cd.disjuncts.size(); k++) {
            alts.add(cd.disjuncts.get(k));
            boolean altHas = has || cdHas;
            defs.add(altHas && def && (!cdHas || cd.defaults[k]));
          }
        } else {
          alts.add(cd);
          defs.add(has && def);
        }
      } else {
        errs.add(fatal);
      }
      int i = n - 1;
      while (i >= 0) {
        choice[i]++;
        if (choice[i] < pending.get(i).d().terms().size()) {
          break;
        }
        choice[i] = 0;
        i--;
      }
      if (i < 0) {
        break;
      }
    }
    // de-duplicate
    List<Vertex> outAlts = new ArrayList<>();
    List<Boolean> outDefs = new ArrayList<>();
    List<String> sigs = new ArrayList<>();
    for (int i = 0; i < alts.size(); i++) {
      String sig = ev.signature(alts.get(i));
      int j = sigs.indexOf(sig);
      if (j >= 0) {
        outDefs.set(j, outDefs.get(j) || defs.get(i));
      } else {
        sigs.add(sig);
        outAlts.add(alts.get(i));
        outDefs.add(defs.get(i));
      }
    }
    if (outAlts.isEmpty()) {
      Atom.Bottom first = errs.isEmpty() ? null : errs.get(0);
      String msg =
          errs.size() == 1
              ? first.message()
              : errs.size()
                  + " errors in empty disjunction"
                  + (first == null ? "" : ": " + first.message());
      List<Ast.Pos> pos = new ArrayList<>();
      for (Atom.Bottom b : errs) {
        pos.addAll(b.positions());
      }
      boolean allIncomplete = !errs.isEmpty() && errs.stream().allMatch(Atom.Bottom::incomplete);
      setBottom(
          new Atom.Bottom(
              first == null ? CueError.Kind.CONFLICT : first.kind(),
              allIncomplete,
              msg,
              pos.stream().distinct().toList(),
              ""));
      return;
    }
    if (!outDefs.contains(Boolean.TRUE)) {
      Collections.fill(outDefs, Boolean.TRUE);
    }
    if (outAlts.size() == 1) {
      v.forward = outAlts.get(0);
      return;
    }
    v.kind = Vertex.K_DISJ;
    v.disjuncts = outAlts;
    v.defaults = new boolean[outDefs.size()];
    for (int i = 0; i < outDefs.size(); i++) {
      v.defaults[i] = outDefs.get(i);
    }
  }

  private void setBottom(Atom.Bottom b) {
    v.kind = Vertex.K_BOTTOM;
    v.err = b.withPath(v.path());
  }

  private void finishValue() {
    if (anyCyclic && !anyNonCyclic) {
      errors.add(Atom.Bottom.fatal(CueError.Kind.CYCLE, "structural cycle"));
    }
    Atom.Bottom err = null;
    for (Atom.Bottom b : errors) {
      if (err == null || (err.incomplete() && !b.incomplete())) {
        err = b;
      }
    }
    if (v.notAllowed != null) {
      err = v.notAllowed;
    }
    if (err != null) {
      setBottom(err);
      return;
    }
    if (listSeen) {
      if (scalar != null) {
        setBottom(conflict(scalar.toString(), "list", scalarPos));
        return;
      }
      if (structForced) {
        setBottom(conflict("list", "struct", null));
        return;
      }
      if ((kindMask & Atom.LIST) == 0) {
        setBottom(conflict(describeKinds(), "list", null));
        return;
      }
      v.kind = Vertex.K_LIST;
      v.validators = List.copyOf(validators);
      return;
    }
    if (scalar != null) {
      if (structForced) {
        setBottom(conflict(scalar.toString(), "struct", scalarPos));
        return;
      }
      if ((scalar.kindMask() & kindMask) == 0) {
        setBottom(
            conflict(
                describeKinds(),
                scalar
                    + " (mismatched types "
                    + describeKinds()
                    + " and "
                    + Atom.kindName(scalar.kindMask())
                    + ")",
                scalarPos));
        return;
      }
      for (Atom.Bound b : bounds) {
        Atom.Bottom e = Ops.checkBound(b, scalar);
        if (e != null) {
          setBottom(e);
          return;
        }
      }
      for (Atom.Validator val : validators) {
        Atom.Bottom e = ev.checkValidator(val, Vertex.ofValue(scalar), scalarPos);
        if (e != null) {
          setBottom(e);
          return;
        }
      }
      v.kind = Vertex.K_SCALAR;
      v.scalar = scalar;
      return;
    }
    if (structSeen) {
      if ((kindMask & Atom.STRUCT) == 0 || !bounds.isEmpty()) {
        setBottom(conflict(describeKinds(), "struct", null));
        return;
      }
      v.kind = Vertex.K_STRUCT;
      v.validators = List.copyOf(validators);
      v.fieldOrder = Order.topo(v, chains, chainUnits);
      checkClosed();
      return;
    }
    if (kindMask != Atom.ALL || !bounds.isEmpty() || !validators.isEmpty()) {
      Atom.Bottom e = Ops.checkBounds(bounds);
      if (e != null) {
        setBottom(e);
        return;
      }
      v.kind = Vertex.K_CONSTRAINT;
      v.kindMask = kindMask;
      List<Atom> cs = new ArrayList<>();
      if (!kinds.isEmpty()) {
        cs.add(narrowestKind());
      } else if (bounds.isEmpty()) {
        cs.add(new Atom.Kind(kindMask, Atom.kindName(kindMask)));
      }
      cs.addAll(bounds);
      cs.addAll(validators);
      v.constraints = List.copyOf(cs);
      return;
    }
    v.kind = Vertex.K_TOP;
  }

  private Atom narrowestKind() {
    for (Atom k : kinds) {
      if (k.kindMask() == kindMask) {
        return k;
      }
    }
    return new Atom.Kind(kindMask, Atom.kindName(kindMask));
  }

  private void checkClosed() {
    if (reqs.isEmpty()) {
      return;
    }
    for (Req r : reqs) {
      boolean exempt = false;
      for (LitInfo li : lits) {
        if ((li.has(r.id()) || (r.satisfiedBy() >= 0 && li.has(r.satisfiedBy()))) && li.open) {
          exempt = true;
          break;
        }
      }
      if (exempt) {
        continue;
      }
      for (Vertex a : v.arcs.values()) {
        if (!Labels.isRegular(a.label) || a.isLet) {
          continue;
        }
        if (!allowed(r, a.label)) {
          Atom.Bottom b =
              Atom.Bottom.fatal(CueError.Kind.CLOSEDNESS, "field not allowed").withPath(a.path());
          a.notAllowed = b;
          if (a.state == Vertex.EVALUATED) {
            a.kind = Vertex.K_BOTTOM;
            a.err = b;
            a.forward = null;
          }
        }
      }
    }
  }

  private boolean allowed(Req r, String label) {
    for (LitInfo li : lits) {
      if (!(li.has(r.id()) || (r.satisfiedBy() >= 0 && li.has(r.satisfiedBy())))) {
        continue;
      }
      if (li.labels.contains(label)) {
        return true;
      }
      for (Pat p : li.patterns) {
        if (p.matches(label)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Called by clauses: marks this vertex's field set as read. */
  void freeze() {
    frozen = true;
  }
}
