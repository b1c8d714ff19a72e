package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.builtins.Json;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Atomic values of the lattice: scalars, basic types, bounds, top and bottom. */
sealed interface Atom {

  /** Kind bits. */
  int NULL = 1;

  /** Bool kind bit. */
  int BOOL = 2;

  /** Int kind bit. */
  int INT = 4;

  /** Float kind bit. */
  int FLOAT = 8;

  /** String kind bit. */
  int STRING = 16;

  /** Bytes kind bit. */
  int BYTES = 32;

  /** List kind bit. */
  int LIST = 64;

  /** Struct kind bit. */
  int STRUCT = 128;

  /** Number kinds. */
  int NUMBER = INT | FLOAT;

  /** Every kind. */
  int ALL = 255;

  /** Scalar kinds. */
  int SCALARS = NULL | BOOL | NUMBER | STRING | BYTES;

  /** The kind bits this value admits. */
  int kindMask();

  /** Top {@code _}. */
  record Top() implements Atom {
    static final Top INSTANCE = new Top();

    // equals and hashCode here and below are written out: a record's own are linked at their
    // first call through invokedynamic (milliseconds each, in every short CLI run) and run as
    // method-handle chains that the C1 compiler does not inline

    @Override
    public boolean equals(Object o) {
      return o instanceof Top;
    }

    @Override
    public int hashCode() {
      return 1;
    }

    @Override
    public int kindMask() {
      return ALL;
    }

    @Override
    public String toString() {
      return "_";
    }
  }

  /** {@code null}. */
  record Null() implements Atom {
    static final Null INSTANCE = new Null();

    @Override
    public boolean equals(Object o) {
      return o instanceof Null;
    }

    @Override
    public int hashCode() {
      return 2;
    }

    @Override
    public int kindMask() {
      return NULL;
    }

    @Override
    public String toString() {
      return "null";
    }
  }

  /** A boolean. */
  record Bool(boolean b) implements Atom {
    static final Bool TRUE = new Bool(true);
    static final Bool FALSE = new Bool(false);

    static Bool of(boolean b) {
      return b ? TRUE : FALSE;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bool x && x.b == b;
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(b);
    }

    @Override
    public int kindMask() {
      return BOOL;
    }

    @Override
    public String toString() {
      return Boolean.toString(b);
    }
  }

  /**
   * A number: an int (scale 0, {@code isInt}) or a decimal. An int that fits a long is kept as one,
   * without a BigDecimal (a file of many integers keeps one Num per literal); {@link #d()} makes
   * its BigDecimal when asked. Equality and hash are those of the value: two Nums are equal when
   * both are ints or both decimals and their values compare equal ({@code 1} and {@code 1.0}
   * differ, {@code 1.0} and {@code 1.00} do not).
   */
  final class Num implements Atom {
    /** The value when {@link #big} is null. */
    private final long small;

    private final @Nullable BigDecimal big;
    private final boolean isInt;

    Num(BigDecimal d, boolean isInt) {
      if (isInt && d.scale() == 0 && d.precision() < 19) {
        this.small = d.longValue();
        this.big = null;
      } else {
        this.small = 0;
        this.big = d;
      }
      this.isInt = isInt;
    }

    private Num(long value) {
      this.small = value;
      this.big = null;
      this.isInt = true;
    }

    static Num ofLong(long value) {
      return new Num(value);
    }

    static Num ofInt(BigInteger i) {
      return i.bitLength() < 64 ? new Num(i.longValue()) : new Num(new BigDecimal(i), true);
    }

    /** The value (scale 0 for an int kept as a long). */
    BigDecimal d() {
      return big != null ? big : BigDecimal.valueOf(small);
    }

    /** Whether the number is an int. */
    boolean isInt() {
      return isInt;
    }

    /** Whether the number is an int kept as a long ({@link #longValue}). */
    boolean isLong() {
      return big == null;
    }

    /** The value of an int kept as a long. */
    long longValue() {
      return small;
    }

    BigInteger bigInt() {
      return big != null ? big.toBigInteger() : BigInteger.valueOf(small);
    }

