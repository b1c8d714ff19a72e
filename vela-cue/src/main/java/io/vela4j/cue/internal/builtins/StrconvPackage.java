package io.vela4j.cue.internal.builtins;

import static io.vela4j.cue.internal.builtins.Args.intValue;
import static io.vela4j.cue.internal.builtins.Args.string;

import com.google.re2j.Pattern;
import io.vela4j.cue.internal.syntax.Parser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * CUE's {@code strconv} package. Integers are arbitrary precision (bit size 0 means unlimited),
 * floats go through IEEE-754 doubles exactly like Go's {@code strconv}.
 */
final class StrconvPackage {
  private static final String DIGITS62 =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private static final Pattern FLOAT_SYNTAX =
      Pattern.compile("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$");
  private static final Pattern SPECIAL_FLOAT = Pattern.compile("^[+-]?(inf|infinity|nan)$");

  private StrconvPackage() {}

  static void register(Map<String, Builtin> m) {
    add(m, Fn.of("strconv.ParseBool", 1, a -> parseBool(string("strconv.ParseBool", a, 0))));
    add(
        m,
        Fn.of(
            "strconv.FormatBool", 1, a -> Boolean.toString(Args.bool("strconv.FormatBool", a, 0))));
    add(
        m,
        Fn.of(
            "strconv.ParseFloat",
            2,
            a ->
                parseFloat(
                    string("strconv.ParseFloat", a, 0), intValue("strconv.ParseFloat", a, 1))));
    add(
        m,
        Fn.of(
            "strconv.ParseInt",
            3,
            a ->
                parseInt(
                    "ParseInt",
                    string("strconv.ParseInt", a, 0),
                    intValue("strconv.ParseInt", a, 1),
                    intValue("strconv.ParseInt", a, 2),
                    false)));
    add(
        m,
        Fn.of(
            "strconv.ParseUint",
            3,
            a ->
                parseInt(
                    "ParseUint",
                    string("strconv.ParseUint", a, 0),
                    intValue("strconv.ParseUint", a, 1),
                    intValue("strconv.ParseUint", a, 2),
                    true)));
    add(
        m,
        Fn.of(
            "strconv.Atoi", 1, a -> parseInt("Atoi", string("strconv.Atoi", a, 0), 10, 0, false)));
    add(
        m,
        Fn.of(
            "strconv.FormatInt",
            2,
            a ->
                formatInt(
                    Args.bigInt("strconv.FormatInt", a, 0), intValue("strconv.FormatInt", a, 1))));
    add(
        m,
        Fn.of(
            "strconv.FormatUint",
            2,
            a ->
                formatInt(
                    Args.bigInt("strconv.FormatUint", a, 0),
                    intValue("strconv.FormatUint", a, 1))));
    add(m, Fn.of("strconv.FormatFloat", 4, StrconvPackage::formatFloatCall));
    add(
        m,
        Fn.of("strconv.Quote", 1, a -> quote(string("strconv.Quote", a, 0), '"', Quoting.PRINT)));
    add(
        m,
        Fn.of(
            "strconv.QuoteToASCII",
            1,
            a -> quote(string("strconv.QuoteToASCII", a, 0), '"', Quoting.ASCII)));
    add(
        m,
        Fn.of(
            "strconv.QuoteRune",
            1,
            a -> quote(Character.toString(rune("strconv.QuoteRune", a)), '\'', Quoting.PRINT)));
    add(
        m,
        Fn.of(
            "strconv.QuoteRuneToASCII",
            1,
            a ->
                quote(
                    Character.toString(rune("strconv.QuoteRuneToASCII", a)), '\'', Quoting.ASCII)));
    add(m, Fn.of("strconv.IsPrint", 1, a -> isPrint(rune("strconv.IsPrint", a))));
    add(m, Fn.of("strconv.IsGraphic", 1, a -> isGraphic(rune("strconv.IsGraphic", a))));
    add(
        m,
        Fn.of(
            "strconv.QuoteToGraphic",
            1,
            a -> quote(string("strconv.QuoteToGraphic", a, 0), '"', Quoting.GRAPHIC)));
    add(
        m,
        Fn.of(
            "strconv.QuoteRuneToGraphic",
            1,
            a ->
                quote(
                    Character.toString(rune("strconv.QuoteRuneToGraphic", a)),
                    '\'',
                    Quoting.GRAPHIC)));
    add(
        m,
        Fn.of(
            "strconv.Unquote",
            1,
            a -> {
              try {
                return Parser.unquote(string("strconv.Unquote", a, 0));
              } catch (IllegalArgumentException e) {
                throw new BuiltinException(e.getMessage());
              }
            }));
    add(m, Fn.constant("strconv.IntSize", BigInteger.valueOf(64)));
  }

  private static void add(Map<String, Builtin> m, Builtin b) {
    m.put(b.name().substring(b.name().indexOf('.') + 1), b);
  }

