package io.vela4j.cue.internal.eval;

import org.jspecify.annotations.Nullable;

/**
 * An expression with its environment, closedness information and the chain of vertices whose
 * conjuncts it was copied from (structural-cycle detection).
 */
record Conjunct(Adt.Expr expr, @Nullable Env env, CloseInfo ci, @Nullable Hist hist) {

  /**
   * The referenced vertices a conjunct came through, innermost first; {@code cyclic} when the
   * innermost reference was already in the history (its conjuncts re-expand a cycle). An operand
   * computed for a conjunct ({@code (t & {}).b}) starts from that conjunct's history, so that an
   * operand that instantiates a vertex it came through again is cyclic too.
   */
  record Hist(Vertex v, @Nullable Hist next, boolean cyclic) {
    static boolean contains(@Nullable Hist h, Vertex v) {
      for (Hist c = h; c != null; c = c.next) {
        if (c.v == v) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Closedness provenance of a conjunct (see {@link Closedness}).
   *
   * @param id the innermost closedness scope the conjunct descends from (0: none)
   * @param outer the scope of the outermost struct literal of the field the conjunct belongs to,
   *     which a definition embedded in it closes (0: none yet)
   * @param embed the scope of the embedding the conjunct is inside (0: none)
   * @param fromEmbed whether the conjunct is itself an embedded expression
   * @param fromDef whether the conjunct was declared inside a definition (or came from a reference
   *     to one): the struct it makes is closed to lookups of labels it does not declare
   */
  record CloseInfo(int id, int outer, int embed, boolean fromEmbed, boolean fromDef) {
    static final CloseInfo EMPTY = new CloseInfo(0, 0, 0, false, false);

    /** The provenance of a field declared by a literal with this provenance. */
    CloseInfo field(String label) {
      boolean def = fromDef || Labels.isDefinition(label);
      return fromEmbed || def != fromDef ? new CloseInfo(id, outer, embed, false, def) : this;
    }

    /** The same provenance under another scope. */
    CloseInfo under(int scope) {
      return new CloseInfo(scope, outer, embed, fromEmbed, fromDef);
    }
  }
}
