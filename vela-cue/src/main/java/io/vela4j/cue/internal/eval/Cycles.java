package io.vela4j.cue.internal.eval;

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
 */
final class Cycles {
  private Cycles() {}

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