  private static int rune(String fn, List<Object> a) {
    var b = Args.bigInt(fn, a, 0);
    if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) > 0) {
      return 0xFFFD;
    }
    int cp = b.intValue();
    return Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp;
  }

  private static BuiltinException numError(String fn, String s, String what) {
    return new BuiltinException("strconv." + fn + ": parsing " + Json.quote(s) + ": " + what);
  }

  static boolean parseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw numError("ParseBool", s, "invalid syntax");
    };
  }

  static BigInteger parseInt(String fn, String s, int base, int bitSize, boolean unsigned) {
    if (bitSize < 0) {
      throw numError(fn, s, "value out of range");
    }
    var v = parseBig(s, base);
    if (v == null) {
      throw numError(fn, s, "invalid syntax");
    }
    if (unsigned && v.signum() < 0) {
      throw numError(fn, s, "value out of range");
    }
    if (bitSize == 0) {
      return v;
    }
    boolean fits = unsigned ? v.bitLength() <= bitSize : v.bitLength() <= bitSize - 1;
    if (!fits) {
      throw numError(fn, s, "value out of range");
    }
    return v;
  }

  /** Go's big.Int SetString: optional sign; base 0 reads a prefix and allows underscores. */
  private static BigInteger parseBig(String s, int base) {
    if (base != 0 && (base < 2 || base > 62)) {
      return null;
    }
    int i = 0;
    boolean neg = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    boolean underscores = false;
    if (base == 0) {
      base = 10;
      underscores = true;
      if (s.startsWith("0", i) && i + 1 < s.length()) {
        char p = Character.toLowerCase(s.charAt(i + 1));
        if (p == 'x') {
          base = 16;
          i += 2;
        } else if (p == 'o') {
          base = 8;
          i += 2;
        } else if (p == 'b') {
          base = 2;
          i += 2;
        } else {
          base = 8;
          i += 1;
        }
      }
    }
    var digits = new StringBuilder();
    char prev = '_';
    boolean prefixed = i > 0 && (s.charAt(i - 1) == '0' || Character.isLetter(s.charAt(i - 1)));
    for (int k = i; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '_' && underscores) {
        if (prev == '_' && !(k == i && prefixed)) {
          return null;
        }
        prev = c;
        continue;
      }
      int d = digitValue(c, base);
      if (d < 0) {
        return null;
      }
      digits.append(c);
      prev = c;
    }
    if (prev == '_' && digits.length() > 0) {
      return null;
    }
    if (digits.length() == 0) {
      // "0" alone read as octal prefix: the value zero
      return i > 0 && s.charAt(i - 1) == '0' && base == 8 && i == s.length()
          ? BigInteger.ZERO
          : null;
    }
    BigInteger v = BigInteger.ZERO;
    var b = BigInteger.valueOf(base);
    for (int k = 0; k < digits.length(); k++) {
      v = v.multiply(b).add(BigInteger.valueOf(digitValue(digits.charAt(k), base)));
    }
    return neg ? v.negate() : v;
  }

  private static int digitValue(char c, int base) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'z') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'Z') {
      d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
    } else {
      return -1;
    }
    return d < base ? d : -1;
  }

  static String formatInt(BigInteger v, int base) {
    if (base < 2 || base > 62) {
      throw new BuiltinException("strconv: illegal AppendInt/FormatInt base");
    }
    if (base <= 36) {
      return v.toString(base);
    }
    if (v.signum() == 0) {
      return "0";
    }
    var sb = new StringBuilder();
    var b = BigInteger.valueOf(base);
    var x = v.abs();
    while (x.signum() > 0) {
      var qr = x.divideAndRemainder(b);
      sb.append(DIGITS62.charAt(qr[1].intValue()));
      x = qr[0];
    }
    if (v.signum() < 0) {
      sb.append('-');
    }
    return sb.reverse().toString();
  }

  static BigDecimal parseFloat(String s, int bitSize) {
    var t = s.replace("_", "");
    if (t.isEmpty() || !FLOAT_SYNTAX.matcher(t).matches()) {
      var l = t.toLowerCase(java.util.Locale.ROOT);
      if (SPECIAL_FLOAT.matcher(l).matches()) {
        throw numError("ParseFloat", s, "value out of range");
      }
      throw numError("ParseFloat", s, "invalid syntax");
    }
    double d = Double.parseDouble(t);
    if (bitSize == 32) {
      float f = (float) d;
      if (Float.isInfinite(f)) {
        throw numError("ParseFloat", s, "value out of range");
      }
      return MathPackage.fromDouble(f, true);
    }
    if (Double.isInfinite(d)) {
      throw numError("ParseFloat", s, "value out of range");
    }
    return MathPackage.fromDouble(d, false);
  }

  private static Object formatFloatCall(List<Object> a) {
    double f = Args.number("strconv.FormatFloat", a, 0).doubleValue();
    var fmtVal = a.get(1);
    char fmt;
    if (fmtVal instanceof String s) {
      if (s.length() != 1) {
        throw new BuiltinException("expected single character string");
      }
      fmt = s.charAt(0);
    } else if (fmtVal instanceof BigInteger n) {
      if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(255)) > 0) {
        throw new BuiltinException("format value " + n + " out of range [0, 255]");
      }
      fmt = (char) n.intValue();
    } else {
      throw new BuiltinException("unexpected kind " + Concrete.typeName(fmtVal));
    }
    int prec = intValue("strconv.FormatFloat", a, 2);
    int bitSize = intValue("strconv.FormatFloat", a, 3);
    return formatFloat(f, fmt, prec, bitSize);
  }

  /** Go's strconv.FormatFloat for the formats e, E, f, g, G. */
  static String formatFloat(double f, char fmt, int prec, int bitSize) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = f < 0 || (f == 0 && 1 / f < 0);
    double abs = Math.abs(f);
    boolean shortest = prec < 0;
    // digits d1d2...dn with value 0.d1d2...dn * 10^dp
    String digs;
    int dp;
    BigDecimal exact = bitSize == 32 ? new BigDecimal((float) abs) : new BigDecimal(abs);
    if (shortest) {
      var s =
          new BigDecimal(bitSize == 32 ? Float.toString((float) abs) : Double.toString(abs))
              .stripTrailingZeros();
      digs = s.unscaledValue().toString();
      dp = s.signum() == 0 ? 0 : s.precision() - s.scale();
      if (s.signum() == 0) {
        digs = "";
      }
    } else {
      BigDecimal r;
      switch (fmt) {
        case 'e', 'E' -> r = exact.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
        case 'f' -> r = exact.setScale(prec, RoundingMode.HALF_EVEN);
        case 'g', 'G' ->
            r = exact.round(new MathContext(prec == 0 ? 1 : prec, RoundingMode.HALF_EVEN));
        default -> throw new BuiltinException("strconv.FormatFloat: unsupported format " + fmt);
      }
      if (r.signum() == 0) {
        digs = "";
        dp = 0;
      } else {
        r = r.stripTrailingZeros();
        digs = r.unscaledValue().toString();
        dp = r.precision() - r.scale();
      }
    }
    var sb = new StringBuilder();
    if (neg) {
      sb.append('-');
    }
    int nd = digs.length();
    switch (fmt) {
      case 'e', 'E' -> fmtE(sb, digs, dp, shortest ? Math.max(nd - 1, 0) : prec, fmt);
      case 'f' -> fmtF(sb, digs, dp, shortest ? Math.max(nd - dp, 0) : prec);
      case 'g', 'G' -> {
        int p = shortest ? nd : (prec == 0 ? 1 : prec);
        int eprec = p;
        if (eprec > nd && nd >= dp) {
          eprec = nd;
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = dp - 1;
        if (nd == 0) {
          exp = 0;
        }
        if (exp < -4 || exp >= eprec) {
          if (p > nd) {
            p = nd;
          }
          fmtE(sb, digs, dp, Math.max(p - 1, 0), fmt == 'g' ? 'e' : 'E');
        } else {
          if (p > dp) {
            p = nd;
          }
          fmtF(sb, digs, dp, Math.max(p - dp, 0));
        }
      }
      default -> throw new BuiltinException("strconv.FormatFloat: unsupported format " + fmt);
    }
    return sb.toString();
  }

  private static void fmtE(StringBuilder sb, String digs, int dp, int prec, char e) {
    sb.append(digs.isEmpty() ? '0' : digs.charAt(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(i < digs.length() ? digs.charAt(i) : '0');
      }
    }
    sb.append(e);
    int exp = digs.isEmpty() ? 0 : dp - 1;
    sb.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    sb.append(exp);
  }

  private static void fmtF(StringBuilder sb, String digs, int dp, int prec) {
    if (dp > 0) {
      for (int i = 0; i < dp; i++) {
        sb.append(i < digs.length() ? digs.charAt(i) : '0');
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        int j = dp + i;
        sb.append(j >= 0 && j < digs.length() ? digs.charAt(j) : '0');
      }
    }
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /** Go's unicode.IsGraphic: what IsPrint accepts, and every space separator. */
  static boolean isGraphic(int cp) {
    return isPrint(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR;
  }

  /** Which characters the quote functions keep as they are. */
  enum Quoting {
    PRINT,
    ASCII,
    GRAPHIC
  }

  /** Go's strconv.Quote / QuoteToASCII / QuoteToGraphic and their rune forms. */
  static String quote(String s, char q, Quoting mode) {
    var sb = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
        sb.append("\\ufffd");
        continue;
      }
      if (cp == q || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
        continue;
      }
      boolean keep =
          switch (mode) {
            case PRINT -> isPrint(cp);
            case ASCII -> cp < 0x7F && isPrint(cp);
            case GRAPHIC -> isGraphic(cp);
          };
      if (keep) {
        sb.appendCodePoint(cp);
        continue;
      }
      switch (cp) {
        case 0x07 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 0x0B -> sb.append("\\v");
        default -> {
          if (cp < ' ' || cp == 0x7F) {
            sb.append(String.format("\\x%02x", cp));
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
    return sb.append(q).toString();
  }
}
