package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cycles: telling reference cycles (allowed) from structural cycles (fatal).
 *
 * <p>A reference cycle such as {@code a: b, b: a} is harmless: a reference to a vertex that is
 * being evaluated reads what is known so far, and a self-reference is top. A structural cycle is a
 * value that contains itself ({@code a: b: a}), or a reference that keeps re-expanding the same
 * conjuncts without adding new structure. Each conjunct carries the history of the vertices it was
 * copied from ({@link Conjunct.Hist}); a conjunct reached again through a reference already in its
 * history is cyclic. A node all of whose conjuncts are cyclic is a structural cycle ({@code
 * CYCLIC}); conjuncts declared inside a struct that arrived through a cyclic reference are neither
 * new structure nor cyclic by themselves ({@code INHERITED}): the references they make decide.
 *
 * <p>An operand ({@code (t & {}).b}) is evaluated in a temporary vertex with no parent, which CUE
 * treats as a field beside the one it is computed for (inline cycles). So the temporary counts as
 * inside the vertex being evaluated when it was made ({@link Evaluation#inside}): a reference from
 * it to that vertex, an ancestor of it or a vertex one of whose disjuncts it is in is a structural
 * cycle, as {@code a: b: a} is. And its conjunct starts from the history of the conjunct that
 * computes it ({@link Evaluation#operandHist}), so that an operand that instantiates again a vertex
 * it came through is cyclic: {@code f: {n: int, out: (fRec & {nn: n - 1}).out}} with {@code fRec}
 * computing {@code (f & {n: nn}).out} ends as a structural cycle instead of expanding until a
 * limit. A disjunct is finalized level by level and stops at its first fatal error ({@link
 * Evaluation#finalizeDisjunct}), so a recursion that only the failing disjuncts would make is not
 * made.
 *
 * <p>A reference cycle through expressions resolves when a field of the cycle has a concrete value
 * of its own ({@code y: x - 100, x: y + 100, x: 200}): CUE postpones the expression that met the
 * cycle. Evaluating {@code y} evaluates {@code x}, whose {@code y + 100} reads {@code y} while it
 * has no value yet ("cycle detected"; or a reference selects a field a struct being evaluated does
 * not have yet, "undefined field"); as {@code x} already has {@code 200}, that expression is not an
 * error of {@code x} but a check ({@link #defer}) run once {@code y} is finished ({@link #check}):
 * {@code x} is {@code 200} for {@code y} to read, and {@code y + 100} must then agree with it. A
 * field without a concrete value of its own that meets the open cycle ends as the cycle error, but
 * provisionally ({@link #provisional}): once the vertex the cycle met has its value, the field is
 * evaluated again ({@link #retry}), and reading it meanwhile meets the same cycle, so that a field
 * with a value of its own can still defer it. A struct whose comprehension guard fails on the open
 * cycle finishes without what the comprehension yields, and is evaluated again the same way ({@link
 * #partial}). A disjunct keeps the error (its errors decide whether it survives). What waits for a
 * vertex is held by its node, or by the evaluation while the vertex is a single reference resolved
 * without one ({@code let p = id}).
 */
final class Cycles {
  private Cycles() {}

  /** An expression of {@code of} to meet with its value once the cycle it met has resolved. */
  record Check(Vertex of, Conjunct c) {}

  /**
   * Whether {@code err}, which computing or resolving {@code c} for {@code n} ended in, is a cycle
   * to check later: an incomplete error after reading a vertex still being evaluated (its value, or
   * a field it does not have yet), while {@code n} already has a concrete value; if so, it is
   * queued on that vertex. When it is not, the cycle stays known: the error goes on to the node
   * whose expression read this one as an operand (a temporary without a value of its own), which
   * may defer it.
   */
  static boolean defer(NodeContext n, Conjunct c, Atom.Bottom err) {
    Vertex at = n.ev.cycleAt;
    Set<String> missingBefore = n.ev.cycleAtMissing;
    if (at == null
        || !err.incomplete()
        || n.forced != null
        || n.scalar == null
        || !Atom.isConcrete(n.scalar)
        || !n.errors.isEmpty()
        || at == n.v
        || at.state != Vertex.EVALUATING) {
      return false;
    }
    n.ev.forgetCycle();
    NodeContext waiting = at.ctx;
    if (waiting != null && missingBefore != null) {
      // The label selected while absent is checked again with the rest of c: that it appears
      // later is no longer a change after it was looked up.
      waiting.restoreMissing(missingBefore);
    }
    waitsFor(n.ev, at).checks.add(new Check(n.v, c));
    return true;
  }

  /**
   * Records {@code v}, just finished as a cycle error met at a vertex still being evaluated ({@code
   * b1: a1 - 2} read while {@code a1: a0 + 2} is, with {@code a0} coming back through {@code b1}),
   * as provisional: once that vertex has its value, {@code v} is evaluated again ({@link #retry}),
   * as CUE evaluates no node of an unresolved cycle to its end.
   */
  static void provisional(Evaluation ev, Vertex v) {
    Vertex at = ev.cycleAt;
    if (v.parent == null // a temporary operand, read once
        || v.cloneOf != null // a disjunct: a cycle error there is the disjunct's value
        || v.kind != Vertex.K_BOTTOM
        || v.err.kind() != CueError.Kind.CYCLE
        || !v.err.incomplete()
        || at == null
        || at == v
        || at.state != Vertex.EVALUATING) {
      return;
    }
    waitsFor(ev, at).again.add(v);
    ev.noteProvisional(v, at);
  }

  /**
   * Whether a comprehension or dynamic field of {@code n} that still fails, with {@code err}, once
   * nothing else moves, failed on a reference cycle still open at {@code at} ({@code Y: {if
   * #Y.userinfo != _|_ {...}}} evaluated while {@code X}, which {@code #Y} is computed from, is):
   * if so, {@code n} finishes without what it would yield, and is evaluated again once {@code at}
   * has its value, as CUE runs such a guard again when the cycle resolves.
   */
  static boolean partial(NodeContext n, Atom.Bottom err, @Nullable Vertex at) {
    Vertex v = n.v;
    if (!err.incomplete()
        || err.kind() != CueError.Kind.CYCLE
        || at == null
        || at == v
        || at.state != Vertex.EVALUATING
        || v.parent == null
        || v.cloneOf != null
        || n.forced != null
        || at.isAncestorOf(v)) {
      return false;
    }
    waitsFor(n.ev, at).again.add(v);
    return true;
  }

  /**
   * What waits for a vertex being evaluated: held by its node, or, for a single reference being
   * resolved without a node (Evaluation#referenced), by the evaluation.
   */
  private static NodeContext.CycleWaits waitsFor(Evaluation ev, Vertex at) {
    return at.ctx != null ? at.ctx.waitsForUpdate() : ev.waitsFor(at);
  }

  /**
   * Makes new again the vertices that waited for a node that now has its value: provisional cycle
   * errors and nodes that finished without what a comprehension would yield.
   */
  static void retry(Evaluation ev, List<Vertex> again) {
    for (Vertex v : again) {
      ev.forgetProvisional(v);
      if (v.state == Vertex.EVALUATED) {
        Evaluation.reset(v);
      }
    }
  }

  /**
   * Meets each deferred expression with the value its node was given: a node whose value it
   * contradicts (or that still cannot be computed) becomes that error.
   */
  static void check(Evaluation ev, List<Check> checks) {
    for (Check k : checks) {
      Vertex x = k.of();
      if (x.kind != Vertex.K_SCALAR || x.forward != null) {
        continue;
      }
      Vertex t = new Vertex(x.parent, x.label);
      t.arcType = x.arcType;
      t.addConjunct(
          new Conjunct(new Adt.Lit(x.scalar, null), null, Conjunct.CloseInfo.EMPTY, null));
      t.addConjunct(k.c());
      ev.evaluate(t);
      Vertex d = t.deref();
      if (d.kind == Vertex.K_BOTTOM) {
        x.kind = Vertex.K_BOTTOM;
        x.err = d.err;
        x.scalar = null;
        x.treeSize = -1; // no longer a tree that exports without an error
      }
    }
  }

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

  static void markNonCyclic(NodeContext n) {
    if (n.viaCycle == CYCLIC) {
      n.anyCyclic = true;
    } else if (n.viaCycle == NONE) {
      n.anyNonCyclic = true;
    }
  }
}
