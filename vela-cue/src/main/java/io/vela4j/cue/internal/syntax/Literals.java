package io.vela4j.cue.internal.syntax;

import io.vela4j.cue.internal.syntax.Token.StringShape;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Decoding of number and string literals (values, escapes, multi-line indentation). */
final class Literals {
  private Literals() {}

  private static final String MULTIPLIERS = "KMGTP";

  /**
   * The value of an integer literal already validated by the lexer: decimal, {@code 0x}, {@code
   * 0o}, {@code 0b}, with {@code _}, or with a multiplier ({@code 1Ki}, {@code 1.5G}: truncated
   * towards zero).
   */
  static BigInteger intValue(String text) {
    // Most literals are short decimals: read them as a long, without an intermediate string.
    long small = smallDecimal(text);
    if (small >= 0) {
      return BigInteger.valueOf(small);
    }
    String t = text.replace("_", "");
    if (t.length() > 2 && t.charAt(0) == '0') {
      switch (t.charAt(1)) {
        case 'x':
        case 'X':
          return new BigInteger(t.substring(2), 16);
        case 'o':
          return new BigInteger(t.substring(2), 8);
        case 'b':
          return new BigInteger(t.substring(2), 2);
        default:
          break;
      }
    }
    int end = t.length();
    boolean binary = false;
    if (end > 0 && t.charAt(end - 1) == 'i') {
      binary = true;
      end--;
    }
    int power = end > 0 ? MULTIPLIERS.indexOf(t.charAt(end - 1)) + 1 : 0;
    if (power == 0) {
      return new BigInteger(t);
    }
    BigDecimal mantissa = new BigDecimal(t.substring(0, end - 1));
    BigInteger base = BigInteger.valueOf(binary ? 1024 : 1000).pow(power);
    return mantissa.multiply(new BigDecimal(base)).toBigInteger();
  }

