package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.LargeStack;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation: it owns its vertices, counters and limits, and is used from one thread.
 *
 * <p>Evaluation is demand driven. {@link #evaluate} runs a vertex's {@link NodeContext} once; a
 * reference to a vertex evaluates it on the spot ({@link #readable}), so fields may refer to each
 * other in any order. A vertex that is read while it is being evaluated is a reference cycle: what
 * is known so far is used (a scalar, or the struct being built), else it is an incomplete {@code
 * cycle detected}. {@link #finalizeDeep} then evaluates the whole tree below a vertex and runs the
 * validators of structs and lists. Limits ({@link EvalLimits}, from {@link CueCompiler.Limits}):
 * steps, vertices, nesting depth, the disjunction cross product, string length and number size; an
 * interrupted thread cancels the evaluation.
 */
final class Evaluation {
  /** The closedness scopes of this evaluation. */
  final Closedness.Scopes scopes = new Closedness.Scopes();

  /** The requirements {@link Closedness#check} gathers for one node, reused (it never nests). */
  final List<Closedness.Requirement> requirementScratch = new ArrayList<>();

  /** The limits of this evaluation. */
  final EvalLimits limits;

  final int maxDisjuncts;

  private final long maxVertices;

  private final long maxSteps;

  /**
   * The deepest a field may be nested (design note §9.3: at least 20,000). A structural cycle that
   * escapes detection grows the tree one level per step; this bounds it with a LIMIT error.
   */
  private final int maxDepth;

  Evaluation(CueCompiler.Limits limits) {
    this.limits = new EvalLimits(limits);
    this.maxDisjuncts = limits.maxDisjuncts();
    this.maxVertices = limits.maxValues();
    this.maxSteps = limits.maxSteps();
    this.maxDepth = limits.maxDepth();
  }

  /**
   * How deeply disjunct clones may be evaluated inside each other: a safety net that turns an
   * expansion that never ends (a disjunction that is new in every clone) into a LIMIT error.
   */
  static final int MAX_CLONE_DEPTH = 1_000;

  /** How many operands evaluated inside each other {@link #inside} follows out. */
  private static final int MAX_OPERAND_NESTING = 16;

  /** The number of disjunct clones being evaluated inside each other now. */
  int cloneDepth;

  /** The last number given to an embedding of struct literals (Order: LabelChain#step). */
  int embedSteps;

  int ids;

  long vertices;

  long steps;

  final IdentityHashMap<Vertex, Adt.DisjE> synth = new IdentityHashMap<>(4);

  /**
   * Vertices whose disjunction lost a term to a structural cycle met at the vertex itself ({@link
   * Disjunctions#narrowedByCycle}); null while there is none.
   */
  java.util.@Nullable Set<Vertex> narrowedByCycle;

  final java.util.HashMap<Disjunctions.OrKey, Adt.DisjE> synthOr = new java.util.HashMap<>();
  final java.util.HashMap<String, Adt.DisjE> synthByContent = new java.util.HashMap<>();

  int newId() {
    return ++ids;
  }

  void tick() {
    if ((steps & 0x3ff) == 0 && Thread.currentThread().isInterrupted()) {
      // The caller gave up (e.g. a time limit): stop instead of burning CPU in the background.
      throw new Cancelled();
    }
    if (++steps > maxSteps) {
      throw new LimitExceeded(
          "evaluation step limit " + maxSteps + " exceeded (CueCompiler.Limits.maxSteps)");
    }
  }

  /**
   * Unwinds a whole evaluation that exceeded its step or value limit: going on with the other
   * fields would only exceed it again, so the evaluation ends with one error, located at the
   * innermost vertex that was being evaluated. Never caught inside the evaluator.
   */
  static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The path of the vertex being evaluated when the limit was exceeded; null until known. */
    @Nullable String path;

    LimitExceeded(String message) {
      super(message, null, false, false);
    }
  }

  /** Unwinds a whole evaluation whose thread was interrupted; never caught inside the evaluator. */
  static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("evaluation cancelled: the evaluating thread was interrupted", null, false, false);
    }
  }

  /** The number of vertices being evaluated inside each other now. */
  int nesting;

  /**
   * The vertex still being evaluated that a reference last read (as a cycle error, or to select a
   * field it may not have yet), for {@link Cycles#defer}.
   */
  @Nullable Vertex cycleAt;

  /** The labels {@link #cycleAt} had looked up while absent before that read, if it selected. */
  @Nullable Set<String> cycleAtMissing;

  /**
   * The vertex whose conjuncts were still being added when a reference last read one of its fields
   * (the field may get more conjuncts), for {@link References#addRef}.
   */
  @Nullable Vertex readWhileAdding;

  /**
   * What waits for a vertex that is a single reference being resolved without a node ({@link
   * #referenced}), as it would wait in its node: cycle checks ({@link Cycles#defer}) and
   * provisional cycle errors ({@link Cycles#provisional}). Null while there is none, as almost
   * always.
   */
  private @Nullable Map<Vertex, NodeContext.CycleWaits> referenceWaits;

  NodeContext.CycleWaits waitsFor(Vertex reference) {
    if (referenceWaits == null) {
      referenceWaits = new IdentityHashMap<>(4);
    }
    return referenceWaits.computeIfAbsent(reference, k -> new NodeContext.CycleWaits());
  }

  private NodeContext.@Nullable CycleWaits takeWaits(Vertex v) {
    return referenceWaits == null ? null : referenceWaits.remove(v);
  }

  /**
   * Provisional cycle errors (Cycles#provisional), each with the vertex still being evaluated that
   * its cycle met: reading one meets that cycle again (null while there is none).
   */
  private @Nullable Map<Vertex, Vertex> provisional;

  void noteProvisional(Vertex error, Vertex at) {
    if (provisional == null) {
      provisional = new IdentityHashMap<>(4);
    }
    provisional.put(error, at);
  }

  void forgetProvisional(Vertex error) {
    if (provisional != null) {
      provisional.remove(error);
    }
  }

  /**
   * Per vertex whose disjunction is being expanded, the disjunct clone being evaluated, which a
   * reference to the vertex reads instead (null while none is: most evaluations).
   */
  private @Nullable Map<Vertex, Vertex> disjuncts;

  /** The disjunct being evaluated for a vertex, or the vertex itself. */
  Vertex disjunctOf(Vertex v) {
    if (disjuncts == null) {
      return v;
    }
    Vertex d = disjuncts.get(v);
    return d == null ? v : d;
  }

  /** Makes {@code clone} what references to its vertex read; returns what they read before. */
  @Nullable Vertex enterDisjunct(Vertex clone) {
    if (disjuncts == null) {
      disjuncts = new IdentityHashMap<>(4);
    }
    return disjuncts.put(clone.cloneOf, clone);
  }

  void leaveDisjunct(Vertex clone, @Nullable Vertex outer) {
    if (outer == null) {
      disjuncts.remove(clone.cloneOf);
    } else {
      disjuncts.put(clone.cloneOf, outer);
    }
  }

  /**
   * The reference history of the conjunct being added or computed: an operand it evaluates ({@code
   * (t & {}).b}) is that conjunct's, so a reference it makes to a vertex already in that history is
   * cyclic (Cycles).
   */
  Conjunct.@Nullable Hist operandHist;

  /** The innermost vertex being evaluated: an operand it computes is evaluated inside it. */
  private @Nullable Vertex current;

  /**
   * Per temporary vertex of an operand ({@code (t & {}).b}), the vertex that was being evaluated
   * when it was made (null while there is none).
   */
  private @Nullable Map<Vertex, Vertex> operandOf;

  /**
   * Whether {@code v} is evaluated inside {@code outer}: below it, or in an operand computed below
   * it or below one of its disjunct clones ({@code t: {a: 1} | {b: (t & {}).b}}). A reference from
   * {@code v} to {@code outer} is then a structural cycle: the operand would contain {@code outer}
   * again, as {@code a: b: a} does (CUE's inline cycles: an operand is evaluated as a field beside
   * the one it is computed for).
   */
  boolean inside(Vertex v, Vertex outer) {
    boolean viaOperand = false;
    int operands = 0;
    Vertex last = v;
    for (Vertex p = v.parent; ; ) {
      for (; p != null; p = p.parent) {
        if (p == outer || (viaOperand && p.cloneOf == outer)) {
          return true;
        }
        last = p;
      }
      if (operandOf == null || ++operands > MAX_OPERAND_NESTING) {
        // deeper nesting is left to the reference histories and the limits (the walk stays short)
        return false;
      }
      p = operandCreator(last);
      if (p == null) {
        return false;
      }
      viaOperand = true;
    }
  }

  /**
   * The path an error of {@code v} is reported at: its own, or none below an operand's temporary,
   * whose paths are not the configuration's; the field that reads the operand then reports the
   * error at its own path, as CUE reports {@code x: conflicting values} for {@code x: ({a: 1 &
   * 2}).a}.
   */
  String errorPath(Vertex v) {
    if (operandOf != null) {
      Vertex r = v;
      while (r.parent != null) {
        r = r.parent;
      }
      if (operandCreator(r) != null) {
        return "";
      }
    }
    return v.path();
  }

  /**
   * The vertex being evaluated when the operand whose temporary is {@code root} (or a disjunct of
   * it) was made; null if {@code root} is not an operand's temporary.
   */
  private @Nullable Vertex operandCreator(Vertex root) {
    return operandOf == null ? null : operandOf.get(root.cloneOf != null ? root.cloneOf : root);
  }

  /** Forgets {@link #cycleAt}, before a conjunct is computed or resolved. */
  void forgetCycle() {
    cycleAt = null;
    cycleAtMissing = null;
  }

  /** Checks the nesting depth of a new child of {@code parent}. */
  void checkDepth(Vertex parent) {
    LargeStack.checkDepth(parent.depth + 1);
    if (parent.depth >= maxDepth) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.LIMIT,
              "limit exceeded: value nested more than "
                  + maxDepth
                  + " levels deep (CueCompiler.Limits.maxDepth)"));
    }
  }

  void countVertex() {
    if ((vertices & 0x3ff) == 0 && Thread.currentThread().isInterrupted()) {
      throw new Cancelled();
    }
    countVertices(1);
  }

  /** Counts {@code n} more values against the value limit. */
  private void countVertices(long n) {
    vertices += n;
    if (vertices > maxVertices) {
      throw new LimitExceeded(
          "value count limit " + maxVertices + " exceeded (CueCompiler.Limits.maxValues)");
    }
  }

  void evaluate(Vertex v) {
    if (v.state != Vertex.NEW) {
      return;
    }
    evaluateWith(v, null);
  }

  void evaluateWith(Vertex v, @Nullable Map<Disjunctions.DKey, Integer> forced) {
    Vertex outer = current;
    current = v;
    try {
      evaluateHere(v, forced);
    } finally {
      current = outer;
    }
  }

  private void evaluateHere(Vertex v, @Nullable Map<Disjunctions.DKey, Integer> forced) {
    NodeContext.CycleWaits waits = null;
    if (forced == null && v.notAllowed == null) {
      // Literals only (a JSON value filled in, `name: "web"`; a declared type met with it, `image:
      // string` and `"nginx"`; a disjunction of literals met with it): one concrete value that
      // every declaration admits is the value, no unification state is needed.
      Atom a = admittedLiteral(v);
      if (a == null && v.conjunctCount() == 1) {
        // A single basic type (`name?: string` never filled in) is that constraint, as Meet makes
        // it.
        if (v.conjunct(0).expr() instanceof Adt.Lit l
            && l.value() instanceof Atom.Kind k
            && k.mask() != 0
            && k.mask() != Atom.ALL) {
          tick();
          v.kind = Vertex.K_CONSTRAINT;
          v.kindMask = k.mask();
          v.constraints = List.of(k);
          v.state = Vertex.EVALUATED;
          return;
        }
        // A single reference to a finished scalar (`name: context.name`, `port: p.port`): the
        // scalar is the value; to a finished tree that exports as it is (`env: parameter.env`):
        // the tree is shared; anything else goes through unification.
        Object r = referenced(v);
        waits = takeWaits(v);
        if (r instanceof Vertex t) {
          tick();
          v.forward = t;
          v.state = Vertex.EVALUATED;
          if (waits != null) {
            waits.run(this);
          }
          return;
        }
        a = (Atom) r;
        if (a != null) {
          tick();
        }
      }
      if (a != null) {
        v.kind = Vertex.K_SCALAR;
        v.scalar = a;
        v.state = Vertex.EVALUATED;
        if (waits != null) {
          waits.run(this);
        }
        return;
      }
    }
    v.state = Vertex.EVALUATING;
    NodeContext ctx = new NodeContext(this, v, forced);
    if (waits != null) {
      ctx.waits = waits; // the node's own evaluation runs them
    }
    v.ctx = ctx;
    LargeStack.checkDepth(++nesting);
    try {
      ctx.run();
    } catch (BottomEx b) {
      v.kind = Vertex.K_BOTTOM;
      v.err = b.bottom.withPath(errorPath(v));
      v.forward = null;
    } catch (LimitExceeded e) {
      if (e.path == null && v.parent != null) {
        e.path = v.path(); // the innermost field, not a temporary operand
      }
      throw e;
    } finally {
      nesting--;
      v.ctx = null;
      v.state = Vertex.EVALUATED;
    }
    if (v.kind == Vertex.K_BOTTOM) {
      Cycles.provisional(this, v);
    }
    if (ctx.waits != null) {
      ctx.waits.run(this);
    }
  }

  /**
   * The value of a vertex whose conjuncts are all literals and disjunctions of literals: one
   * concrete scalar (possibly repeated), basic types and bounds that admit it, and disjunctions
   * each with a term that is that scalar or a type or bound that admits it ({@code imagePullPolicy:
   * *"IfNotPresent" | "Always"} given {@code "Always"}: the one alternative left is the scalar,
   * whatever the default marks, as {@link Disjunctions} would find it); else null, and the vertex
   * is unified as usual, which gives the same value or reports the conflict with its positions.
   */
  private @Nullable Atom admittedLiteral(Vertex v) {
    Atom value = null;
    for (int i = 0; i < v.conjunctCount(); i++) {
      Adt.Expr e = v.conjunct(i).expr();
      if (e instanceof Adt.DisjE d) {
        List<Adt.Expr> ts = d.terms();
        for (int k = 0; k < ts.size(); k++) {
          if (!(ts.get(k) instanceof Adt.Lit)) {
            return null;
          }
        }
        continue;
      }
      if (!(e instanceof Adt.Lit l)) {
        return null;
      }
      Atom x = l.value();
      if (Atom.isConcrete(x)) {
        if (value != null && !value.equals(x)) {
          return null;
        }
        value = x;
      } else if (!(x instanceof Atom.Kind || x instanceof Atom.Bound)) {
        return null;
      }
    }
    if (value == null) {
      return null;
    }
    int count = v.conjunctCount();
    for (int i = 0; i < count; i++) {
      Adt.Expr e = v.conjunct(i).expr();
      if (e instanceof Adt.DisjE d) {
        if (!anyTermAdmits(d, value)) {
          return null;
        }
      } else {
        Atom x = ((Adt.Lit) e).value();
        if (!Atom.isConcrete(x) && !Boolean.TRUE.equals(Disjunctions.admits(x, value))) {
          return null;
        }
      }
    }
    for (int i = 0; i < count; i++) {
      tick();
    }
    return value;
  }

  /**
   * Whether a term of a disjunction of literals is the scalar (of the same class and equal, as the
   * disjunction's shortcut compares them) or a basic type or bound that admits it.
   */
  private static boolean anyTermAdmits(Adt.DisjE d, Atom value) {
    List<Adt.Expr> ts = d.terms();
    for (int k = 0; k < ts.size(); k++) {
      Atom a = ((Adt.Lit) ts.get(k)).value();
      if (Atom.isConcrete(a)) {
        if (a.getClass() == value.getClass() && a.equals(value)) {
          return true;
        }
      } else if (Boolean.TRUE.equals(Disjunctions.admits(a, value))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the single reference conjunct of {@code v} resolves to, if {@code v} can take it as its
   * value without unification: a finished scalar, or a finished tree that {@code v} can share (see
   * {@link #shareable}); else null, and {@code v} is unified as usual, which resolves the reference
   * again (resolving has no effect beyond evaluating what it reads and recording the labels it
   * looked up, and {@code v} reads as being evaluated meanwhile, as it would in unification).
   *
   * @return an {@link Atom}, a {@link Vertex} or null
   */
  private @Nullable Object referenced(Vertex v) {
    Conjunct c = v.conjunct(0);
    Adt.Expr e = c.expr();
    if (!(e instanceof Adt.RefE || e instanceof Adt.SelE) || c.env() == null) {
      return null;
    }
    v.state = Vertex.EVALUATING;
    LargeStack.checkDepth(++nesting);
    Conjunct.Hist outerHist = operandHist;
    operandHist = c.hist();
    try {
      Object t = References.resolveForConjunct(this, e, c.env());
      if (t instanceof Atom a) {
        return Atom.isConcrete(a) ? a : null;
      }
      Vertex tv = (Vertex) t;
      if (v.isLet && tv.isAncestorOf(v)) {
        // `a: {b: 1, let X = a, c: X.b}`: X is a itself; selecting from it is no cycle, while
        // using it whole (`c: X`) copies a into its own field, a structural cycle
        return tv;
      }
      if (tv.state == Vertex.NEW && tv.parent != null && tv.parent.state == Vertex.EVALUATED) {
        evaluate(tv); // as References.addRef does: its conjuncts are complete
      }
      if (tv.state == Vertex.EVALUATED
          && tv.forward == null
          && tv.kind == Vertex.K_SCALAR
          && References.isAtom(tv)) {
        return tv.scalar;
      }
      return shareable(v, c, tv) ? tv.deref() : null;
    } catch (BottomEx b) {
      return null;
    } finally {
      operandHist = outerHist;
      nesting--;
      v.state = Vertex.NEW;
    }
  }

  /**
   * Whether {@code v}, whose only conjunct {@code c} refers to {@code t}, can share {@code t}'s
   * finished tree instead of unifying a copy of it (CUE's structure sharing): the copy would be the
   * same value when nothing else is unified with it, no definition closes it (neither is inside
   * one, nor is {@code t} one), and the tree exports without an error (errors name the path they
   * occur at, which is {@code t}'s in a shared tree). The shared tree counts as the copy would
   * against the value and depth limits.
   */
  private boolean shareable(Vertex v, Conjunct c, Vertex t) {
    if (t.treeSize < 0
        || v.inDefinition
        || t.inDefinition
        || t.isLet
        || c.ci().fromDef()
        || Labels.isDefinition(t.label)) {
      return false;
    }
    Vertex d = t.deref();
    if (d.kind != Vertex.K_STRUCT && d.kind != Vertex.K_LIST) {
      return false;
    }
    if (t.isAncestorOf(v) || d.isAncestorOf(v)) {
      return false; // a structural cycle, which the copy reports (a finished tree has no new arcs)
    }
    if (v.depth + t.treeHeight > maxDepth) {
      return false; // a copy fails with the depth error: let it
    }
    try {
      countVertices(t.treeSize - 1L); // the values a copy would make below v
    } catch (LimitExceeded e) {
      e.path = v.path(); // where the copy would have exceeded it
      throw e;
    }
    return true;
  }

  /**
   * Records the size and height of {@code d}'s finished tree ({@link Vertex#treeSize}) if it
   * exports without an error and has no error anywhere (hidden fields and definitions included);
   * its arcs are measured already.
   */
  private static void measure(Vertex d) {
    long size = 1;
    int height = 0;
    switch (d.kind) {
      case Vertex.K_SCALAR -> {
        if (d.scalar instanceof Atom.Opaque) {
          return;
        }
      }
      case Vertex.K_DISJ -> {
        Vertex x = Defaults.dflt(d);
        if (x == d || x.treeSize < 0) {
          return;
        }
        size += x.treeSize;
        height = x.treeHeight;
      }
      case Vertex.K_STRUCT, Vertex.K_LIST -> {
        for (int i = 0; i < d.arcs.size(); i++) {
          Vertex a = d.arcs.at(i);
          if (a.isLet) {
            continue;
          }
          if (a.arcType != Adt.ArcType.REGULAR) {
            if (a.arcType == Adt.ArcType.REQUIRED && Labels.isRegular(a.label)) {
              return; // exports as an error
            }
            size++;
            continue;
          }
          if (a.treeSize < 0) {
            return;
          }
          size += a.treeSize;
          height = Math.max(height, a.treeHeight + 1);
        }
      }
      default -> {
        return;
      }
    }
    d.treeHeight = height;
    d.treeSize = (int) Math.min(size, Integer.MAX_VALUE);
  }

  static void reset(Vertex a) {
    a.state = Vertex.NEW;
    a.forward = null;
    a.kind = Vertex.K_TOP;
    a.scalar = null;
    a.err = null;
    a.constraints = List.of();
    a.kindMask = Atom.ALL;
    a.arcs = Arcs.NONE;
    a.disjuncts = null;
    a.defaults = null;
    a.fieldOrder = null;
    a.orderChains = null;
    a.finalized = false;
    a.treeSize = -1;
    a.closedToLookups = false;
    a.lookupFilters = List.of();
  }

  /** Evaluates a vertex and everything below it. */
  void finalizeDeep(Vertex v) {
    finalizeDeep(v, false);
  }

  /**
   * Finalizes a disjunct clone, stopping at the first fatal error in a regular field (where {@link
   * Disjunctions#firstFatal} looks): such a disjunct is eliminated, and the fields after the error
   * need not be evaluated, as CUE drops a disjunct when it fails. This is what ends a recursion
   * through a field that only the disjuncts that fail would evaluate ({@code {t: "r1", out: next:
   * (#T & {t: "leaf"}).out}} met with {@code t: "leaf"}).
   */
  void finalizeDisjunct(Vertex clone) {
    finalizeDeep(clone, true);
  }

  /** Returns whether it stopped at a fatal error (only when {@code stopAtFatal}). */
  private boolean finalizeDeep(Vertex v, boolean stopAtFatal) {
    if (v.finalized) {
      return false;
    }
    evaluate(v);
    v.finalized = true;
    Vertex d = v.deref();
    if (d != v) {
      // The value is another vertex's (a disjunct, a shared tree): finalizing that one finishes its
      // alternatives, arcs and validators.
      boolean stopped = finalizeDeep(d, stopAtFatal);
      v.treeHeight = d.treeHeight;
      v.treeSize = d.treeSize;
      return stopped;
    }
    if (d.kind == Vertex.K_DISJ && !(d.disjuncts instanceof SharedAlternatives)) {
      for (Vertex a : d.disjuncts) {
        finalizeDeep(a);
      }
    }
    if (d.kind == Vertex.K_BOTTOM) {
      return stopAtFatal && !d.err.incomplete();
    }
    if (!d.arcs.isEmpty()) {
      Arcs arcs = d.arcs;
      // Arcs are only appended: those that finalizing these adds are not this loop's.
      int count = arcs.size();
      if (stopAtFatal) {
        // each level's own values first: a conflict in a field declared after a struct is found
        // before what the struct holds is evaluated
        for (int i = 0; i < count; i++) {
          Vertex a = arcs.at(i);
          if (a.isRegularField()) {
            evaluate(a);
            Vertex ad = a.deref();
            if (ad.kind == Vertex.K_BOTTOM && !ad.err.incomplete()) {
              return true;
            }
          }
        }
      }
      for (int i = 0; i < count; i++) {
        Vertex a = arcs.at(i);
        if (finalizeDeep(a, stopAtFatal && a.isRegularField())) {
          return true;
        }
      }
    }
    if (!d.validators.isEmpty()) {
      for (Atom.Validator val : d.validators) {
        Atom.Bottom e = BuiltinCalls.checkValidator(this, val, d, null);
        if (e != null) {
          d.kind = Vertex.K_BOTTOM;
          d.err = e.withPath(errorPath(d));
          return stopAtFatal && !d.err.incomplete();
        }
      }
    }
    measure(d);
    return false;
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
      Object t = References.resolveRef(this, r, env);
      if (t instanceof Atom val) {
        return Vertex.ofValue(val);
      }
      return readable((Vertex) t, r.pos());
    } else if (e instanceof Adt.SelE s) {
      return readable(
          References.selectArc(this, selectable(s.x(), env), s.label(), s.pos()), s.pos());
    } else if (e instanceof Adt.IdxE ix) {
      return readable(
          References.index(this, completedOperand(ix.x(), env), ix.index(), env, ix.pos()),
          ix.pos());
    } else if (e instanceof Adt.ValueE ve) {
      return readable(ve.vertex(), null);
    } else {
      Adt.Expr x = e;
      if (NodeContext.isTask(e)) {
        // An operator, interpolation or call computes its value directly; only a value that is not
        // a concrete scalar (a list, a bound, an error) needs a temporary vertex to hold it.
        Object r = null;
        LargeStack.checkDepth(++nesting);
        try {
          r = Expressions.compute(this, e, env);
        } catch (BottomEx b) {
          // evaluated again below, so that the error is recorded as any other operand's
        } finally {
          nesting--;
        }
        if (r instanceof Atom a && Atom.isConcrete(a)) {
          tick();
          return Vertex.ofValue(a);
        }
        if (r instanceof Adt.Expr computed) {
          x = computed;
        }
      }
      Vertex t = new Vertex(null, "");
      t.arcType = Adt.ArcType.REGULAR;
      t.addConjunct(new Conjunct(x, env, Conjunct.CloseInfo.EMPTY, operandHist));
      if (current != null) {
        if (operandOf == null) {
          operandOf = new IdentityHashMap<>(4);
        }
        operandOf.put(t, current);
      }
      evaluate(t);
      return readable(t, e.pos());
    }
  }

  /** Evaluates a vertex for reading and takes its default. */
  Vertex readable(Vertex t, Ast.@Nullable Pos pos) {
    evaluate(t);
    Vertex v = t.deref();
    if (provisional != null && v.kind == Vertex.K_BOTTOM) {
      Vertex at = provisional.get(v);
      if (at != null && at.state == Vertex.EVALUATING) {
        cycleAt = at; // a cycle error that waits for `at`: reading it meets that cycle
        cycleAtMissing = null;
      }
    }
    if (v.state == Vertex.EVALUATING) {
      NodeContext c = v.ctx;
      if (c != null && c.scalar != null && c.errors.isEmpty()) {
        return Vertex.ofValue(c.scalar);
      }
      if (c != null && (c.structSeen || c.listSeen)) {
        return v;
      }
      cycleAt = v;
      cycleAtMissing = null;
      throw new BottomEx(
          new Atom.Bottom(
              CueError.Kind.CYCLE,
              true,
              "cycle detected in evaluation of " + describePath(v),
              pos == null ? List.of() : List.of(pos),
              ""));
    }
    return Defaults.dflt(v);
  }

  static String describePath(Vertex v) {
    String p = v.path();
    return p.isEmpty() ? "value" : p;
  }

  /**
   * The operand of a selector: as {@link #operand}, except that a field still being evaluated is
   * returned as it stands instead of failing with a cycle, so that selecting a label it does not
   * have (yet) is an incomplete "undefined field" — which eliminates a disjunct, as CUE does with
   * {@code a: *a.x | 1} — while using its value ({@code a + 1}, {@code a == _|_}) is a cycle.
   */
  Vertex selectable(Adt.Expr x, @Nullable Env env) {
    Vertex t;
    if (x instanceof Adt.RefE r) {
      Object o = References.resolveRef(this, r, env);
      if (o instanceof Atom val) {
        return Vertex.ofValue(val);
      }
      t = (Vertex) o;
    } else if (x instanceof Adt.SelE s) {
      t = References.selectArc(this, selectable(s.x(), env), s.label(), s.pos());
    } else {
      return completedOperand(x, env);
    }
    evaluate(t);
    Vertex v = t.deref();
    if (v.state == Vertex.EVALUATING && (v.ctx == null || v.ctx.scalar == null)) {
      cycleAt = v;
      cycleAtMissing = v.ctx == null ? null : v.ctx.missingSnapshot();
      return v;
    }
    return readable(t, x.pos());
  }

  /**
   * The operand of a selector or an index that is not a reference: as {@link #operand}, except that
   * a unification ({@code (#D & {f0: -1}).f1}) is completed first, and an error in any of its
   * regular fields is the operand's, as in CUE, which completes such an operand's arcs before it
   * reads one (CUE v0.4 finalizes it). Its closedness is not checked: CUE v0.14 reads a field of an
   * operand that has a field its definition does not allow ({@code comprehensions/issue837}).
   */
  Vertex completedOperand(Adt.Expr x, @Nullable Env env) {
    Vertex o = operand(x, env);
    if (x instanceof Adt.BinE b && b.op() == Ast.Op.AND) {
      finalizeDeep(o);
      Atom.Bottom fatal = Disjunctions.firstFatal(this, o, false);
      if (fatal != null) {
        throw new BottomEx(fatal);
      }
    }
    return o;
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
          if (Defaults.marked(v, i) && !Defaults.allMarked(v)) {
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
}
