package io.vela4j.cue.internal.eval;

/**
 * Defaults: the spec's value/default pairs, as the evaluator uses them.
 *
 * <p>A disjunction keeps its default marks per alternative; unification never picks a default. The
 * default is taken only where one concrete value or one node is needed: operands of arithmetic,
 * comparison and interpolation, {@code if} guards and {@code for} sources, selector and index
 * operands, builtin arguments, dynamic labels and export ({@link #dflt}). Without exactly one
 * default the disjunction is returned as is, and the use fails as incomplete.
 *
 * <p>When disjunctions are expanded, a combination is a default if every marked disjunction in it
 * chose a marked term (rules U1/D1: disjunctions without marks do not constrain the default); if no
 * surviving alternative is a default, all survivors count as defaults ({@code *_|_ | T} is {@code
 * T}; {@code (*1 | int) & 2} is {@code 2}).
 */
final class Defaults {
  private Defaults() {}

  /** Takes the default of a disjunction if there is exactly one. */
  static Vertex dflt(Vertex v0) {
    Vertex v = v0.deref();
    if (v.kind != Vertex.K_DISJ) {
      return v;
    }
    if (v.disjuncts instanceof SharedAlternatives s) {
      Vertex only = s.onlyMarked();
      return only != null ? only.deref() : v;
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

  /** Whether alternative {@code i} of a finished disjunction is marked as a default. */
  static boolean marked(Vertex disj, int i) {
    return disj.disjuncts instanceof SharedAlternatives s ? s.marked(i) : disj.defaults[i];
  }

  /**
   * Whether every alternative of a finished disjunction is marked (it had no marks of its own: "all
   * are defaults" is how a disjunction without marks is kept).
   */
  static boolean allMarked(Vertex disj) {
    return disj.disjuncts instanceof SharedAlternatives s
        ? s.markCount() == s.size()
        : allTrue(disj.defaults);
  }

  static boolean anyTrue(boolean[] b) {
    for (boolean x : b) {
      if (x) {
        return true;
      }
    }
    return false;
  }

  static boolean allTrue(boolean[] b) {
    for (boolean x : b) {
      if (!x) {
        return false;
      }
    }
    return true;
  }
}