  /** The value of a plain decimal literal of 1 to 18 digits, else -1. */
  static long smallDecimal(String text) {
    int n = text.length();
    if (n == 0 || n > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The value of a float literal ({@code 1.5}, {@code 1.}, {@code .5}, {@code 1e3}). */
  static BigDecimal floatValue(String text) {
    return new BigDecimal(text.replace("_", ""));
  }

  /**
   * A raw part of a string literal: source range [start, end); {@code lineStart} when the part
   * begins at the start of a line of a multi-line literal.
   */
  record Part(int start, int end, boolean lineStart) {}

  /**
   * Decodes the parts of one string literal (one part per fragment between interpolations).
   *
   * @param indent the whitespace before the closing quotes of a multi-line literal
   */
  static List<String> decode(Lexer lx, StringShape shape, List<Part> parts, String indent) {
    List<String> out = new ArrayList<>(parts.size());
    for (Part p : parts) {
      out.add(decodePart(lx, shape, p, indent));
    }
    return out;
  }

  private static String decodePart(Lexer lx, StringShape shape, Part part, String indent) {
    String src = lx.source();
    StringBuilder sb = new StringBuilder(part.end() - part.start());
    boolean bytes = shape.bytes();
    boolean lineStart = shape.multiline() && part.lineStart();
    int i = part.start();
    int end = part.end();
    while (i < end) {
      char c = src.charAt(i);
      if (lineStart) {
        lineStart = false;
        boolean emptyLine = c == '\n' || c == '\r' && i + 1 < end && src.charAt(i + 1) == '\n';
        if (!emptyLine) {
          if (!src.startsWith(indent, i)) {
            throw lx.error(
                i,
                "invalid whitespace: each line of a multiline string must start with the"
                    + " indentation of its closing quotes");
          }
          i += indent.length();
          continue;
        }
      }
      if (c == '\r') {
        i++;
        continue;
      }
      if (c == '\n') {
        sb.append('\n');
        i++;
        lineStart = shape.multiline();
        continue;
      }
      if (c == '\\') {
        int h = i + 1;
        int n = 0;
        while (n < shape.hashes() && h < end && src.charAt(h) == '#') {
          h++;
          n++;
        }
        if (n < shape.hashes()) {
          sb.append('\\');
          i++;
          continue;
        }
        i = escape(lx, shape, h, end, sb);
        if (i > 0 && src.charAt(i - 1) == '\n') {
          lineStart = shape.multiline();
        }
        continue;
      }
      int cp = src.codePointAt(i);
      appendCodePoint(sb, cp, bytes);
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static void appendCodePoint(StringBuilder sb, int cp, boolean bytes) {
    if (!bytes || cp < 0x80) {
      sb.appendCodePoint(cp);
      return;
    }
    for (byte b :
        new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      sb.append((char) (b & 0xFF));
    }
  }

  /** Decodes the escape whose letter is at {@code e}; returns the offset after it. */
  private static int escape(Lexer lx, StringShape shape, int e, int end, StringBuilder sb) {
    String src = lx.source();
    if (e >= end) {
      throw lx.error(e, "unknown escape sequence");
    }
    char c = src.charAt(e);
    switch (c) {
      case 'a':
        sb.append('\u0007');
        return e + 1;
      case 'b':
        sb.append('\b');
        return e + 1;
      case 'f':
        sb.append('\f');
        return e + 1;
      case 'n':
        sb.append('\n');
        return e + 1;
      case 'r':
        sb.append('\r');
        return e + 1;
      case 't':
        sb.append('\t');
        return e + 1;
      case 'v':
        sb.append('\u000b');
        return e + 1;
      case '/':
      case '\\':
        sb.append(c);
        return e + 1;
      case '\'':
      case '"':
        if (c != shape.quote()) {
          throw lx.error(e, "unknown escape sequence");
        }
        sb.append(c);
        return e + 1;
      case '\n':
        // A backslash at the end of a line elides the newline.
        return e + 1;
      case '\r':
        return e + 1 < end && src.charAt(e + 1) == '\n' ? e + 2 : e + 1;
      case 'u':
      case 'U':
        {
          int n = c == 'u' ? 4 : 8;
          int v = hex(lx, e + 1, n, end);
          int next = e + 1 + n;
          if (v >= 0xDC00 && v < 0xE000) {
            throw lx.error(e, "unmatched surrogate pair");
          }
          if (v >= 0xD800 && v < 0xDC00) {
            // Surrogate halves are allowed in pairs and combined (spec; cue does the same).
            long low = lowSurrogate(lx, shape, next, end);
            if (low < 0) {
              throw lx.error(e, "unmatched surrogate pair");
            }
            v = 0x10000 + ((v - 0xD800) << 10) + ((int) (low & 0xFFFF) - 0xDC00);
            next = (int) (low >>> 32);
          }
          if (v < 0 || v > 0x10FFFF) {
            throw lx.error(e, "escape sequence is invalid Unicode code point");
          }
          appendCodePoint(sb, v, shape.bytes());
          return next;
        }
      case 'x':
        if (!shape.bytes()) {
          throw lx.error(e, "hexadecimal escape \\x is only allowed in bytes literals");
        }
        sb.append((char) hex(lx, e + 1, 2, end));
        return e + 3;
      default:
        if (c >= '0' && c <= '7') {
          if (!shape.bytes()) {
            throw lx.error(e, "octal escape is only allowed in bytes literals");
          }
          int v = 0;
          for (int k = 0; k < 3; k++) {
            char d = e + k < end ? src.charAt(e + k) : '\0';
            if (d < '0' || d > '7') {
              throw lx.error(e + k, "illegal character in octal escape sequence");
            }
            v = v * 8 + (d - '0');
          }
          if (v > 255) {
            throw lx.error(e, "octal escape value > 255: " + v);
          }
          sb.append((char) v);
          return e + 3;
        }
        throw lx.error(e, "unknown escape sequence");
    }
  }

  /**
   * Reads the low-surrogate escape expected at {@code i}; returns {@code (endOffset << 32) |
   * value}, or -1 when there is none.
   */
  private static long lowSurrogate(Lexer lx, StringShape shape, int i, int end) {
    String src = lx.source();
    if (i >= end || src.charAt(i) != '\\') {
      return -1;
    }
    int k = i + 1;
    for (int h = 0; h < shape.hashes(); h++, k++) {
      if (k >= end || src.charAt(k) != '#') {
        return -1;
      }
    }
    if (k >= end || src.charAt(k) != 'u' && src.charAt(k) != 'U') {
      return -1;
    }
    int n = src.charAt(k) == 'u' ? 4 : 8;
    int low = hex(lx, k + 1, n, end);
    if (low < 0xDC00 || low >= 0xE000) {
      return -1;
    }
    return ((long) (k + 1 + n) << 32) | low;
  }

  private static int hex(Lexer lx, int start, int n, int end) {
    String src = lx.source();
    long v = 0;
    for (int k = 0; k < n; k++) {
      int d = start + k < end ? Character.digit(src.charAt(start + k), 16) : -1;
      if (d < 0 || src.charAt(start + k) > 127) {
        throw lx.error(start + k, "illegal character in escape sequence");
      }
      v = v * 16 + d;
    }
    return v > Integer.MAX_VALUE ? -1 : (int) v;
  }
}
