package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Conjunct.CloseInfo;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The meet of atoms: what one vertex's conjuncts say about its value apart from its fields and
 * elements, and the value the vertex finally takes.
 *
 * <p>Every atom a conjunct contributes is met into the node's state as it arrives, never
 * overwritten: a concrete scalar must equal the scalar seen so far ({@code conflicting values 2 and
 * 1}, newer first, as CUE words it); a basic type ({@code int}) narrows the kind mask; a bound
 * ({@code >=1}) narrows the mask and is kept; validators ({@code strings.MinRunes(3)}) are queued;
 * {@code _} records top; errors are collected. Struct and list conjuncts only set the {@code
 * structSeen}/{@code listSeen} marks here (their fields and elements are arcs).
 *
 * <p>{@link #finishValue} decides the vertex's value once all conjuncts, comprehensions and
 * disjunctions are in: the most severe error wins (fatal over incomplete); a list conflicts with a
 * scalar and with any struct that has regular fields; a scalar must satisfy the kind mask, every
 * bound and every validator; a struct gets its export order and its closedness check; anything else
 * with a narrowed kind, bounds or validators stays a constraint (not concrete), and the rest is
 * top.
 */
final class Meet {
  private Meet() {}

  static void addValue(NodeContext n, Atom x, CloseInfo ci) {
    if (x instanceof Atom.Validator val) {
      n.validatorsForUpdate().add(val);
      if (val.pkg().equals("struct")) {
        // a struct validator declares no fields: like _, it leaves the struct open
        Closedness.noteTop(n, ci);
      }
      return;
    }
    if (x instanceof Atom.Top t) {
      n.hasTop = true;
      Closedness.noteTop(n, ci);
    } else if (x instanceof Atom.Bottom b) {
      n.errorsForUpdate().add(b);
    } else if (x instanceof Atom.Kind k) {
      int m = n.kindMask & k.mask();
      if (m == 0) {
        n.errorsForUpdate().add(kindConflict(n, k.toString(), k.mask()));
      }
      n.kindsForUpdate().add(k);
      n.kindMask = m;
    } else if (x instanceof Atom.Bound b) {
      int m = n.kindMask & b.kindMask();
      if (m == 0) {
        n.errorsForUpdate().add(kindConflict(n, b.toString(), b.kindMask()));
      }
      n.boundsForUpdate().add(b);
      n.kindMask = m;
      if ((b.kindMask() & Atom.STRUCT) != 0) {
        Closedness.noteTop(n, ci); // != null, as above
      }
    } else {
      if (n.scalar == null) {
        n.scalar = x;
        n.scalarPos = n.litPos;
        n.scalarFirst = n.kinds.isEmpty() && n.bounds.isEmpty();
      } else if (!n.scalar.equals(x)) {
        // as CUE words it: values of one type newest first; of two types in order, with the types
        Atom.Bottom b =
            n.scalar.kindMask() == x.kindMask()
                ? conflict(n, x.toString(), n.scalar.toString(), n.scalarPos)
                : conflict(
                    n,
                    n.scalar.toString(),
                    x
                        + " (mismatched types "
                        + Atom.kindName(n.scalar.kindMask())
                        + " and "
                        + Atom.kindName(x.kindMask())
                        + ")",
                    n.scalarPos);
        if (n.litPos != null) {
          List<Ast.Pos> ps = new ArrayList<>(b.positions());
          ps.add(n.litPos);
          b = new Atom.Bottom(b.kind(), false, b.message(), ps, "");
        }
        n.errorsForUpdate().add(b);
      }
    }
  }

  /** A type or bound of no kind the node allows (before its kinds are narrowed by it). */
  private static Atom.Bottom kindConflict(NodeContext n, String value, int kinds) {
    return conflict(
        n,
        describeConstraint(n),
        value
            + " (mismatched types "
            + Atom.kindName(n.kindMask)
            + " and "
            + Atom.kindName(kinds)
            + ")",
        null);
  }

  /** The node's constraint as CUE writes it in a conflict: its first type, else its first bound. */
  static String describeConstraint(NodeContext n) {
    if (n.kinds.isEmpty() && !n.bounds.isEmpty()) {
      return n.bounds.get(0).toString();
    }
    return describeKinds(n);
  }

  static String describeKinds(NodeContext n) {
    return n.kinds.isEmpty() ? Atom.kindName(n.kindMask) : n.kinds.get(0).toString();
  }

  static Atom.Bottom conflict(NodeContext n, String a, String b, Ast.@Nullable Pos pos) {
    return Atom.Bottom.fatal(CueError.Kind.CONFLICT, "conflicting values " + a + " and " + b, pos);
  }

  /**
   * A conflict of a value of another type with the node's list or struct ({@code kind}, {@link
   * Atom#LIST} or {@link Atom#STRUCT}), as CUE words it: {@code conflicting values 4 and {}
   * (mismatched types int and struct)}. The list or struct is written {@code []} or {@code {}} when
   * empty, else elided.
   */
  private static Atom.Bottom mismatch(
      NodeContext n, String value, int valueKinds, int kind, Ast.@Nullable Pos pos) {
    String types =
        (valueKinds & kind) != 0
            ? ""
            : " (mismatched types "
                + Atom.kindName(valueKinds)
                + " and "
                + Atom.kindName(kind)
                + ")";
    return conflict(n, value, shape(n, kind) + types, pos);
  }

  private static String shape(NodeContext n, int kind) {
    boolean empty = n.v.arcs.isEmpty();
    return kind == Atom.LIST ? (empty ? "[]" : "[...]") : (empty ? "{}" : "{...}");
  }

  static void finishValue(NodeContext n) {
    if (n.anyCyclic && !n.anyNonCyclic) {
      n.errorsForUpdate().add(Atom.Bottom.fatal(CueError.Kind.CYCLE, "structural cycle"));
    }
    Atom.Bottom err = null;
    for (int i = 0; i < n.errors.size(); i++) {
      Atom.Bottom b = n.errors.get(i);
      if (err == null || (err.incomplete() && !b.incomplete())) {
        err = b;
      }
    }
    if (n.v.notAllowed != null) {
      err = n.v.notAllowed;
    }
    if (err != null) {
      n.setBottom(err);
      return;
    }
    if (n.listSeen) {
      if (n.scalar != null) {
        n.setBottom(mismatch(n, n.scalar.toString(), n.scalar.kindMask(), Atom.LIST, n.scalarPos));
        return;
      }
      if (n.structForced) {
        n.setBottom(mismatch(n, shape(n, Atom.LIST), Atom.LIST, Atom.STRUCT, null));
        return;
      }
      if ((n.kindMask & Atom.LIST) == 0) {
        n.setBottom(mismatch(n, describeConstraint(n), n.kindMask, Atom.LIST, null));
        return;
      }
      n.v.kind = Vertex.K_LIST;
      n.v.validators = List.copyOf(n.validators);
      return;
    }
    if (n.scalar != null) {
      if (n.structForced) {
        n.setBottom(
            mismatch(n, n.scalar.toString(), n.scalar.kindMask(), Atom.STRUCT, n.scalarPos));
        return;
      }
      if ((n.scalar.kindMask() & n.kindMask) == 0) {
        String constraint = describeConstraint(n);
        String constraintKinds = describeKinds(n);
        String scalar = n.scalar.toString();
        String scalarKind = Atom.kindName(n.scalar.kindMask());
        n.setBottom(
            n.scalarFirst
                ? conflict(
                    n,
                    scalar,
                    constraint
                        + " (mismatched types "
                        + scalarKind
                        + " and "
                        + constraintKinds
                        + ")",
                    n.scalarPos)
                : conflict(
                    n,
                    constraint,
                    scalar + " (mismatched types " + constraintKinds + " and " + scalarKind + ")",
                    n.scalarPos));
        return;
      }
      for (int i = 0; i < n.bounds.size(); i++) {
        Atom.Bottom e = Ops.checkBound(n.bounds.get(i), n.scalar);
        if (e != null) {
          n.setBottom(
              n.scalarPos == null
                  ? e
                  : new Atom.Bottom(
                      e.kind(), e.incomplete(), e.message(), List.of(n.scalarPos), e.path()));
          return;
        }
      }
      for (int i = 0; i < n.validators.size(); i++) {
        Atom.Validator val = n.validators.get(i);
        Atom.Bottom e =
            BuiltinCalls.checkValidator(n.ev, val, Vertex.ofValue(n.scalar), n.scalarPos);
        if (e != null) {
          n.setBottom(e);
          return;
        }
      }
      n.v.kind = Vertex.K_SCALAR;
      n.v.scalar = n.scalar;
      return;
    }
    // A struct of only definitions, hidden fields and lets that embeds a scalar type ({string,
    // #x: 1}) is that type with those fields beside it, as it is with a concrete scalar above.
    if (n.structSeen && (n.structForced || (n.kindMask & Atom.STRUCT) != 0)) {
      // a bound's kind says whether it holds for structs (only != null does), so the kinds decide
      if ((n.kindMask & Atom.STRUCT) == 0) {
        n.setBottom(mismatch(n, describeConstraint(n), n.kindMask, Atom.STRUCT, null));
        return;
      }
      n.v.kind = Vertex.K_STRUCT;
      n.v.validators = List.copyOf(n.validators);
      n.v.fieldOrder = null;
      n.v.orderChains = n.chains;
      Closedness.check(n);
      return;
    }
    if (n.kindMask != Atom.ALL || !n.bounds.isEmpty() || !n.validators.isEmpty()) {
      Atom.Bottom e = Ops.checkBounds(n.bounds);
      if (e != null) {
        n.setBottom(e);
        return;
      }
      n.v.kind = Vertex.K_CONSTRAINT;
      n.v.kindMask = n.kindMask;
      List<Atom> cs = new ArrayList<>();
      if (!n.kinds.isEmpty()) {
        cs.add(narrowestKind(n));
      } else if (n.bounds.isEmpty()) {
        cs.add(new Atom.Kind(n.kindMask, Atom.kindName(n.kindMask)));
      }
      cs.addAll(n.bounds);
      cs.addAll(n.validators);
      n.v.constraints = List.copyOf(cs);
      return;
    }
    n.v.kind = Vertex.K_TOP;
  }

  static Atom narrowestKind(NodeContext n) {
    for (Atom k : n.kinds) {
      if (k.kindMask() == n.kindMask) {
        return k;
      }
    }
    return new Atom.Kind(n.kindMask, Atom.kindName(n.kindMask));
  }
}
