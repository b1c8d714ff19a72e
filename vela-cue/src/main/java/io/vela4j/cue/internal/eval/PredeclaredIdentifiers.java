package io.vela4j.cue.internal.eval;

import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The predeclared identifiers of CUE resolved at compile time: the basic types ({@code int}, {@code
 * string}, ...), the sized number types as bounds ({@code uint8} is {@code int & >=0 & <=255}), and
 * the predeclared functions ({@code len}, {@code close}, {@code and}, {@code or}, {@code div},
 * {@code mod}, {@code quo}, {@code rem}) as {@link Adt.BuiltinE} nodes, evaluated by {@link
 * PredeclaredFunctions} (or, for {@code close}, {@code and} and {@code or}, by the evaluator
 * itself).
 */
final class PredeclaredIdentifiers {
  private PredeclaredIdentifiers() {}

  static Adt.@Nullable Expr lookup(String name, Ast.Pos pos) {
    Atom k =
        switch (name) {
          case "int" -> new Atom.Kind(Atom.INT, "int");
          case "float" -> new Atom.Kind(Atom.FLOAT, "float");
          case "number" -> new Atom.Kind(Atom.NUMBER, "number");
          case "string" -> new Atom.Kind(Atom.STRING, "string");
          case "bytes" -> new Atom.Kind(Atom.BYTES, "bytes");
          case "bool" -> new Atom.Kind(Atom.BOOL, "bool");
          default -> null;
        };
    if (k != null) {
      return new Adt.Lit(k, pos);
    }
    switch (name) {
      case "len", "close", "and", "or", "div", "mod", "quo", "rem":
        return new Adt.BuiltinE("", name, pos);
      case "uint":
        return range(pos, BigInteger.ZERO, null);
      case "rune":
        return range(pos, BigInteger.ZERO, BigInteger.valueOf(0x10FFFF));
      case "int8":
        return range(pos, BigInteger.valueOf(-128), BigInteger.valueOf(127));
      case "int16":
        return range(pos, BigInteger.valueOf(-32768), BigInteger.valueOf(32767));
      case "int32":
        return range(
            pos, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
      case "int64":
        return range(pos, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
      case "uint8":
        return range(pos, BigInteger.ZERO, BigInteger.valueOf(255));
      case "uint16":
        return range(pos, BigInteger.ZERO, BigInteger.valueOf(65535));
      case "uint32":
        return range(pos, BigInteger.ZERO, BigInteger.valueOf(4294967295L));
      case "uint64":
        return range(pos, BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
      case "float32", "float64":
        return new Adt.Lit(new Atom.Kind(Atom.NUMBER, "number"), pos);
      default:
        return null;
    }
  }

  private static Adt.Expr range(Ast.Pos pos, BigInteger lo, @Nullable BigInteger hi) {
    Adt.Expr e =
        new Adt.BinE(
            Ast.Op.AND,
            new Adt.Lit(new Atom.Kind(Atom.INT, "int"), pos),
            new Adt.Lit(new Atom.Bound(Ast.Op.GEQ, Atom.Num.ofInt(lo)), pos),
            pos);
    if (hi != null) {
      e =
          new Adt.BinE(
              Ast.Op.AND, e, new Adt.Lit(new Atom.Bound(Ast.Op.LEQ, Atom.Num.ofInt(hi)), pos), pos);
    }
    return e;
  }
}
