package io.vela4j.cue.internal.builtins;

import static io.vela4j.cue.internal.builtins.Args.number;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * CUE's {@code math} package. Rounding functions and {@code Abs} are exact on decimals (the
 * rounding ones return ints, like CUE); {@code Pow} is exact for integral exponents (34 digits);
 * transcendental functions go through IEEE-754 doubles like CUE's.
 */
final class MathPackage {
  private MathPackage() {}

  static void register(Map<String, Builtin> m) {
    add(m, Fn.of("math.Floor", 1, a -> round(a, "Floor", RoundingMode.FLOOR)));
    add(m, Fn.of("math.Ceil", 1, a -> round(a, "Ceil", RoundingMode.CEILING)));
    add(m, Fn.of("math.Trunc", 1, a -> round(a, "Trunc", RoundingMode.DOWN)));
    add(m, Fn.of("math.Round", 1, a -> round(a, "Round", RoundingMode.HALF_UP)));
    add(m, Fn.of("math.RoundToEven", 1, a -> round(a, "RoundToEven", RoundingMode.HALF_EVEN)));
    add(
        m,
        Fn.of(
            "math.Abs",
            1,
            a -> {
              var n = Args.rawNumber("math.Abs", a, 0);
              return n instanceof BigInteger i ? new BigDecimal(i.abs()) : ((BigDecimal) n).abs();
            }));
    add(m, Fn.of("math.Pow", 2, a -> pow(number("math.Pow", a, 0), number("math.Pow", a, 1))));
    add(
        m,
        Fn.of(
            "math.MultipleOf",
            2,
            a -> {
              var y = number("math.MultipleOf", a, 1);
              if (y.signum() == 0) {
                throw new BuiltinException("division by zero");
              }
              return number("math.MultipleOf", a, 0).remainder(y).signum() == 0;
            }));
    add(m, Fn.of("math.Signbit", 1, a -> number("math.Signbit", a, 0).signum() < 0));
    unary(m, "Sqrt", Math::sqrt);
    unary(m, "Cbrt", Math::cbrt);
    unary(m, "Exp", Math::exp);
    unary(m, "Exp2", x -> Math.pow(2, x));
    unary(m, "Expm1", Math::expm1);
    unary(m, "Log", Math::log);
    unary(m, "Log10", Math::log10);
    unary(m, "Log2", x -> Math.log(x) / Math.log(2));
    unary(m, "Log1p", Math::log1p);
    unary(m, "Sin", Math::sin);
    unary(m, "Cos", Math::cos);
    unary(m, "Tan", Math::tan);
    unary(m, "Asin", Math::asin);
    unary(m, "Acos", Math::acos);
    unary(m, "Atan", Math::atan);
    unary(m, "Sinh", Math::sinh);
    unary(m, "Cosh", Math::cosh);
    unary(m, "Tanh", Math::tanh);
    binary(m, "Atan2", Math::atan2);
    binary(m, "Hypot", Math::hypot);
    binary(m, "Dim", (x, y) -> Math.max(x - y, 0));
    binary(m, "Copysign", Math::copySign);
    binary(m, "Mod", (x, y) -> x % y);
    binary(m, "Remainder", Math::IEEEremainder);
    constant(m, "E", "2.71828182845904523536028747135266249775724709369995957496696763");
    constant(m, "Pi", "3.14159265358979323846264338327950288419716939937510582097494459");
    constant(m, "Phi", "1.61803398874989484820458683436563811772030917980576286213544862");
    constant(m, "Sqrt2", "1.41421356237309504880168872420969807856967187537694807317667974");
    constant(m, "SqrtE", "1.64872127070012814684865078831848661895049390484004357893");
    constant(m, "SqrtPi", "1.77245385090551602729816748334114518279754945612238712821380779");
    constant(m, "SqrtPhi", "1.27201964951406896425242246173749149171560804184009624861664038");
    constant(m, "Ln2", "0.693147180559945309417232121458176568075500134360255254120680009");
    constant(m, "Ln10", "2.30258509299404568401799145468436420760110148862877297603332790");
  }

  private static void add(Map<String, Builtin> m, Builtin b) {
    m.put(b.name().substring(b.name().indexOf('.') + 1), b);
  }

  private static void constant(Map<String, Builtin> m, String name, String digits) {
    add(m, Fn.constant("math." + name, new BigDecimal(digits)));
  }

  private static void unary(Map<String, Builtin> m, String name, DoubleUnaryOperator f) {
    add(
        m,
        Fn.of(
            "math." + name,
            1,
            a -> fromDoubleChecked("math." + name, f.applyAsDouble(dbl("math." + name, a, 0)))));
  }

  private static void binary(Map<String, Builtin> m, String name, DoubleBinaryOperator f) {
    add(
        m,
        Fn.of(
            "math." + name,
            2,
            a ->
                fromDoubleChecked(
                    "math." + name,
                    f.applyAsDouble(dbl("math." + name, a, 0), dbl("math." + name, a, 1)))));
  }

  private static double dbl(String fn, List<Object> a, int i) {
    return number(fn, a, i).doubleValue();
  }

  private static BigInteger round(List<Object> a, String fn, RoundingMode mode) {
    var n = Args.rawNumber("math." + fn, a, 0);
    if (n instanceof BigInteger i) {
      return i;
    }
    return ((BigDecimal) n).setScale(0, mode).toBigIntegerExact();
  }

  private static BigDecimal pow(BigDecimal x, BigDecimal y) {
    if (y.signum() == 0 || y.stripTrailingZeros().scale() <= 0) {
      BigInteger n;
      try {
        n = y.toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw new BuiltinException("math.Pow: exponent out of range");
      }
      if (n.bitLength() > 20) {
        throw new BuiltinException("math.Pow: exponent out of range");
      }
      int k = n.intValue();
      if (k >= 0) {
        return x.pow(k, Concrete.DECIMAL_CONTEXT);
      }
      if (x.signum() == 0) {
        throw new BuiltinException("math.Pow: division by zero");
      }
      return BigDecimal.ONE.divide(x.pow(-k, Concrete.DECIMAL_CONTEXT), Concrete.DECIMAL_CONTEXT);
    }
    return fromDoubleChecked("math.Pow", Math.pow(x.doubleValue(), y.doubleValue()));
  }

  private static BigDecimal fromDoubleChecked(String fn, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new BuiltinException(fn + ": result is not a finite number");
    }
    return fromDouble(d, false);
  }

  /**
   * Converts a double to the decimal CUE makes of it: Go's {@code FormatFloat(f, 'g', -1, 64)}
   * (shortest digits; exponent form when the exponent is below -4 or at least 6) read back as a
   * decimal, so {@code 1234567.0} becomes {@code 1234567}, {@code 1e6} becomes {@code 1E+6} and
   * {@code 1e-5} becomes {@code 0.00001} (checked against cue-oracle).
   */
  static BigDecimal fromDouble(double d, boolean asFloat32) {
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    var s = new BigDecimal(asFloat32 ? Float.toString((float) d) : Double.toString(d));
    s = s.stripTrailingZeros();
    var digits = s.unscaledValue().abs();
    int nd = digits.toString().length();
    int dp = s.precision() - s.scale();
    int exp = dp - 1;
    if (exp < -4 || exp >= 6) {
      // %e form: d.ddd e±x, i.e. coefficient = all digits, exponent = exp - (nd - 1)
      return new BigDecimal(s.unscaledValue(), nd - 1 - exp);
    }
    // %f form with the shortest digits
    return s.setScale(Math.max(nd - dp, 0));
  }
}
