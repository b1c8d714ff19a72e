package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Expressions that compute a value rather than add structure: operators, interpolation, slices,
 * calls and the {@code _|_} tests.
 *
 * <p>Operands are read with their defaults taken ({@link Evaluation#operand}); an operand that is
 * an error makes the result that error (the most severe of both operands). {@code x == _|_} and
 * {@code x != _|_} evaluate {@code x} fully: it counts as bottom if it is an error (an absent or
 * optional field included) or a non-concrete scalar; a struct or list counts as bottom only for a
 * fatal error. The operators themselves are in {@link Ops}.
 */
final class Expressions {
  private Expressions() {}

  /** Computes a non-structural expression: a {@link Atom}, or an expression to add. */
  static Object compute(Evaluation ev, Adt.Expr e, @Nullable Env env) {
    if (e instanceof Adt.BinE b) {
      return binary(ev, b, env);
    } else if (e instanceof Adt.UnaryE u) {
      return unary(ev, u, env);
    } else if (e instanceof Adt.InterpE in) {
      return interpolate(ev, in, env);
    } else if (e instanceof Adt.CallE c) {
      return BuiltinCalls.call(ev, c, env);
    } else if (e instanceof Adt.SliceE s) {
      return slice(ev, s, env);
    } else if (e instanceof Adt.BuiltinE b && BuiltinCalls.isConstantBuiltin(b)) {
      Object r = BuiltinCalls.constant(b.pkg(), b.name());
      Object v = BuiltinCalls.fromJava(r, b.pos());
      if (v instanceof Atom || v instanceof Adt.Expr) {
        return v;
      }
      return new Atom.Opaque(r, BuiltinCalls.shortPkg(b.pkg()) + "." + b.name());
    } else if (e instanceof Adt.BuiltinE b) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER,
              "cannot use builtin "
                  + (b.pkg().isEmpty() ? "" : b.pkg() + ".")
                  + b.name()
                  + " as a value",
              b.pos()));
    } else {
      throw new IllegalStateException("cannot compute " + e);
    }
  }

  static Object binary(Evaluation ev, Adt.BinE b, @Nullable Env env) {
    Ast.Op op = b.op();
    if ((op == Ast.Op.EQL || op == Ast.Op.NEQ) && (isBottomLit(b.x()) || isBottomLit(b.y()))) {
      Adt.Expr other = isBottomLit(b.x()) ? b.y() : b.x();
      boolean isBottom = isBottom(ev, other, env);
      return Atom.Bool.of(op == Ast.Op.EQL ? isBottom : !isBottom);
    }
    Vertex x;
    Vertex y;
    Atom.Bottom firstErr = null;
    x = null;
    y = null;
    try {
      x = ev.operand(b.x(), env);
    } catch (BottomEx ex) {
      firstErr = ex.bottom;
    }
    try {
      y = ev.operand(b.y(), env);
    } catch (BottomEx ex) {
      if (firstErr == null || (firstErr.incomplete() && !ex.bottom.incomplete())) {
        firstErr = ex.bottom;
      }
    }
    if (firstErr != null) {
      throw new BottomEx(firstErr);
    }
    return Ops.binary(ev, op, x, y, b.pos());
  }

  static boolean isBottomLit(Adt.Expr e) {
    return e instanceof Adt.Lit l && l.value() instanceof Atom.Bottom;
  }

  /** The {@code x == _|_} test. */
  static boolean isBottom(Evaluation ev, Adt.Expr e, @Nullable Env env) {
    Vertex v;
    try {
      if (e instanceof Adt.SelE s) {
        // `parameter.cpu != _|_` with cpu absent or optional: true, without making the error
        Vertex a = References.selectArcIfPresent(ev, ev.selectable(s.x(), env), s.label(), s.pos());
        if (a == null) {
          return true;
        }
        v = ev.readable(a, s.pos());
      } else {
        v = ev.operand(e, env);
      }
    } catch (BottomEx b) {
      if (isReferenceCycle(b.bottom)) {
        // The operand is in a reference cycle (`a: a != _|_`, `a: b + 1, b: a - 1`): whether it
        // is bottom cannot be known, and CUE reports the cycle instead of an answer.
        throw b;
      }
      return true;
    }
    Vertex d = v.deref();
    if (d.kind == Vertex.K_BOTTOM && d.state == Vertex.EVALUATED && isReferenceCycle(d.err)) {
      throw new BottomEx(d.err);
    }
    if (d.state == Vertex.EVALUATING && d.ctx != null) {
      // The tested struct or list is still being evaluated: the test is part of its own
      // evaluation (`a: c, c: {if a != _|_ {x: a}}`), so its answer would decide what it tests.
      // CUE reports a cycle error (a reference cycle: incomplete, not fatal).
      throw new BottomEx(
          new Atom.Bottom(
              CueError.Kind.CYCLE,
              true,
              "cycle error: "
                  + Evaluation.describePath(d)
                  + " is tested for _|_ during its own evaluation",
              e.pos() == null ? List.of() : List.of(e.pos()),
              ""));
    }
    return switch (d.kind) {
      case Vertex.K_BOTTOM -> true;
      case Vertex.K_SCALAR -> false;
      case Vertex.K_STRUCT, Vertex.K_LIST -> false;
      default -> true;
    };
  }

  /** An incomplete cycle error: a value that a reference cycle leaves undecided. */
  private static boolean isReferenceCycle(Atom.Bottom b) {
    return b.incomplete() && b.kind() == CueError.Kind.CYCLE;
  }

  static Object unary(Evaluation ev, Adt.UnaryE u, @Nullable Env env) {
    Vertex x = ev.operand(u.x(), env);
    Atom v = ev.concrete(x, u.pos());
    if (u.op().isRelational()) {
      return Ops.bound(u.op(), v, u.pos());
    }
    return Ops.unary(u.op(), v, u.pos());
  }

  /**
   * The value of a string or bytes literal with interpolations. A bytes literal is built in bytes,
   * as its fragments hold them (one char per byte, {@link Ast.StringLit#value()}): a bytes operand
   * adds its bytes as they are (invalid UTF-8 included), any other operand the UTF-8 of its text.
   * In a string, a bytes operand is decoded as UTF-8, an invalid sequence becoming U+FFFD.
   */
  static Object interpolate(Evaluation ev, Adt.InterpE in, @Nullable Env env) {
    StringBuilder sb = new StringBuilder(in.fragments().get(0));
    Atom.Bottom err = null;
    for (int i = 0; i < in.exprs().size(); i++) {
      try {
        Atom v = ev.concrete(ev.operand(in.exprs().get(i), env), in.pos());
        String text =
            in.bytes()
                ? v instanceof Atom.Bytes b
                    ? new String(b.b(), StandardCharsets.ISO_8859_1)
                    : new String(
                        Ops.interpolationText(v, in.pos()).getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.ISO_8859_1)
                : Ops.interpolationText(v, in.pos());
        ev.limits.checkString((long) sb.length() + text.length(), in.pos());
        sb.append(text);
      } catch (BottomEx b) {
        if (err == null || (err.incomplete() && !b.bottom.incomplete())) {
          err = b.bottom;
        }
      }
      sb.append(in.fragments().get(i + 1));
    }
    if (err != null) {
      throw new BottomEx(err);
    }
    if (in.bytes()) {
      return new Atom.Bytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
    return new Atom.Str(sb.toString());
  }

  /**
   * {@code x[lo:hi]}: the elements' declarations from {@code lo} to {@code hi}. The indices are
   * checked as CUE does, the high one first: {@code index 5 out of range} past the list's end, then
   * {@code invalid slice index: 2 > 1}; a negative index is invalid too.
   */
  static Object slice(Evaluation ev, Adt.SliceE s, @Nullable Env env) {
    Vertex x = ev.operand(s.x(), env).deref();
    List<Vertex> elems = Lists.listElems(ev, x, s.pos());
    BigInteger size = BigInteger.valueOf(elems.size());
    BigInteger lo = s.lo() == null ? BigInteger.ZERO : index(ev, s.lo(), env, s.pos());
    BigInteger hi = s.hi() == null ? size : index(ev, s.hi(), env, s.pos());
    if (hi.compareTo(size) > 0) {
      throw BottomEx.fatal("index " + hi + " out of range", s.pos());
    }
    if (lo.compareTo(hi) > 0) {
      throw BottomEx.fatal("invalid slice index: " + lo + " > " + hi, s.pos());
    }
    List<Object> out = new ArrayList<>();
    for (int i = lo.intValue(); i < hi.intValue(); i++) {
      out.add(Lists.elementTerm(ev, x, i, elems.get(i), s.pos()));
    }
    return new Adt.ListE(List.copyOf(out), false, null, s.pos());
  }

  /** A slice index: a non-negative int. */
  private static BigInteger index(
      Evaluation ev, Adt.Expr e, @Nullable Env env, Ast.@Nullable Pos pos) {
    Atom x = ev.concrete(ev.operand(e, env), pos);
    if (!(x instanceof Atom.Num n) || !n.isInt()) {
      throw BottomEx.fatal("expected int, found " + x, pos);
    }
    BigInteger i = n.bigInt();
    if (i.signum() < 0) {
      throw BottomEx.fatal("invalid slice index " + i + " (index must be non-negative)", pos);
    }
    return i;
  }
}
