package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Closedness: which regular fields a struct that was closed by a definition or {@code close()}
 * allows.
 *
 * <p>Each closing reference adds a requirement to the node; each struct literal (or struct value)
 * added to the node records, as evidence, the labels and patterns it declares and whether it is
 * open ({@code ...} or top). When the node is finished, every regular arc must be declared by some
 * evidence belonging to each requirement, else the arc becomes the fatal {@code field not allowed}.
 * Hidden fields, definitions and lets are always allowed.
 */
final class Closedness {
  private Closedness() {}

  /** Evidence for closedness: what one struct literal (or struct value) declared. */
  static final class LitInfo {
    final int[] stack;
    final Set<String> labels = new HashSet<>();
    final List<Structs.Pat> patterns = new ArrayList<>(0);
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

  static void checkClosed(NodeContext n) {
    if (n.reqs.isEmpty()) {
      return;
    }
    for (Req r : n.reqs) {
      boolean exempt = false;
      for (LitInfo li : n.lits) {
        if ((li.has(r.id()) || (r.satisfiedBy() >= 0 && li.has(r.satisfiedBy()))) && li.open) {
          exempt = true;
          break;
        }
      }
      if (exempt) {
        continue;
      }
      for (Vertex a : n.v.arcs.values()) {
        if (!Labels.isRegular(a.label) || a.isLet) {
          continue;
        }
        if (!allowed(n, r, a.label)) {
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

  static boolean allowed(NodeContext n, Req r, String label) {
    for (LitInfo li : n.lits) {
      if (!(li.has(r.id()) || (r.satisfiedBy() >= 0 && li.has(r.satisfiedBy())))) {
        continue;
      }
      if (li.labels.contains(label)) {
        return true;
      }
      for (Structs.Pat p : li.patterns) {
        if (p.matches(label)) {
          return true;
        }
      }
    }
    return false;
  }
}
