package io.vela4j.cue.internal.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Java representation of concrete CUE values exchanged with builtins, and the formatting rules
 * CUE applies to them.
 *
 * <ul>
 *   <li>{@code null} is {@link #NULL}; bool is {@link Boolean}; int is {@link BigInteger};
 *       float/decimal is {@link BigDecimal} (scale kept: {@code 1.50} stays {@code 1.50});
 *   <li>string is {@link String}; bytes is {@link Bytes};
 *   <li>list is an unmodifiable {@code List<Object>}; struct is an unmodifiable {@code
 *       Map<String,Object>} in CUE field order holding regular fields only.
 * </ul>
 *
 * <p>All methods are pure and thread-safe.
 */
public final class Concrete {

  /** The CUE {@code null} value. */
  public static final Null NULL = Null.NULL;

  /**
   * The decimal context of inexact CUE arithmetic: 34 significant digits, rounding half up (the
   * context of CUE's apd decimals).
   */
  public static final MathContext DECIMAL_CONTEXT = new MathContext(34, RoundingMode.HALF_UP);

  private Concrete() {}

  /** The type of {@link #NULL}: a singleton. */
  public enum Null {
    /** The only instance. */
    NULL;

    @Override
    public String toString() {
      return "null";
    }
  }

  /**
   * A CUE bytes value; the array is copied in and out, so the record is immutable.
   *
   * @param data the bytes
   */
  public record Bytes(byte[] data) {
    /**
     * Copies the given array.
     *
     * @param data the bytes
     */
    public Bytes {
      data = data.clone();
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return a fresh copy
     */
    @Override
    public byte[] data() {
      return data.clone();
    }

    /**
     * The number of bytes.
     *
     * @return the length
     */
    public int length() {
      return data.length;
    }

    /**
     * Decodes the bytes as UTF-8 (invalid sequences become U+FFFD).
     *
     * @return the string
     */
    public String asString() {
      return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * The bytes of a string's UTF-8 encoding.
     *
     * @param s the string
     * @return its UTF-8 bytes
     */
    public static Bytes of(String s) {
      return new Bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Bytes[" + HexFormat.of().formatHex(data) + "]";
    }
  }

  /**
   * Formats a CUE decimal the way CUE prints it (apd's {@code 'G'} format, which is the General
   * Decimal Arithmetic to-scientific-string): trailing zeros kept ({@code 1.50}), scientific
   * notation when the exponent is positive or the adjusted exponent is below -6 ({@code 1E+2},
   * {@code 1.23456E+6}, {@code 1E-7}).
   *
   * @param d the number
   * @return its CUE text
   */
  public static String formatNumber(BigDecimal d) {
    // BigDecimal.toString implements exactly the to-scientific-string conversion apd uses.
    return d.toString();
  }

  /**
   * Formats a CUE integer: plain decimal digits of any size.
   *
   * @param i the number
   * @return its CUE text
   */
  public static String formatInt(BigInteger i) {
    return i.toString();
  }

  /**
   * Formats a number (an int or a decimal) as CUE prints it.
   *
   * @param n a {@link BigInteger} or {@link BigDecimal}
   * @return its CUE text
   */
  public static String formatNumber(Number n) {
    if (n instanceof BigInteger i) {
      return formatInt(i);
    }
    if (n instanceof BigDecimal d) {
      return formatNumber(d);
    }
    throw new IllegalArgumentException("not a CUE number: " + n.getClass().getName());
  }

  /**
   * The text a scalar contributes to an interpolation {@code "\(x)"}: strings as is, numbers as CUE
   * prints them, bools as {@code true}/{@code false}, bytes decoded as UTF-8, {@code null} as
   * {@code null}.
   *
   * @param v a concrete scalar
   * @return its interpolation text
   * @throws BuiltinException for lists and structs
   */
  public static String interpolationText(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number n) {
      return formatNumber(n);
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    if (v instanceof Bytes b) {
      return b.asString();
    }
    if (v == NULL) {
      return "null";
    }
    throw new BuiltinException("invalid interpolation: cannot use " + typeName(v) + " as a string");
  }

  /**
   * CUE's name of a concrete value's type, as used in messages: {@code null bool int float string
   * bytes list struct}.
   *
   * @param v the value
   * @return the type name
   */
  public static String typeName(Object v) {
    if (v instanceof Passed p) {
      return p.typeName();
    }
    if (v == NULL) {
      return "null";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof BigInteger) {
      return "int";
    }
    if (v instanceof BigDecimal) {
      return "float";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Bytes) {
      return "bytes";
    }
    if (v instanceof List<?>) {
      return "list";
    }
    if (v instanceof Map<?, ?>) {
      return "struct";
    }
    throw new IllegalArgumentException("not a concrete CUE value: " + v.getClass().getName());
  }

  /**
   * A short CUE-syntax rendering of a value for messages, e.g. {@code "x"}, {@code 1.5}, {@code
   * [1,2]}.
   *
   * @param v the value
   * @return the rendering
   */
  public static String describe(Object v) {
    if (v instanceof Passed p) {
      return p.describe();
    }
    if (v instanceof String s) {
      return Json.quote(s);
    }
    if (v instanceof Bytes b) {
      return "'" + b.asString().replace("'", "\\'") + "'";
    }
    if (v instanceof Number n) {
      return formatNumber(n);
    }
    if (v instanceof List<?> || v instanceof Map<?, ?>) {
      return Json.marshal(v);
    }
    return String.valueOf(v);
  }

  /**
   * CUE equality of concrete values: numbers compare by value whatever their kind or scale, lists
   * element by element, structs field by field (ignoring order), other values by kind and value.
   *
   * @param a a value
   * @param b another value
   * @return whether they are equal
   */
  public static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return toDecimal(x).compareTo(toDecimal(y)) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (var e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * Converts a CUE number to a decimal (exact).
   *
   * @param n a {@link BigInteger} or {@link BigDecimal}
   * @return the same value as a decimal
   */
  public static BigDecimal toDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    throw new IllegalArgumentException("not a CUE number: " + n.getClass().getName());
  }

  /**
   * Divides as CUE's {@code /} does: the exact quotient when it has at most 34 significant digits,
   * otherwise rounded to 34 (e.g. {@code 1 / 3} is {@code 0.3333333333333333333333333333333333}).
   *
   * @param a the dividend
   * @param b the divisor
   * @return the quotient, a decimal
   * @throws BuiltinException when dividing by zero
   */
  public static BigDecimal divide(Number a, Number b) {
    var y = toDecimal(b);
    if (y.signum() == 0) {
      throw new BuiltinException("division by zero");
    }
    return toDecimal(a).divide(y, DECIMAL_CONTEXT);
  }
}
