package io.vela4j.cue.internal.eval;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.builtins.Concrete;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Operators on values, with CUE's typing rules and decimal arithmetic. */
final class Ops {
  private Ops() {}

  private static final int MAX_STRING = 64 * 1024 * 1024;

  static Pattern regex(String re, Ast.@Nullable Pos pos) {
    try {
      return Pattern.compile(re);
    } catch (PatternSyntaxException e) {
      throw new BottomEx(
          Value.Bottom.fatal(
              CueError.Kind.OTHER,
              "invalid regular expression " + Exprs.quote(re) + ": " + e.getMessage(),
              pos));
    }
  }

  static Value bound(Ast.Op op, Value v, Ast.@Nullable Pos pos) {
    if (op == Ast.Op.MAT || op == Ast.Op.NMAT) {
      if (!(v instanceof Value.Str s)) {
        throw new BottomEx(
            Value.Bottom.fatal(CueError.Kind.OTHER, "invalid regular expression bound " + v, pos));
      }
      regex(s.s(), pos);
    } else if (op != Ast.Op.NEQ
        && !(v instanceof Value.Num || v instanceof Value.Str || v instanceof Value.Bytes)) {
      throw new BottomEx(
          Value.Bottom.fatal(
              CueError.Kind.OTHER, "invalid operand " + v + " for bound " + op.token(), pos));
    }
    return new Value.Bound(op, v);
  }

