package io.vela4j.cue.internal.eval;

import org.jspecify.annotations.Nullable;

/**
 * An expression with its environment, closedness information and the chain of vertices whose
 * conjuncts it was copied from (structural-cycle detection).
 */
record Conjunct(Adt.Expr expr, @Nullable Env env, CloseInfo ci, @Nullable Hist hist) {

  /**
   * The referenced vertices a conjunct came through, innermost first; {@code cyclic} when the
   * innermost reference was already in the history (its conjuncts re-expand a cycle).
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
   * Closedness provenance.
   *
   * @param stack the ids of enclosing literal groups and requirements at this vertex
   * @param defClosed whether struct literals reached here close their fields (inside a definition)
   * @param newRoot whether arriving at a vertex starts a new closedness requirement
   * @param embedded whether the conjunct is embedded in the literal on top of the stack
   */
  record CloseInfo(int[] stack, boolean defClosed, boolean newRoot, boolean embedded) {
    static final CloseInfo EMPTY = new CloseInfo(new int[0], false, false, false);
    static final CloseInfo DEF_ROOT = new CloseInfo(new int[0], true, true, false);

    CloseInfo push(int id) {
      int[] s = java.util.Arrays.copyOf(stack, stack.length + 1);
      s[stack.length] = id;
      return new CloseInfo(s, defClosed, newRoot, embedded);
    }

    int top() {
      return stack.length == 0 ? -1 : stack[stack.length - 1];
    }

    boolean has(int id) {
      for (int i : stack) {
        if (i == id) {
          return true;
        }
      }
      return false;
    }

    CloseInfo with(boolean defClosed, boolean newRoot, boolean embedded) {
      return new CloseInfo(stack, defClosed, newRoot, embedded);
    }

    static CloseInfo child(boolean defClosed) {
      return defClosed ? DEF_ROOT : EMPTY;
    }
  }
}
