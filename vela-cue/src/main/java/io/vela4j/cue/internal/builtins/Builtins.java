package io.vela4j.cue.internal.builtins;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The registry of CUE's builtin packages, and CUE's integer division helpers.
 *
 * <p>Known import paths: {@code strings}, {@code strconv}, {@code list}, {@code math}, {@code
 * encoding/json}, {@code encoding/yaml}, {@code encoding/base64}, {@code regexp}, {@code struct}.
 * Each package is registered once, at its first lookup, and is immutable; lookups are thread-safe.
 */
public final class Builtins {
  private Builtins() {}

  /*
   * Each package is registered when it is first looked up (lazy, once, thread-safe): registering a
   * package links a lambda per member, and registering all nine took a short CLI run 80 to 100 ms
   * even when its template imports one package or none.
   */
  private static final ConcurrentHashMap<String, Map<String, Builtin>> REGISTERED =
      new ConcurrentHashMap<>();

  /** What registers the members of a known package; null for an unknown path. */
  private static @Nullable Consumer<Map<String, Builtin>> registrar(String importPath) {
    return switch (importPath) {
      case "strings" -> StringsPackage::register;
      case "strconv" -> StrconvPackage::register;
      case "list" -> ListPackage::register;
      case "math" -> MathPackage::register;
      case "encoding/json" -> EncodingPackages::registerJson;
      case "encoding/yaml" -> EncodingPackages::registerYaml;
      case "encoding/base64" -> EncodingPackages::registerBase64;
      case "regexp" -> RegexpPackage::register;
      case "struct" -> StructPackage::register;
      default -> null;
    };
  }

  /** The members of a known package, registering it on first use; null for an unknown path. */
  private static @Nullable Map<String, Builtin> members0(String importPath) {
    Map<String, Builtin> m = REGISTERED.get(importPath);
    if (m != null) {
      return m;
    }
    Consumer<Map<String, Builtin>> reg = registrar(importPath);
    if (reg == null) {
      return null;
    }
    return REGISTERED.computeIfAbsent(
        importPath,
        p -> {
          var members = new TreeMap<String, Builtin>();
          reg.accept(members);
          return Map.copyOf(members);
        });
  }

  /**
   * Finds a member of a builtin package.
   *
   * @param importPath the import path, e.g. {@code "encoding/json"}
   * @param name the member name, e.g. {@code "Marshal"}
   * @return the builtin, or empty if the package or member does not exist
   */
  public static Optional<Builtin> lookup(String importPath, String name) {
    var p = members0(importPath);
    return p == null ? Optional.empty() : Optional.ofNullable(p.get(name));
  }

  /**
   * Whether an import path names a builtin package this library provides.
   *
   * @param importPath the import path
   * @return true if known
   */
  public static boolean isKnownPackage(String importPath) {
    return registrar(importPath) != null;
  }

  /**
   * The members of a package, sorted by name (empty for an unknown package).
   *
   * @param importPath the import path
   * @return member names
   */
  public static List<String> members(String importPath) {
    var p = members0(importPath);
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
