package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Conjunct.CloseInfo;
import io.vela4j.cue.internal.eval.Conjunct.Hist;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * List literals and list values.
 *
 * <p>A list literal creates arcs {@code 0..n-1}, one per element (a comprehension element adds one
 * arc per value it yields), and records a {@link ListPart}: its length, whether it is open ({@code
 * ...}) and its tail type ({@code ...T}). When the node is finished, {@link #finishLists} checks
 * that closed parts agree on the length ({@code incompatible list lengths}), applies each tail type
 * to the elements beyond its part's length, and makes the list open only if every part is. The
 * elements of a list value are its regular arcs in index order; definitions, hidden fields and lets
 * may stand beside an embedded list without becoming elements.
 */
final class Lists {
  private Lists() {}

  /** The labels of the first elements, made once (every list of every evaluation uses them). */
  private static final String[] INDEX_LABELS = new String[256];

  static {
    for (int i = 0; i < INDEX_LABELS.length; i++) {
      INDEX_LABELS[i] = Integer.toString(i);
    }
  }

  record ListPart(
      int n,
      boolean open,
      Adt.@Nullable Expr tail,
      @Nullable Env env,
      CloseInfo ci,
      @Nullable Hist hist) {}

  static void addList(NodeContext n, Adt.ListE l, Conjunct c) {
    n.listSeen = true;
    CloseInfo childCi = c.ci().field("");
    int[] idx = {0};
    List<Object> elems = l.elems();
    for (int i = 0; i < elems.size(); i++) { // indexed: an iterator here is not optimised away
      Object el = elems.get(i);
      if (el instanceof Adt.CompD cd) {
        try {
          Comprehensions.clauses(
              n.ev,
              cd.clauses(),
              0,
              c.env(),
              n,
              env -> {
                Vertex a = listArc(n, idx[0]++);
                Structs.addArcConj(n, a, new Conjunct(cd.body(), env, childCi, c.hist()));
              });
        } catch (BottomEx b) {
          n.errorsForUpdate().add(b.bottom);
        }
      } else {
        Vertex a = listArc(n, idx[0]++);
        Structs.addArcConj(n, a, new Conjunct((Adt.Expr) el, c.env(), childCi, c.hist()));
      }
    }
    n.listPartsForUpdate()
        .add(new ListPart(idx[0], l.open(), l.tail(), c.env(), childCi, c.hist()));
  }

  static Vertex listArc(NodeContext n, int i) {
    String label = i < INDEX_LABELS.length ? INDEX_LABELS[i] : Integer.toString(i);
    Vertex a = n.v.arcs.get(label);
    if (a == null) {
      n.ev.countVertex();
      n.ev.checkDepth(n.v);
      a = new Vertex(n.v, label);
      a.arcType = Adt.ArcType.REGULAR;
      n.v.addNewArc(a);
    }
    return a;
  }

  /**
   * The length of a list still being evaluated whose length is already fixed: one of its list
   * literals so far is closed (its elements are arcs from the start, see {@link #addList}); else
   * -1. So {@code a: [k=string]: _Q[0:len(a[k])]}, {@code a: x: [{}]} reads 1, as in CUE.
   */
  static int closedLength(Vertex v) {
    NodeContext n = v.state == Vertex.EVALUATING ? v.ctx : null;
    if (n == null || !n.listSeen) {
      return -1;
    }
    int closed = -1;
    for (ListPart p : n.listParts) {
      if (!p.open()) {
        if (closed >= 0 && closed != p.n()) {
          return -1; // incompatible lengths: finishLists reports them
        }
        closed = p.n();
      }
    }
    return closed;
  }

  static void finishLists(NodeContext n) {
    if (n.listParts.isEmpty()) {
      return;
    }
    int max = 0;
    for (ListPart p : n.listParts) {
      max = Math.max(max, p.n());
    }
    boolean open = true;
    for (ListPart p : n.listParts) {
      if (!p.open()) {
        open = false;
        if (p.n() != max) {
          n.errorsForUpdate()
              .add(
                  Atom.Bottom.fatal(
                      CueError.Kind.CONFLICT,
                      "incompatible list lengths (" + p.n() + " and " + max + ")"));
        }
      }
    }
    for (ListPart p : n.listParts) {
      if (p.tail() != null) {
        for (int i = p.n(); i < max; i++) {
          Structs.addArcConj(n, listArc(n, i), new Conjunct(p.tail(), p.env(), p.ci(), p.hist()));
        }
      }
    }
    n.v.listOpen = open;
  }

  /**
   * The elements of list value {@code lv} as conjuncts of the values {@code and(list)} and {@code
   * or(list)} make of them ({@link #elementTerm}).
   */
  static List<Adt.Expr> elementTerms(Evaluation ev, Vertex lv, Ast.@Nullable Pos pos) {
    Vertex list = lv.deref();
    List<Vertex> elems = listElems(ev, list, pos);
    List<Adt.Expr> terms = new ArrayList<>(elems.size());
    for (int i = 0; i < elems.size(); i++) {
      terms.add(elementTerm(ev, list, i, elems.get(i), pos));
    }
    return terms;
  }

  /**
   * Element {@code i} ({@code el}) of the evaluated list {@code list}, as a conjunct of a value
   * made from it (a slice, {@code and(list)}, {@code or(list)}, {@link PassedElements}). A struct,
   * list or disjunction element is its declarations, read as a reference to the element would read
   * them, not its evaluated value: met with other conjuncts, what depends on the element's own
   * fields ({@code n: len(L)}, a let over {@code L}) sees what those add, and a definition's
   * element stays closed. An atom is its value.
   */
  static Adt.Expr elementTerm(Evaluation ev, Vertex list, int i, Vertex el, Ast.@Nullable Pos pos) {
    ev.evaluate(el);
    byte kind = el.deref().kind;
    if (el.conjunctCount() > 0
        && (kind == Vertex.K_STRUCT || kind == Vertex.K_LIST || kind == Vertex.K_DISJ)) {
      return new Adt.IdxE(new Adt.ValueE(list), new Adt.Lit(Atom.Num.ofLong(i), pos), pos);
    }
    return new Adt.ValueE(el);
  }

  static List<Vertex> listElems(Evaluation ev, Vertex lv, Ast.@Nullable Pos pos) {
    Vertex v = lv.deref();
    if (v.kind == Vertex.K_BOTTOM) {
      throw new BottomEx(v.err);
    }
    if (v.kind != Vertex.K_LIST) {
      if (v.kind == Vertex.K_TOP || v.kind == Vertex.K_CONSTRAINT || v.kind == Vertex.K_DISJ) {
        throw new BottomEx(Atom.Bottom.incomplete("incomplete list", pos));
      }
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER, "expected list, found " + Evaluation.describe(v), pos));
    }
    return v.elements();
  }
}
