package io.vela4j.cue.internal.eval;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.Regexes;
import io.vela4j.cue.internal.builtins.Concrete;
import io.vela4j.cue.internal.builtins.Json;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Operators on values, with CUE's typing rules and decimal arithmetic. */
final class Ops {
  private Ops() {}

  static Pattern regex(String re, Ast.@Nullable Pos pos) {
    try {
      return Regexes.compile(re);
    } catch (PatternSyntaxException e) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER,
              "invalid regular expression " + Json.quote(re) + ": " + e.getMessage(),
              pos));
    }
  }

  static Atom bound(Ast.Op op, Atom v, Ast.@Nullable Pos pos) {
    if (op == Ast.Op.MAT || op == Ast.Op.NMAT) {
      if (!(v instanceof Atom.Str s)) {
        throw new BottomEx(
            Atom.Bottom.fatal(CueError.Kind.OTHER, "invalid regular expression bound " + v, pos));
      }
      regex(s.s(), pos);
    } else if (op != Ast.Op.NEQ
        && !(v instanceof Atom.Num || v instanceof Atom.Str || v instanceof Atom.Bytes)) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER, "invalid operand " + v + " for bound " + op.token(), pos));
    }
    return new Atom.Bound(op, v);
  }

  /** Checks a concrete value against a bound; returns the error or null. */
  static Atom.@Nullable Bottom checkBound(Atom.Bound b, Atom x) {
    boolean ok;
    Atom o = b.operand();
    switch (b.op()) {
      case NEQ -> ok = !equalScalars(x, o);
      case MAT, NMAT -> {
        if (!(x instanceof Atom.Str s)) {
          return mismatch(b, x);
        }
        boolean m = regex(((Atom.Str) o).s(), null).matcher(s.s()).find();
        ok = b.op() == Ast.Op.MAT ? m : !m;
      }
      default -> {
        Integer c = compare(x, o);
        if (c == null) {
          return mismatch(b, x);
        }
        ok =
            switch (b.op()) {
              case LSS -> c < 0;
              case LEQ -> c <= 0;
              case GTR -> c > 0;
              case GEQ -> c >= 0;
              default -> false;
            };
      }
    }
    if (ok) {
      return null;
    }
    return Atom.Bottom.fatal(
        CueError.Kind.BOUND, "invalid value " + x + " (out of bound " + b + ")");
  }

  private static Atom.Bottom mismatch(Atom.Bound b, Atom x) {
    return Atom.Bottom.fatal(
        CueError.Kind.CONFLICT,
        "conflicting values "
            + b
            + " and "
            + x
            + " (mismatched types "
            + Atom.kindName(b.kindMask())
            + " and "
            + Atom.kindName(x.kindMask())
            + ")");
  }

  /** Checks that numeric bounds admit a value. */
  static Atom.@Nullable Bottom checkBounds(List<Atom.Bound> bounds) {
    Atom.Bound lo = null;
    Atom.Bound hi = null;
    for (Atom.Bound b : bounds) {
      if (!(b.operand() instanceof Atom.Num)) {
        continue;
      }
      if (b.op() == Ast.Op.GEQ || b.op() == Ast.Op.GTR) {
        if (lo == null || compare(b.operand(), lo.operand()) > 0) {
          lo = b;
        }
      } else if (b.op() == Ast.Op.LEQ || b.op() == Ast.Op.LSS) {
        if (hi == null || compare(b.operand(), hi.operand()) < 0) {
          hi = b;
        }
      }
    }
    if (lo != null && hi != null) {
      int c = compare(lo.operand(), hi.operand());
      boolean empty = c > 0 || (c == 0 && (lo.op() == Ast.Op.GTR || hi.op() == Ast.Op.LSS));
      if (empty) {
        return Atom.Bottom.fatal(
            CueError.Kind.BOUND, "incompatible number bounds " + lo + " and " + hi);
      }
    }
    return null;
  }

  static @Nullable Integer compare(Atom a, Atom b) {
    if (a instanceof Atom.Num x && b instanceof Atom.Num y) {
      return x.d().compareTo(y.d());
    }
    if (a instanceof Atom.Str x && b instanceof Atom.Str y) {
      return Integer.signum(compareUtf8(x.s(), y.s()));
    }
    if (a instanceof Atom.Bytes x && b instanceof Atom.Bytes y) {
      return Integer.signum(java.util.Arrays.compareUnsigned(x.b(), y.b()));
    }
    return null;
  }

  static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static boolean equalScalars(Atom a, Atom b) {
    if (a instanceof Atom.Num x && b instanceof Atom.Num y) {
      return x.d().compareTo(y.d()) == 0;
    }
    return a.equals(b);
  }

  static String interpolationText(Atom v, Ast.@Nullable Pos pos) {
    if (v instanceof Atom.Str s) {
      return s.s();
    } else if (v instanceof Atom.Num n) {
      return n.isInt() ? n.bigInt().toString() : Concrete.formatNumber(n.d());
    } else if (v instanceof Atom.Bool b) {
      return Boolean.toString(b.b());
    } else if (v instanceof Atom.Bytes b) {
      return new String(b.b(), StandardCharsets.UTF_8);
    } else if (v instanceof Atom.Null n) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER, "invalid interpolation: cannot use null as a string", pos));
    } else {
      throw new BottomEx(
          Atom.Bottom.incomplete("invalid interpolation: incomplete value " + v, pos));
    }
  }

  static Atom unary(Ast.Op op, Atom v, Ast.@Nullable Pos pos) {
    switch (op) {
      case SUB -> {
        if (v instanceof Atom.Num n) {
          return new Atom.Num(n.d().negate(), n.isInt());
        }
      }
      case ADD -> {
        if (v instanceof Atom.Num n) {
          return n;
        }
      }
      case NOT -> {
        if (v instanceof Atom.Bool b) {
          return Atom.Bool.of(!b.b());
        }
      }
      default -> {}
    }
    throw new BottomEx(
        Atom.Bottom.fatal(
            CueError.Kind.OTHER,
            "invalid operation "
                + op.token()
                + v
                + " ("
                + op.token()
                + " "
                + Atom.kindName(v.kindMask())
                + ")",
            pos));
  }

  static Object binary(Evaluation ev, Ast.Op op, Vertex xv, Vertex yv, Ast.@Nullable Pos pos) {
    Vertex xd = xv.deref();
    Vertex yd = yv.deref();
    if (op == Ast.Op.EQL || op == Ast.Op.NEQ) {
      boolean xNull = xd.kind == Vertex.K_SCALAR && xd.scalar instanceof Atom.Null;
      boolean yNull = yd.kind == Vertex.K_SCALAR && yd.scalar instanceof Atom.Null;
      boolean xComposite = xd.kind == Vertex.K_LIST || xd.kind == Vertex.K_STRUCT;
      boolean yComposite = yd.kind == Vertex.K_LIST || yd.kind == Vertex.K_STRUCT;
      if ((xNull && yComposite) || (yNull && xComposite)) {
        return Atom.Bool.of(op == Ast.Op.NEQ);
      }
      if (xd.kind == Vertex.K_LIST && yd.kind == Vertex.K_LIST) {
        boolean eq = listEqual(ev, xd, yd, pos);
        return Atom.Bool.of(op == Ast.Op.EQL ? eq : !eq);
      }
    }
    if (op == Ast.Op.ADD && xd.kind == Vertex.K_LIST && yd.kind == Vertex.K_LIST) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER,
              "Addition of lists is superseded by list.Concat; see https://cuelang.org/e/v0.11-list-arithmetic",
              pos));
    }
    if (op == Ast.Op.MUL && (xd.kind == Vertex.K_LIST || yd.kind == Vertex.K_LIST)) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.OTHER,
              "Multiplication of lists is superseded by list.Repeat; see https://cuelang.org/e/v0.11-list-arithmetic",
              pos));
    }
    Atom.Bottom err = null;
    Atom x = null;
    Atom y = null;
    try {
      x = ev.concrete(xd, pos);
    } catch (BottomEx e) {
      err = e.bottom;
    }
    try {
      y = ev.concrete(yd, pos);
    } catch (BottomEx e) {
      if (err == null || (err.incomplete() && !e.bottom.incomplete())) {
        err = e.bottom;
      }
    }
    if (err != null) {
      throw new BottomEx(err);
    }
    return binaryScalar(ev.limits, op, x, y, pos);
  }

  private static boolean listEqual(Evaluation ev, Vertex x, Vertex y, Ast.@Nullable Pos pos) {
    List<Vertex> a = x.elements();
    List<Vertex> b = y.elements();
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Vertex ai = ev.readable(a.get(i), pos);
      Vertex bi = ev.readable(b.get(i), pos);
      Object r = binary(ev, Ast.Op.EQL, ai, bi, pos);
      if (r instanceof Atom.Bool bb && !bb.b()) {
        return false;
      }
    }
    return true;
  }

  static Atom binaryScalar(EvalLimits lim, Ast.Op op, Atom x, Atom y, Ast.@Nullable Pos pos) {
    switch (op) {
      case EQL, NEQ -> {
        boolean eq;
        if (x instanceof Atom.Null || y instanceof Atom.Null) {
          eq = x instanceof Atom.Null && y instanceof Atom.Null;
        } else if (x instanceof Atom.Num a && y instanceof Atom.Num b) {
          eq = a.d().compareTo(b.d()) == 0;
        } else if (x.getClass() == y.getClass()) {
          eq = x.equals(y);
        } else {
          throw invalid(op, x, y, pos);
        }
        return Atom.Bool.of(op == Ast.Op.EQL ? eq : !eq);
      }
      case LSS, LEQ, GTR, GEQ -> {
        Integer c = compare(x, y);
        if (c == null) {
          throw invalid(op, x, y, pos);
        }
        return Atom.Bool.of(
            switch (op) {
              case LSS -> c < 0;
              case LEQ -> c <= 0;
              case GTR -> c > 0;
              default -> c >= 0;
            });
      }
      case MAT, NMAT -> {
        if (!(x instanceof Atom.Str s) || !(y instanceof Atom.Str re)) {
          throw invalid(op, x, y, pos);
        }
        boolean m = regex(re.s(), pos).matcher(s.s()).find();
        return Atom.Bool.of(op == Ast.Op.MAT ? m : !m);
      }
      case LAND, LOR -> {
        if (!(x instanceof Atom.Bool a) || !(y instanceof Atom.Bool b)) {
          throw invalid(op, x, y, pos);
        }
        return Atom.Bool.of(op == Ast.Op.LAND ? a.b() && b.b() : a.b() || b.b());
      }
      case ADD -> {
        if (x instanceof Atom.Str a && y instanceof Atom.Str b) {
          lim.checkString((long) a.s().length() + b.s().length(), pos);
          return new Atom.Str(a.s() + b.s());
        }
        if (x instanceof Atom.Bytes a && y instanceof Atom.Bytes b) {
          lim.checkString((long) a.b().length + b.b().length, pos);
          byte[] r = java.util.Arrays.copyOf(a.b(), a.b().length + b.b().length);
          System.arraycopy(b.b(), 0, r, a.b().length, b.b().length);
          return new Atom.Bytes(r);
        }
        return arith(lim, op, x, y, pos);
      }
      case SUB, QUO -> {
        return arith(lim, op, x, y, pos);
      }
      case MUL -> {
        if (x instanceof Atom.Str s && y instanceof Atom.Num n && n.isInt()) {
          return new Atom.Str(repeat(lim, s.s(), n, pos));
        }
        if (y instanceof Atom.Str s && x instanceof Atom.Num n && n.isInt()) {
          return new Atom.Str(repeat(lim, s.s(), n, pos));
        }
        return arith(lim, op, x, y, pos);
      }
      default -> throw invalid(op, x, y, pos);
    }
  }

  private static String repeat(EvalLimits lim, String s, Atom.Num n, Ast.@Nullable Pos pos) {
    BigInteger c = n.bigInt();
    if (c.signum() < 0) {
      throw new BottomEx(Atom.Bottom.fatal(CueError.Kind.OTHER, "negative repeat count " + c, pos));
    }
    if (s.isEmpty()) {
      return s;
    }
    // the string limit is below Java's (EvalLimits), so a count that passes it fits an int
    lim.checkString(
        c.multiply(BigInteger.valueOf(s.length()))
            .min(BigInteger.valueOf(Long.MAX_VALUE))
            .longValue(),
        pos);
    return s.repeat(c.intValueExact());
  }

  private static Atom arith(EvalLimits lim, Ast.Op op, Atom x, Atom y, Ast.@Nullable Pos pos) {
    if (!(x instanceof Atom.Num a) || !(y instanceof Atom.Num b)) {
      throw invalid(op, x, y, pos);
    }
    if (op == Ast.Op.MUL) {
      lim.checkNumberBits(EvalLimits.bits(a.d()) + EvalLimits.bits(b.d()), pos);
    }
    boolean ints = a.isInt() && b.isInt();
    BigDecimal r;
    switch (op) {
      case ADD -> r = ints ? a.d().add(b.d()) : a.d().add(b.d(), Concrete.DECIMAL_CONTEXT);
      case SUB ->
          r = ints ? a.d().subtract(b.d()) : a.d().subtract(b.d(), Concrete.DECIMAL_CONTEXT);
      case MUL ->
          r = ints ? a.d().multiply(b.d()) : a.d().multiply(b.d(), Concrete.DECIMAL_CONTEXT);
      case QUO -> {
        if (b.d().signum() == 0) {
          throw new BottomEx(
              Atom.Bottom.fatal(
                  CueError.Kind.OTHER,
                  a.d().signum() == 0
                      ? "failed arithmetic: division undefined"
                      : "failed arithmetic: division by zero",
                  pos));
        }
        return new Atom.Num(a.d().divide(b.d(), Concrete.DECIMAL_CONTEXT), false);
      }
      default -> throw invalid(op, x, y, pos);
    }
    lim.checkNumber(r, pos);
    return new Atom.Num(r, ints);
  }

  private static BottomEx invalid(Ast.Op op, Atom x, Atom y, Ast.@Nullable Pos pos) {
    return new BottomEx(
        Atom.Bottom.fatal(
            CueError.Kind.OTHER,
            "invalid operands "
                + x
                + " and "
                + y
                + " to '"
                + op.token()
                + "' (type "
                + Atom.kindName(x.kindMask())
                + " and "
                + Atom.kindName(y.kindMask())
                + ")",
            pos));
  }
}
