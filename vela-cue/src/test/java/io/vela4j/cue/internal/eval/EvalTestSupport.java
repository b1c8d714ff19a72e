package io.vela4j.cue.internal.eval;

/** Evaluates a program inside the evaluator's package, so tests can look at vertices. */
final class EvalTestSupport {
  private EvalTestSupport() {}

  /** Compiles and fully evaluates {@code src}; returns the evaluation and its root vertex. */
  static Result eval(String src) {
    ProgramImpl p = (ProgramImpl) Programs.compile("t.cue", src);
    return EvalGuard.run(
        () -> {
          Evaluation ev = new Evaluation(p.limits);
          Vertex r = new Vertex(null, "");
          r.arcType = Adt.ArcType.REGULAR;
          for (Adt.StructE root : p.roots) {
            r.addConjunct(new Conjunct(root, null, Conjunct.CloseInfo.EMPTY, null));
          }
          ev.finalizeDeep(r);
          return new Result(ev, r);
        });
  }

  /** An evaluation and its root. */
  record Result(Evaluation ev, Vertex root) {
    /** The vertex at a dot-separated path (after defaults), or null if absent. */
    Vertex at(String path) {
      Vertex v = root;
      for (String seg : path.split("\\.")) {
        v = Defaults.dflt(v);
        Vertex next = v.arcs.get(seg);
        if (next == null) {
          return null;
        }
        v = next;
      }
      return v;
    }
  }
}
