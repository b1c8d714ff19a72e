package io.vela4j.cue.internal.builtins;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry of CUE's builtin packages, and CUE's integer division helpers.
 *
 * <p>Known import paths: {@code strings}, {@code strconv}, {@code list}, {@code math}, {@code
 * encoding/json}, {@code encoding/yaml}, {@code encoding/base64}, {@code regexp}, {@code struct}.
 * The registry is built once and immutable; lookups are thread-safe.
 */
public final class Builtins {
  private static final Map<String, Map<String, Builtin>> PACKAGES = build();

  private Builtins() {}

  private static Map<String, Map<String, Builtin>> build() {
    var all = new LinkedHashMap<String, Map<String, Builtin>>();
    all.put("strings", pkg(StringsPackage::register));
    all.put("strconv", pkg(StrconvPackage::register));
    all.put("list", pkg(ListPackage::register));
    all.put("math", pkg(MathPackage::register));
    all.put("encoding/json", pkg(EncodingPackages::registerJson));
    all.put("encoding/yaml", pkg(EncodingPackages::registerYaml));
    all.put("encoding/base64", pkg(EncodingPackages::registerBase64));
    all.put("regexp", pkg(RegexpPackage::register));
    all.put("struct", pkg(StructPackage::register));
    return Map.copyOf(all);
  }

  private static Map<String, Builtin> pkg(java.util.function.Consumer<Map<String, Builtin>> reg) {
    var m = new TreeMap<String, Builtin>();
    reg.accept(m);
    return Map.copyOf(m);
  }

  /**
   * Finds a member of a builtin package.
   *
   * @param importPath the import path, e.g. {@code "encoding/json"}
   * @param name the member name, e.g. {@code "Marshal"}
   * @return the builtin, or empty if the package or member does not exist
   */
  public static Optional<Builtin> lookup(String importPath, String name) {
    var p = PACKAGES.get(importPath);
    return p == null ? Optional.empty() : Optional.ofNullable(p.get(name));
  }

  /**
   * Whether an import path names a builtin package this library provides.
   *
   * @param importPath the import path
   * @return true if known
   */
  public static boolean isKnownPackage(String importPath) {
    return PACKAGES.containsKey(importPath);
  }

  /**
   * The members of a package, sorted by name (empty for an unknown package).
   *
   * @param importPath the import path
   * @return member names
   */
  public static List<String> members(String importPath) {
    var p = PACKAGES.get(importPath);
    return p == null ? List.of() : p.keySet().stream().sorted().toList();
  }

  /**
   * The default identifier an import binds: the last path element ({@code encoding/json} binds
   * {@code json}).
   *
   * @param importPath the import path
   * @return the package name
   */
  public static String packageName(String importPath) {
    return importPath.substring(importPath.lastIndexOf('/') + 1);
  }

  /**
   * CUE's {@code div}: Euclidean division, the quotient matching {@link #mod} so that {@code x ==
   * y*div(x,y) + mod(x,y)} with {@code 0 <= mod(x,y) < |y|}.
   *
   * @param x dividend
   * @param y divisor
   * @return the Euclidean quotient
   * @throws BuiltinException when y is zero
   */
  public static BigInteger div(BigInteger x, BigInteger y) {
    var m = mod(x, y);
    return x.subtract(m).divide(y);
  }

  /**
   * CUE's {@code mod}: the Euclidean remainder, never negative.
   *
   * @param x dividend
   * @param y divisor
   * @return the remainder in {@code [0, |y|)}
   * @throws BuiltinException when y is zero
   */
  public static BigInteger mod(BigInteger x, BigInteger y) {
    checkNonZero(y);
    return x.mod(y.abs());
  }

  /**
   * CUE's {@code quo}: division truncated towards zero.
   *
   * @param x dividend
   * @param y divisor
   * @return the truncated quotient
   * @throws BuiltinException when y is zero
   */
  public static BigInteger quo(BigInteger x, BigInteger y) {
    checkNonZero(y);
    return x.divide(y);
  }

  /**
   * CUE's {@code rem}: the remainder of {@link #quo}, with the sign of x.
   *
   * @param x dividend
   * @param y divisor
   * @return the truncated remainder
   * @throws BuiltinException when y is zero
   */
  public static BigInteger rem(BigInteger x, BigInteger y) {
    checkNonZero(y);
    return x.remainder(y);
  }

  private static void checkNonZero(BigInteger y) {
    if (y.signum() == 0) {
      throw new BuiltinException("division by zero");
    }
  }
}
