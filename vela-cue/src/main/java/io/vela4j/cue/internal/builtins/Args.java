package io.vela4j.cue.internal.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Argument checks with CUE's wording ({@code cannot use 1 (type int) as string in argument 1 to
 * strings.ToLower}).
 */
final class Args {
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private Args() {}

  static BuiltinException typeError(String fn, List<Object> args, int i, String want) {
    var v = args.get(i);
    return new BuiltinException(
        "cannot use "
            + Concrete.describe(v)
            + " (type "
            + Concrete.typeName(v)
            + ") as "
            + want
            + " in argument "
            + (i + 1)
            + " to "
            + fn);
  }

  static String string(String fn, List<Object> args, int i) {
    if (args.get(i) instanceof String s) {
      return s;
    }
    throw typeError(fn, args, i, "string");
  }

  /** A {@code []byte} parameter: CUE accepts both bytes and strings. */
  static byte[] bytesOrString(String fn, List<Object> args, int i) {
    var v = args.get(i);
    if (v instanceof Concrete.Bytes b) {
      return b.data();
    }
    if (v instanceof String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    throw typeError(fn, args, i, "bytes");
  }

  static boolean bool(String fn, List<Object> args, int i) {
    if (args.get(i) instanceof Boolean b) {
      return b;
    }
    throw typeError(fn, args, i, "bool");
  }

  static BigInteger bigInt(String fn, List<Object> args, int i) {
    if (args.get(i) instanceof BigInteger b) {
      return b;
    }
    throw typeError(fn, args, i, "int");
  }

  /**
   * An {@code int} parameter that must fit a Java int (Go's int is 64 bits; larger is impractical
   * here).
   */
  static int intValue(String fn, List<Object> args, int i) {
    var b = bigInt(fn, args, i);
    if (b.compareTo(INT_MIN) < 0 || b.compareTo(INT_MAX) > 0) {
      throw new BuiltinException(
          fn + ": argument " + (i + 1) + " out of range: " + Concrete.formatInt(b));
    }
    return b.intValue();
  }

  static BigDecimal number(String fn, List<Object> args, int i) {
    if (args.get(i) instanceof Number n) {
      return Concrete.toDecimal(n);
    }
    throw typeError(fn, args, i, "number");
  }

  static Number rawNumber(String fn, List<Object> args, int i) {
    if (args.get(i) instanceof Number n) {
      return n;
    }
    throw typeError(fn, args, i, "number");
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(String fn, List<Object> args, int i) {
    if (args.get(i) instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw typeError(fn, args, i, "list");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> struct(String fn, List<Object> args, int i) {
    if (args.get(i) instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw typeError(fn, args, i, "struct");
  }

  static List<String> stringList(String fn, List<Object> args, int i) {
    var l = list(fn, args, i);
    var out = new java.util.ArrayList<String>(l.size());
    for (int k = 0; k < l.size(); k++) {
      if (!(l.get(k) instanceof String s)) {
        throw elementError(fn, i, k, l.get(k), "string");
      }
      out.add(s);
    }
    return out;
  }

  /**
   * CUE: {@code invalid list element 0 in argument 0 to call: cannot use value 1 (int) as string}.
   */
  static BuiltinException elementError(String fn, int arg, int index, Object v, String want) {
    return new BuiltinException(
        "invalid list element "
            + index
            + " in argument "
            + arg
            + " to call: cannot use value "
            + Concrete.describe(v)
            + " ("
            + Concrete.typeName(v)
            + ") as "
            + want);
  }

  static List<BigDecimal> numberList(String fn, List<Object> args, int i) {
    var l = list(fn, args, i);
    var out = new java.util.ArrayList<BigDecimal>(l.size());
    for (int k = 0; k < l.size(); k++) {
      if (!(l.get(k) instanceof Number n)) {
        throw elementError(fn, i, k, l.get(k), "number");
      }
      out.add(Concrete.toDecimal(n));
    }
    return out;
  }
}