  /** Checks a concrete value against a bound; returns the error or null. */
  static Value.@Nullable Bottom checkBound(Value.Bound b, Value x) {
    boolean ok;
    Value o = b.operand();
    switch (b.op()) {
      case NEQ -> ok = !equalScalars(x, o);
      case MAT, NMAT -> {
        if (!(x instanceof Value.Str s)) {
          return mismatch(b, x);
        }
        boolean m = regex(((Value.Str) o).s(), null).matcher(s.s()).find();
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
    return Value.Bottom.fatal(
        CueError.Kind.BOUND, "invalid value " + x + " (out of bound " + b + ")");
  }

  private static Value.Bottom mismatch(Value.Bound b, Value x) {
    return Value.Bottom.fatal(
        CueError.Kind.CONFLICT,
        "conflicting values "
            + b
            + " and "
            + x
            + " (mismatched types "
            + Value.kindName(b.kindMask())
            + " and "
            + Value.kindName(x.kindMask())
            + ")");
  }

  /** Checks that numeric bounds admit a value. */
  static Value.@Nullable Bottom checkBounds(List<Value.Bound> bounds) {
    Value.Bound lo = null;
    Value.Bound hi = null;
    for (Value.Bound b : bounds) {
      if (!(b.operand() instanceof Value.Num)) {
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
        return Value.Bottom.fatal(
            CueError.Kind.BOUND, "incompatible number bounds " + lo + " and " + hi);
      }
    }
    return null;
  }

  static @Nullable Integer compare(Value a, Value b) {
    if (a instanceof Value.Num x && b instanceof Value.Num y) {
      return x.d().compareTo(y.d());
    }
    if (a instanceof Value.Str x && b instanceof Value.Str y) {
      return Integer.signum(compareUtf8(x.s(), y.s()));
    }
    if (a instanceof Value.Bytes x && b instanceof Value.Bytes y) {
      return Integer.signum(java.util.Arrays.compareUnsigned(x.b(), y.b()));
    }
    return null;
  }

  static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static boolean equalScalars(Value a, Value b) {
    if (a instanceof Value.Num x && b instanceof Value.Num y) {
      return x.d().compareTo(y.d()) == 0;
    }
    return a.equals(b);
  }

  static String interpolationText(Value v, Ast.@Nullable Pos pos) {
    if (v instanceof Value.Str s) {
      return s.s();
    } else if (v instanceof Value.Num n) {
      return n.isInt() ? n.bigInt().toString() : Concrete.formatNumber(n.d());
    } else if (v instanceof Value.Bool b) {
      return Boolean.toString(b.b());
    } else if (v instanceof Value.Bytes b) {
      return new String(b.b(), StandardCharsets.UTF_8);
    } else if (v instanceof Value.Null n) {
      throw new BottomEx(
          Value.Bottom.fatal(
              CueError.Kind.OTHER, "invalid interpolation: cannot use null as a string", pos));
    } else {
      throw new BottomEx(
          Value.Bottom.incomplete("invalid interpolation: incomplete value " + v, pos));
    }
  }

  static Value unary(Ast.Op op, Value v, Ast.@Nullable Pos pos) {
    switch (op) {
      case SUB -> {
        if (v instanceof Value.Num n) {
          return new Value.Num(n.d().negate(), n.isInt());
        }
      }
      case ADD -> {
        if (v instanceof Value.Num n) {
          return n;
        }
      }
      case NOT -> {
        if (v instanceof Value.Bool b) {
          return Value.Bool.of(!b.b());
        }
      }
      default -> {}
    }
    throw new BottomEx(
        Value.Bottom.fatal(
            CueError.Kind.OTHER,
            "invalid operation "
                + op.token()
                + v
                + " ("
                + op.token()
                + " "
                + Value.kindName(v.kindMask())
                + ")",
            pos));
  }

  static Object binary(Eval ev, Ast.Op op, Vertex xv, Vertex yv, Ast.@Nullable Pos pos) {
    Vertex xd = xv.deref();
    Vertex yd = yv.deref();
    if (op == Ast.Op.EQL || op == Ast.Op.NEQ) {
      boolean xNull = xd.kind == Vertex.K_SCALAR && xd.scalar instanceof Value.Null;
      boolean yNull = yd.kind == Vertex.K_SCALAR && yd.scalar instanceof Value.Null;
      boolean xComposite = xd.kind == Vertex.K_LIST || xd.kind == Vertex.K_STRUCT;
      boolean yComposite = yd.kind == Vertex.K_LIST || yd.kind == Vertex.K_STRUCT;
      if ((xNull && yComposite) || (yNull && xComposite)) {
        return Value.Bool.of(op == Ast.Op.NEQ);
      }
      if (xd.kind == Vertex.K_LIST && yd.kind == Vertex.K_LIST) {
        boolean eq = listEqual(ev, xd, yd, pos);
        return Value.Bool.of(op == Ast.Op.EQL ? eq : !eq);
      }
    }
    if (op == Ast.Op.ADD && xd.kind == Vertex.K_LIST && yd.kind == Vertex.K_LIST) {
      throw new BottomEx(
          Value.Bottom.fatal(
              CueError.Kind.OTHER,
              "Addition of lists is superseded by list.Concat; see https://cuelang.org/e/v0.11-list-arithmetic",
              pos));
    }
    if (op == Ast.Op.MUL && (xd.kind == Vertex.K_LIST || yd.kind == Vertex.K_LIST)) {
      throw new BottomEx(
          Value.Bottom.fatal(
              CueError.Kind.OTHER,
              "Multiplication of lists is superseded by list.Repeat; see https://cuelang.org/e/v0.11-list-arithmetic",
              pos));
    }
    Value.Bottom err = null;
    Value x = null;
    Value y = null;
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
    return binaryScalar(op, x, y, pos);
  }

  private static boolean listEqual(Eval ev, Vertex x, Vertex y, Ast.@Nullable Pos pos) {
    List<Vertex> a = x.elements();
    List<Vertex> b = y.elements();
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Vertex ai = ev.readable(a.get(i), pos);
      Vertex bi = ev.readable(b.get(i), pos);
      Object r = binary(ev, Ast.Op.EQL, ai, bi, pos);
      if (r instanceof Value.Bool bb && !bb.b()) {
        return false;
      }
    }
    return true;
  }

  static Value binaryScalar(Ast.Op op, Value x, Value y, Ast.@Nullable Pos pos) {
    switch (op) {
      case EQL, NEQ -> {
        boolean eq;
        if (x instanceof Value.Null || y instanceof Value.Null) {
          eq = x instanceof Value.Null && y instanceof Value.Null;
        } else if (x instanceof Value.Num a && y instanceof Value.Num b) {
          eq = a.d().compareTo(b.d()) == 0;
        } else if (x.getClass() == y.getClass()) {
          eq = x.equals(y);
        } else {
          throw invalid(op, x, y, pos);
        }
        return Value.Bool.of(op == Ast.Op.EQL ? eq : !eq);
      }
      case LSS, LEQ, GTR, GEQ -> {
        Integer c = compare(x, y);
        if (c == null) {
          throw invalid(op, x, y, pos);
        }
        return Value.Bool.of(
            switch (op) {
              case LSS -> c < 0;
              case LEQ -> c <= 0;
              case GTR -> c > 0;
              default -> c >= 0;
            });
      }
      case MAT, NMAT -> {
        if (!(x instanceof Value.Str s) || !(y instanceof Value.Str re)) {
          throw invalid(op, x, y, pos);
        }
        boolean m = regex(re.s(), pos).matcher(s.s()).find();
        return Value.Bool.of(op == Ast.Op.MAT ? m : !m);
      }
      case LAND, LOR -> {
        if (!(x instanceof Value.Bool a) || !(y instanceof Value.Bool b)) {
          throw invalid(op, x, y, pos);
        }
        return Value.Bool.of(op == Ast.Op.LAND ? a.b() && b.b() : a.b() || b.b());
      }
      case ADD -> {
        if (x instanceof Value.Str a && y instanceof Value.Str b) {
          checkSize((long) a.s().length() + b.s().length(), pos);
          return new Value.Str(a.s() + b.s());
        }
        if (x instanceof Value.Bytes a && y instanceof Value.Bytes b) {
          byte[] r = java.util.Arrays.copyOf(a.b(), a.b().length + b.b().length);
          System.arraycopy(b.b(), 0, r, a.b().length, b.b().length);
          return new Value.Bytes(r);
        }
        return arith(op, x, y, pos);
      }
      case SUB, QUO -> {
        return arith(op, x, y, pos);
      }
      case MUL -> {
        if (x instanceof Value.Str s && y instanceof Value.Num n && n.isInt()) {
          return new Value.Str(repeat(s.s(), n, pos));
        }
        if (y instanceof Value.Str s && x instanceof Value.Num n && n.isInt()) {
          return new Value.Str(repeat(s.s(), n, pos));
        }
        return arith(op, x, y, pos);
      }
      default -> throw invalid(op, x, y, pos);
    }
  }

  private static String repeat(String s, Value.Num n, Ast.@Nullable Pos pos) {
    BigInteger c = n.bigInt();
    if (c.signum() < 0) {
      throw new BottomEx(
          Value.Bottom.fatal(CueError.Kind.OTHER, "negative repeat count " + c, pos));
    }
    checkSize(
        c.multiply(BigInteger.valueOf(s.length()))
            .min(BigInteger.valueOf(Long.MAX_VALUE))
            .longValue(),
        pos);
    return s.repeat(c.intValueExact());
  }

  private static void checkSize(long n, Ast.@Nullable Pos pos) {
    if (n > MAX_STRING) {
      throw new BottomEx(
          Value.Bottom.fatal(
              CueError.Kind.LIMIT,
              "limit exceeded: string larger than " + MAX_STRING + " bytes",
              pos));
    }
  }

  private static Value arith(Ast.Op op, Value x, Value y, Ast.@Nullable Pos pos) {
    if (!(x instanceof Value.Num a) || !(y instanceof Value.Num b)) {
      throw invalid(op, x, y, pos);
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
          throw new BottomEx(Value.Bottom.fatal(CueError.Kind.OTHER, "division by zero", pos));
        }
        return new Value.Num(a.d().divide(b.d(), Concrete.DECIMAL_CONTEXT), false);
      }
      default -> throw invalid(op, x, y, pos);
    }
    return new Value.Num(r, ints);
  }

  private static BottomEx invalid(Ast.Op op, Value x, Value y, Ast.@Nullable Pos pos) {
    return new BottomEx(
        Value.Bottom.fatal(
            CueError.Kind.OTHER,
            "invalid operands "
                + x
                + " and "
                + y
                + " to '"
                + op.token()
                + "' (type "
                + Value.kindName(x.kindMask())
                + " and "
                + Value.kindName(y.kindMask())
                + ")",
            pos));
  }
}
