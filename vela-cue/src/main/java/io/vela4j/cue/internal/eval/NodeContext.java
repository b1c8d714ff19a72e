package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Conjunct.CloseInfo;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Unification: the state of one vertex while it is being evaluated, and the loop that evaluates it.
 *
 * <p>A node's conjuncts are added one by one and split up at once ({@link #add}): literals are met
 * into the atoms ({@link Meet}), struct and list literals create arcs ({@link Structs}, {@link
 * Lists}), references add the conjuncts of their target ({@link References}), {@code &} adds both
 * operands, disjunctions are recorded for later ({@link Disjunctions}), {@code close()} adds a
 * closedness requirement ({@link Closedness}), and other expressions become tasks computed after
 * the literal conjuncts ({@link Expressions}). Then comprehensions and dynamic fields run until
 * nothing changes ({@link Comprehensions}), tail types apply, lists are checked, pending
 * disjunctions are expanded, and finally the value is decided ({@link Meet#finishValue}). Conjuncts
 * are only ever met into the state, never overwritten, so the order of declarations does not
 * matter.
 */
final class NodeContext {

  /** An expression to compute, and its cycle mode ({@link Cycles#NONE}, ...). */
  record Task(Conjunct c, int cyc) {}

  final Evaluation ev;
  final Vertex v;

  /**
   * In a disjunct clone: the term chosen for each disjunction occurrence ({@link Disjunctions}).
   */
  final @Nullable Map<Disjunctions.DKey, Integer> forced;

  // The meet of atoms (Meet).
  @Nullable Atom scalar;
  Ast.@Nullable Pos scalarPos;

  /** Whether the scalar came before any type or bound: CUE names it first in a conflict. */
  boolean scalarFirst;

  Ast.@Nullable Pos litPos;
  int kindMask = Atom.ALL;
  List<Atom> kinds = List.of();
  List<Atom.Bound> bounds = List.of();
  List<Atom.Bottom> errors = List.of();
  List<Atom.Validator> validators = List.of();
  boolean hasTop;
  boolean structSeen;
  boolean structForced;
  boolean listSeen;

  // Export order (Order): one chain of labels per struct literal, and the conjunct it came from.
  List<LabelChain> chains = List.of();
  int unit = -1;
  LabelChain.@Nullable Cursor pendingChain;

  /** The embedding being added (0: none), and the one it follows (Evaluation#embedSteps). */
  int embedStep;

  int embedAfter;

  // Struct literals (Structs), lists (Lists), comprehensions (Comprehensions).
  List<Structs.Pat> patterns = List.of();
  List<Structs.Dyn> dyns = List.of();
  List<Lists.ListPart> listParts = List.of();
  List<Comprehensions.Comp> comps = List.of();
  // Created on first use, as most vertices never need them (the same for the maps below).
  @Nullable ArrayDeque<Task> tasks;

  // Closedness: the scopes of the conjuncts added here, of the struct literals, of `...` (and
  // struct values) and of bare `_`; whether a conjunct was declared inside a definition.
  // (Sets start as the shared empty set and are replaced on first use: see noteScope etc.)
  // The distinct scopes of the conjuncts, in order: scope(0) ... scope(scopeCount - 1), the first
  // in a field (most nodes have one), the others in an IntList; past a few, a set finds the ones
  // already recorded.
  private int firstScope;
  private IntList moreScopes = IntList.NONE;
  int scopeCount;
  private @Nullable Set<Integer> scopeIndex;
  IntList structScopes = IntList.NONE;
  IntList openScopes = IntList.NONE;
  IntList topScopes = IntList.NONE;
  boolean anyFromDef;
  // Struct literals with a typed `...T` (Structs.applyRest).
  List<Structs.LitInfo> restLits = List.of();

  // Disjunctions: pending ones and the occurrence count per disjunction site (Disjunctions.DKey).
  List<Disjunctions.Pending> pending = List.of();
  @Nullable IdentityHashMap<Object, Integer> occ;

  /**
   * The site of the first disjunction met here, while it is the only one ({@link #occ} counts from
   * then).
   */
  @Nullable Object firstSite;

  // References: each target vertex is copied once, under the scope it got then (Closedness).
  private @Nullable Map<Vertex, Integer> visited;

  // The first target, while it is the only one: most nodes resolve one reference.
  private @Nullable Vertex firstVisited;
  private int firstVisitedScope;

  /**
   * Records that the conjuncts of {@code target} are added under {@code scope}, unless they were
   * already: then returns the scope they got then, else -1.
   */
  int visit(Vertex target, int scope) {
    if (visited == null) {
      if (firstVisited == null) {
        firstVisited = target;
        firstVisitedScope = scope;
        return -1;
      }
      if (firstVisited == target) {
        return firstVisitedScope;
      }
      visited = new IdentityHashMap<>(4);
      visited.put(firstVisited, firstVisitedScope);
    }
    Integer seen = visited.putIfAbsent(target, scope);
    return seen == null ? -1 : seen;
  }

  // Cycles.
  boolean anyCyclic;
  boolean anyNonCyclic;
  int viaCycle = Cycles.NONE;

  // References to a field not declared yet, or to one of this node's own fields while its
  // conjuncts are still being added, retried with comprehensions; set for the last try.
  List<Task> deferredRefs = List.of();
  boolean noDefer;

  /** Whether {@link #run} is adding this node's conjuncts: its arcs may still get more. */
  boolean adding;

  /**
   * One of this node's own fields whose declarations an embedding copied into the node, and how
   * many of them are copied (References#copyGrownOwnFields).
   */
  static final class CopiedField {
    final Vertex field;
    int copied;
    final CloseInfo ci;
    final Conjunct.Hist hist;
    final boolean cyclic;

    CopiedField(Vertex field, int copied, CloseInfo ci, Conjunct.Hist hist, boolean cyclic) {
      this.field = field;
      this.copied = copied;
      this.ci = ci;
      this.hist = hist;
      this.cyclic = cyclic;
    }
  }

  List<CopiedField> copiedOwnFields = List.of();

  List<CopiedField> copiedOwnFieldsForUpdate() {
    if (copiedOwnFields.isEmpty() && !(copiedOwnFields instanceof ArrayList)) {
      copiedOwnFields = new ArrayList<>(2);
    }
    return copiedOwnFields;
  }

  /**
   * What met this node in a reference cycle while it had no value yet, and waits for that value:
   * expressions of other nodes to check against their values (Cycles#defer), vertices whose value
   * was that cycle's error (Cycles#provisional) and vertices that finished without what a
   * comprehension failing on it would yield (Cycles#partial), to evaluate again.
   */
  static final class CycleWaits {
    final List<Cycles.Check> checks = new ArrayList<>(2);
    final List<Vertex> again = new ArrayList<>(2);

    /** Once the node has its value: the waiting vertices are made new, then the checks run. */
    void run(Evaluation ev) {
      Cycles.retry(ev, again);
      Cycles.check(ev, checks);
    }
  }

  /** What waits for this node's value (null: nothing, as almost always). */
  @Nullable CycleWaits waits;

  CycleWaits waitsForUpdate() {
    if (waits == null) {
      waits = new CycleWaits();
    }
    return waits;
  }

  // Non-monotonic bookkeeping: the field set was read by a `for`, labels looked up while absent,
  // optional labels looked up.
  boolean frozen;
  Set<String> missing = Set.of();
  Set<String> optLookups = Set.of();

  NodeContext(Evaluation ev, Vertex v, @Nullable Map<Disjunctions.DKey, Integer> forced) {
    this.ev = ev;
    this.v = v;
    this.forced = forced;
  }

  // The lists above start as the shared empty list; code that changes one goes through its
  // ...ForUpdate() method, which replaces it with a list of its own first. Most vertices use a few
  // of them, so a node allocates only what it uses.

  List<Atom> kindsForUpdate() {
    if (kinds.isEmpty() && !(kinds instanceof ArrayList)) {
      kinds = new ArrayList<>(2);
    }
    return kinds;
  }

  List<Atom.Bound> boundsForUpdate() {
    if (bounds.isEmpty() && !(bounds instanceof ArrayList)) {
      bounds = new ArrayList<>(2);
    }
    return bounds;
  }

  List<Atom.Bottom> errorsForUpdate() {
    if (errors.isEmpty() && !(errors instanceof ArrayList)) {
      errors = new ArrayList<>(2);
    }
    return errors;
  }

  List<Atom.Validator> validatorsForUpdate() {
    if (validators.isEmpty() && !(validators instanceof ArrayList)) {
      validators = new ArrayList<>(2);
    }
    return validators;
  }

  List<LabelChain> chainsForUpdate() {
    if (chains.isEmpty() && !(chains instanceof ArrayList)) {
      chains = new ArrayList<>(2);
    }
    return chains;
  }

  List<Structs.Pat> patternsForUpdate() {
    if (patterns.isEmpty() && !(patterns instanceof ArrayList)) {
      patterns = new ArrayList<>(2);
    }
    return patterns;
  }

  List<Structs.Dyn> dynsForUpdate() {
    if (dyns.isEmpty() && !(dyns instanceof ArrayList)) {
      dyns = new ArrayList<>(2);
    }
    return dyns;
  }

  List<Lists.ListPart> listPartsForUpdate() {
    if (listParts.isEmpty() && !(listParts instanceof ArrayList)) {
      listParts = new ArrayList<>(2);
    }
    return listParts;
  }

  List<Comprehensions.Comp> compsForUpdate() {
    if (comps.isEmpty() && !(comps instanceof ArrayList)) {
      comps = new ArrayList<>(2);
    }
    return comps;
  }

  IntList structScopesForUpdate() {
    if (structScopes == IntList.NONE) {
      structScopes = new IntList();
    }
    return structScopes;
  }

  IntList openScopesForUpdate() {
    if (openScopes == IntList.NONE) {
      openScopes = new IntList();
    }
    return openScopes;
  }

  IntList topScopesForUpdate() {
    if (topScopes == IntList.NONE) {
      topScopes = new IntList();
    }
    return topScopes;
  }

  List<Structs.LitInfo> restLitsForUpdate() {
    if (restLits.isEmpty() && !(restLits instanceof ArrayList)) {
      restLits = new ArrayList<>(2);
    }
    return restLits;
  }

  List<Disjunctions.Pending> pendingForUpdate() {
    if (pending.isEmpty() && !(pending instanceof ArrayList)) {
      pending = new ArrayList<>(2);
    }
    return pending;
  }

  List<Task> deferredRefsForUpdate() {
    if (deferredRefs.isEmpty() && !(deferredRefs instanceof ArrayList)) {
      deferredRefs = new ArrayList<>(2);
    }
    return deferredRefs;
  }

  /** The scope of the conjuncts numbered {@code i} among the distinct ones. */
  int scope(int i) {
    return i == 0 ? firstScope : moreScopes.get(i - 1);
  }

  /** Records the closedness scope of a conjunct added here. */
  void noteScope(int id) {
    if (scopeIndex != null) {
      if (!scopeIndex.add(id)) {
        return;
      }
    } else {
      for (int i = scopeCount - 1; i >= 0; i--) {
        if (scope(i) == id) {
          return;
        }
      }
    }
    if (scopeCount == 0) {
      firstScope = id;
    } else {
      if (moreScopes == IntList.NONE) {
        moreScopes = new IntList();
      }
      moreScopes.add(id);
    }
    scopeCount++;
    if (scopeIndex == null && scopeCount > 16) {
      scopeIndex = new HashSet<>();
      for (int i = 0; i < scopeCount; i++) {
        scopeIndex.add(scope(i));
      }
    }
  }

  /** Records a label looked up while absent. */
  void addMissing(String label) {
    if (missing.isEmpty()) {
      missing = new LinkedHashSet<>(4);
    }
    missing.add(label);
  }

  /** A copy of the labels looked up while absent, for {@link #restoreMissing}. */
  Set<String> missingSnapshot() {
    return missing.isEmpty() ? Set.of() : new LinkedHashSet<>(missing);
  }

  /** Forgets the labels looked up while absent since {@code before} was taken. */
  void restoreMissing(Set<String> before) {
    if (!missing.isEmpty()) {
      missing.retainAll(before);
    }
  }

  /** Records an optional label looked up. */
  void addOptLookup(String label) {
    if (optLookups.isEmpty()) {
      optLookups = new HashSet<>(4);
    }
    optLookups.add(label);
  }

  void run() {
    // Conjuncts are only appended: those added while these run are not this loop's.
    int count = v.conjunctCount();
    // Literal values first: a reference cycle that reads this node while its other conjuncts are
    // added then sees its value, whatever the order of declaration (Cycles#defer).
    adding = true;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < count; i++) {
        Conjunct c = v.conjunct(i);
        if (c.expr() instanceof Adt.Lit == (pass == 0)) {
          unit = i;
          add(c, c.hist() != null && c.hist().cyclic() ? Cycles.INHERITED : Cycles.NONE);
        }
      }
    }
    adding = false;
    unit = -1;
    drainTasks();
    Comprehensions.runAll(this);
    Structs.applyRest(this);
    Lists.finishLists(this);
    if (!pending.isEmpty()) {
      Disjunctions.expandDisjunctions(this);
      return;
    }
    Meet.finishValue(this);
  }

  void drainTasks() {
    ArrayDeque<Task> ts = tasks;
    while (ts != null && !ts.isEmpty()) {
      Task t = ts.poll();
      Conjunct c = t.c();
      Object r;
      ev.forgetCycle();
      Conjunct.Hist outerHist = ev.operandHist;
      ev.operandHist = c.hist();
      try {
        r = Expressions.compute(ev, c.expr(), c.env());
      } catch (BottomEx e) {
        if (!Cycles.defer(this, c, e.bottom)) {
          Meet.addValue(this, e.bottom, c.ci());
        }
        continue;
      } finally {
        ev.operandHist = outerHist;
      }
      if (r instanceof Atom val) {
        Meet.addValue(this, val, c.ci());
      } else {
        add(new Conjunct((Adt.Expr) r, c.env(), c.ci(), c.hist()), t.cyc());
      }
    }
  }

  void add(Conjunct c, int cyc) {
    int saved = viaCycle;
    viaCycle = cyc;
    Conjunct.Hist outerHist = ev.operandHist;
    ev.operandHist = c.hist();
    try {
      ev.tick();
      CloseInfo ci = c.ci();
      Closedness.noteConjunct(this, ci);
      Adt.Expr e = c.expr();
      if (e instanceof Adt.Lit l) {
        Cycles.markNonCyclic(this);
        litPos = l.pos();
        Meet.addValue(this, l.value(), ci);
        litPos = null;
      } else if (e instanceof Adt.StructE s) {
        Cycles.markNonCyclic(this);
        Structs.addStruct(this, s, c);
      } else if (e instanceof Adt.ListE l) {
        Cycles.markNonCyclic(this);
        Lists.addList(this, l, c);
      } else if (e instanceof Adt.RefE r) {
        References.addRef(this, c);
      } else if (e instanceof Adt.SelE s) {
        References.addRef(this, c);
      } else if (e instanceof Adt.IdxE s) {
        References.addRef(this, c);
      } else if (e instanceof Adt.BinE b && (b.op() == Ast.Op.AND)) {
        add(new Conjunct(b.x(), c.env(), ci, c.hist()), cyc);
        add(new Conjunct(b.y(), c.env(), ci, c.hist()), cyc);
      } else if (e instanceof Adt.DisjE d) {
        Disjunctions.addDisj(this, d, c);
      } else if (e instanceof Adt.CallE call && (isPredeclared(call, "close"))) {
        if (call.args().size() != 1) {
          Meet.addValue(
              this,
              Atom.Bottom.fatal(CueError.Kind.BUILTIN, "close: want 1 argument", call.pos()),
              ci);
          return;
        }
        add(
            new Conjunct(call.args().get(0), c.env(), Closedness.enterClose(this, ci), c.hist()),
            cyc);
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
            for (Adt.Expr el : Lists.elementTerms(ev, lv, call.pos())) {
              add(new Conjunct(el, null, ci, c.hist()), cyc);
            }
          } catch (BottomEx b) {
            Meet.addValue(this, b.bottom, ci);
          }
        }
      } else if (e instanceof Adt.CallE call
          && (isPredeclared(call, "or") && call.args().size() == 1)) {
        try {
          Vertex lv = ev.operand(call.args().get(0), c.env());
          Adt.DisjE d = Disjunctions.synthOr(ev, call, c.env(), lv, call.pos());
          Disjunctions.addDisj(this, d, call, new Conjunct(d, null, ci, c.hist()));
        } catch (BottomEx b) {
          Meet.addValue(this, b.bottom, ci);
        }
      } else if (e instanceof Adt.ValueE ve) {
        Cycles.markNonCyclic(this);
        addVertexValue(ve.vertex(), c);
      } else {
        assert isTask(e) : e;
        Cycles.markNonCyclic(this);
        if (tasks == null) {
          tasks = new ArrayDeque<>(4);
        }
        tasks.add(new Task(c, viaCycle));
      }
    } finally {
      viaCycle = saved;
      ev.operandHist = outerHist;
    }
  }

  /**
   * Whether {@link #add} computes the expression as one task ({@link Expressions#compute}), not as
   * a conjunct of its own kind: an operator other than {@code &}, an interpolation, a slice, a
   * builtin, a call other than {@code close(x)}, {@code and(x)} and {@code or(x)}.
   */
  static boolean isTask(Adt.Expr e) {
    if (e instanceof Adt.BinE b) {
      return b.op() != Ast.Op.AND;
    }
    if (e instanceof Adt.CallE call) {
      return !isPredeclared(call, "close")
          && !(call.args().size() == 1
              && (isPredeclared(call, "and") || isPredeclared(call, "or")));
    }
    return e instanceof Adt.UnaryE
        || e instanceof Adt.InterpE
        || e instanceof Adt.SliceE
        || e instanceof Adt.BuiltinE;
  }

  static boolean isPredeclared(Adt.CallE call, String name) {
    return call.fn() instanceof Adt.BuiltinE b && b.pkg().isEmpty() && b.name().equals(name);
  }

  void addVertexValue(Vertex src0, Conjunct c) {
    Vertex src = src0.deref();
    ev.evaluate(src);
    src = src.deref();
    CloseInfo ci = c.ci();
    switch (src.kind) {
      case Vertex.K_BOTTOM -> errorsForUpdate().add(src.err);
      case Vertex.K_TOP -> hasTop = true;
      case Vertex.K_SCALAR -> Meet.addValue(this, src.scalar, ci);
      case Vertex.K_CONSTRAINT -> {
        for (Atom x : src.constraints) {
          Meet.addValue(this, x, ci);
        }
      }
      case Vertex.K_STRUCT -> {
        structSeen = true;
        structForced = true;
        // A struct value (not a literal) is open: its own closedness was checked when it was
        // evaluated; its fields count as declared here.
        Closedness.noteOpen(this, ci);
        CloseInfo fieldCi = ci.field("");
        LabelChain chain = new LabelChain(unit, 4, embedStep, embedAfter);
        for (Vertex a : Order.fields(src)) {
          chain.append(a.label);
        }
        chainsForUpdate().add(chain);
        for (Vertex a : src.arcs.values()) {
          Vertex na =
              Structs.arc(this, a.label, a.arcType == null ? Adt.ArcType.REGULAR : a.arcType);
          if (na == null) {
            continue;
          }
          if (!a.docs.isEmpty()) {
            Structs.addDocs(na, a.docs);
          }
          Structs.addArcConj(this, na, new Conjunct(new Adt.ValueE(a), null, fieldCi, c.hist()));
        }
        for (Vertex a : src.arcs.values()) {
          ev.evaluate(a);
        }
      }
      case Vertex.K_LIST -> {
        listSeen = true;
        CloseInfo elemCi = ci.field("");
        int i = 0;
        for (Vertex a : src.elements()) {
          Vertex na = Lists.listArc(this, i++);
          Structs.addArcConj(this, na, new Conjunct(new Adt.ValueE(a), null, elemCi, c.hist()));
        }
        listPartsForUpdate().add(new Lists.ListPart(i, src.listOpen, null, null, elemCi, c.hist()));
      }
      case Vertex.K_DISJ -> {
        Adt.DisjE d = Disjunctions.synthDisj(ev, src);
        Disjunctions.addDisj(this, d, new Conjunct(d, null, ci, c.hist()));
      }
      default -> throw new IllegalStateException("kind " + src.kind);
    }
  }

  void setBottom(Atom.Bottom b) {
    v.kind = Vertex.K_BOTTOM;
    v.err = b.withPath(ev.errorPath(v));
  }

  /** Called by clauses: marks this vertex's field set as read. */
  void freeze() {
    frozen = true;
  }
}