    @Override
    public int kindMask() {
      return isInt ? INT : FLOAT;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Num n) || n.isInt != isInt) {
        return false;
      }
      if (big == null && n.big == null) {
        return small == n.small;
      }
      return n.d().compareTo(d()) == 0;
    }

    @Override
    public int hashCode() {
      // Equal numbers hash alike however they are kept: an integral value that fits a long hashes
      // as that long, any other by its decimal without trailing zeros.
      if (big == null) {
        return Long.hashCode(small);
      }
      BigDecimal stripped = big.stripTrailingZeros();
      if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19) {
        try {
          return Long.hashCode(stripped.longValueExact());
        } catch (ArithmeticException e) {
          // 19 digits beyond the range of a long
        }
      }
      return stripped.hashCode();
    }

    @Override
    public String toString() {
      if (big == null) {
        return Long.toString(small);
      }
      return isInt ? big.toBigInteger().toString() : big.toString();
    }
  }

  /** A string. */
  record Str(String s) implements Atom {
    @Override
    public boolean equals(Object o) {
      return o instanceof Str x && x.s.equals(s);
    }

    @Override
    public int hashCode() {
      return s.hashCode();
    }

    @Override
    public int kindMask() {
      return STRING;
    }

    @Override
    public String toString() {
      return Json.quote(s);
    }
  }

  /** Bytes. */
  record Bytes(byte[] b) implements Atom {
    @Override
    public int kindMask() {
      return BYTES;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes x && Arrays.equals(x.b, b);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(b);
    }

    @Override
    public String toString() {
      return "'" + new String(b, StandardCharsets.UTF_8) + "'";
    }
  }

  /** A basic type: a set of kinds ({@code int}, {@code string}, {@code number}...). */
  record Kind(int mask, String name) implements Atom {
    @Override
    public boolean equals(Object o) {
      return o instanceof Kind x && x.mask == mask && x.name.equals(name);
    }

    @Override
    public int hashCode() {
      return 31 * mask + name.hashCode();
    }

    @Override
    public int kindMask() {
      return mask;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A bound or validator: {@code >=x}, {@code !=x}, {@code =~"re"}, or a builtin validator; checked
   * once the value is concrete.
   */
  record Bound(Ast.Op op, Atom operand) implements Atom {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bound x && x.op == op && x.operand.equals(operand);
    }

    @Override
    public int hashCode() {
      return 31 * op.hashCode() + operand.hashCode();
    }

    @Override
    public int kindMask() {
      // as CUE's BoundValue.Kind: the operand's kind (any number for a number), except that
      // != null admits every kind but null
      if (op == Ast.Op.MAT || op == Ast.Op.NMAT) {
        return STRING | BYTES;
      }
      int k = operand.kindMask();
      if (op == Ast.Op.NEQ && k == NULL) {
        return ALL & ~NULL;
      }
      return (k & NUMBER) != 0 ? NUMBER : k;
    }

    @Override
    public String toString() {
      return op.token() + operand;
    }
  }

  /** A builtin package constant that is not a CUE scalar (e.g. {@code list.Ascending}). */
  record Opaque(Object o, String name) implements Atom {
    @Override
    public int kindMask() {
      return STRUCT;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A builtin validator such as {@code strings.MinRunes(3)}, checked once the value is final. */
  record Validator(String pkg, String name, List<Object> args) implements Atom {
    @Override
    public int kindMask() {
      return ALL;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      int i = pkg.lastIndexOf('/');
      sb.append(i < 0 ? pkg : pkg.substring(i + 1)).append('.').append(name).append('(');
      for (int k = 0; k < args.size(); k++) {
        if (k > 0) {
          sb.append(", ");
        }
        Object a = args.get(k);
        sb.append(a instanceof String str ? Json.quote(str) : String.valueOf(a));
      }
      return sb.append(')').toString();
    }
  }

  /** An error (bottom). */
  record Bottom(
      CueError.Kind kind, boolean incomplete, String message, List<Ast.Pos> positions, String path)
      implements Atom {
    @Override
    public int kindMask() {
      return 0;
    }

    Bottom withPath(String p) {
      return path.isEmpty() ? new Bottom(kind, incomplete, message, positions, p) : this;
    }

    static Bottom fatal(CueError.Kind kind, String message, Ast.@Nullable Pos... pos) {
      return new Bottom(kind, false, message, posList(pos), "");
    }

    static Bottom incomplete(String message, Ast.@Nullable Pos... pos) {
      return new Bottom(CueError.Kind.INCOMPLETE, true, message, posList(pos), "");
    }

    private static List<Ast.Pos> posList(Ast.@Nullable Pos[] pos) {
      if (pos.length == 1) {
        // the usual error, and every `_|_` of a template (compiled to one)
        return pos[0] == null ? List.of() : List.of(pos[0]);
      }
      // a loop, not a stream: errors are made on the first evaluation of most templates, while
      // the JVM still interprets
      var list = new ArrayList<Ast.Pos>(pos.length);
      for (Ast.Pos p : pos) {
        if (p != null && !list.contains(p)) {
          list.add(p);
        }
      }
      return Collections.unmodifiableList(list);
    }

    @Override
    public String toString() {
      return "_|_ // " + message;
    }
  }

  /** Whether a value is a concrete scalar. */
  static boolean isConcrete(Atom v) {
    return v instanceof Opaque
        || v instanceof Null
        || v instanceof Bool
        || v instanceof Num
        || v instanceof Str
        || v instanceof Bytes;
  }

  /** CUE's name of a kind mask. */
  static String kindName(int mask) {
    return switch (mask) {
      case NULL -> "null";
      case BOOL -> "bool";
      case INT -> "int";
      case FLOAT -> "float";
      case NUMBER -> "number";
      case STRING -> "string";
      case BYTES -> "bytes";
      case LIST -> "list";
      case STRUCT -> "struct";
      case ALL -> "_";
      default -> {
        StringBuilder sb = new StringBuilder();
        String[] names = {"null", "bool", "int", "float", "string", "bytes", "list", "struct"};
        if ((mask & NUMBER) == NUMBER) {
          mask = mask & ~NUMBER;
          sb.append("number");
        }
        for (int i = 0; i < names.length; i++) {
          if ((mask & (1 << i)) != 0) {
            if (sb.length() > 0) {
              sb.append("|");
            }
            sb.append(names[i]);
          }
        }
        yield sb.toString();
      }
    };
  }
}
