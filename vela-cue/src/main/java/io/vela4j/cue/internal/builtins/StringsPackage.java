package io.vela4j.cue.internal.builtins;

import static io.vela4j.cue.internal.builtins.Args.intValue;
import static io.vela4j.cue.internal.builtins.Args.string;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CUE's {@code strings} package: Go's {@code strings} semantics on UTF-8 (indexes and counts are in
 * bytes where Go's are, runes where CUE's are), case mapping rune by rune like Go's {@code unicode}
 * package (no locale, no length-changing mappings).
 */
final class StringsPackage {
  private StringsPackage() {}

  static void register(Map<String, Builtin> m) {
    add(m, Fn.of("strings.Compare", 2, a -> cmp(s(a, 0, "Compare"), s(a, 1, "Compare"))));
    add(m, Fn.of("strings.Count", 2, a -> big(count(s(a, 0, "Count"), s(a, 1, "Count")))));
    add(m, Fn.of("strings.Contains", 2, a -> s(a, 0, "Contains").contains(s(a, 1, "Contains"))));
    add(
        m,
        Fn.of(
            "strings.ContainsAny",
            2,
            a -> indexAny(s(a, 0, "ContainsAny"), s(a, 1, "ContainsAny"), false) >= 0));
    add(m, Fn.of("strings.Index", 2, a -> big(index(s(a, 0, "Index"), s(a, 1, "Index")))));
    add(
        m,
        Fn.of(
            "strings.LastIndex",
            2,
            a -> big(lastIndex(s(a, 0, "LastIndex"), s(a, 1, "LastIndex")))));
    add(
        m,
        Fn.of(
            "strings.IndexAny",
            2,
            a -> big(indexAny(s(a, 0, "IndexAny"), s(a, 1, "IndexAny"), false))));
    add(
        m,
        Fn.of(
            "strings.LastIndexAny",
            2,
            a -> big(indexAny(s(a, 0, "LastIndexAny"), s(a, 1, "LastIndexAny"), true))));
    add(
        m,
        Fn.of(
            "strings.SplitN",
            3,
            a ->
                strs(
                    split(
                        s(a, 0, "SplitN"),
                        s(a, 1, "SplitN"),
                        intValue("strings.SplitN", a, 2),
                        false))));
    add(
        m,
        Fn.of(
            "strings.SplitAfterN",
            3,
            a ->
                strs(
                    split(
                        s(a, 0, "SplitAfterN"),
                        s(a, 1, "SplitAfterN"),
                        intValue("strings.SplitAfterN", a, 2),
                        true))));
    add(
        m,
        Fn.of("strings.Split", 2, a -> strs(split(s(a, 0, "Split"), s(a, 1, "Split"), -1, false))));
    add(
        m,
        Fn.of(
            "strings.SplitAfter",
            2,
            a -> strs(split(s(a, 0, "SplitAfter"), s(a, 1, "SplitAfter"), -1, true))));
    add(m, Fn.of("strings.Fields", 1, a -> strs(fields(s(a, 0, "Fields")))));
    add(
        m,
        Fn.sized(
            "strings.Join",
            2,
            (a, lim) -> join(Args.stringList("strings.Join", a, 0), s(a, 1, "Join"), lim)));
    add(
        m,
        Fn.of("strings.HasPrefix", 2, a -> s(a, 0, "HasPrefix").startsWith(s(a, 1, "HasPrefix"))));
    add(m, Fn.of("strings.HasSuffix", 2, a -> s(a, 0, "HasSuffix").endsWith(s(a, 1, "HasSuffix"))));
    add(
        m,
        Fn.sized(
            "strings.Repeat",
            2,
            (a, lim) -> repeat(s(a, 0, "Repeat"), Args.bigInt("strings.Repeat", a, 1), lim)));
    add(m, Fn.of("strings.ToUpper", 1, a -> mapRunes(s(a, 0, "ToUpper"), Character::toUpperCase)));
    add(m, Fn.of("strings.ToLower", 1, a -> mapRunes(s(a, 0, "ToLower"), Character::toLowerCase)));
    add(m, Fn.of("strings.ToTitle", 1, a -> wordStart(s(a, 0, "ToTitle"), true)));
    add(m, Fn.of("strings.ToCamel", 1, a -> wordStart(s(a, 0, "ToCamel"), false)));
    add(m, Fn.of("strings.Trim", 2, a -> trim(s(a, 0, "Trim"), s(a, 1, "Trim"), true, true)));
    add(
        m,
        Fn.of(
            "strings.TrimLeft",
            2,
            a -> trim(s(a, 0, "TrimLeft"), s(a, 1, "TrimLeft"), true, false)));
    add(
        m,
        Fn.of(
            "strings.TrimRight",
            2,
            a -> trim(s(a, 0, "TrimRight"), s(a, 1, "TrimRight"), false, true)));
    add(m, Fn.of("strings.TrimSpace", 1, a -> trimSpace(s(a, 0, "TrimSpace"))));
    add(
        m,
        Fn.of(
            "strings.TrimPrefix",
            2,
            a -> trimPrefix(s(a, 0, "TrimPrefix"), s(a, 1, "TrimPrefix"))));
    add(
        m,
        Fn.of(
            "strings.TrimSuffix",
            2,
            a -> trimSuffix(s(a, 0, "TrimSuffix"), s(a, 1, "TrimSuffix"))));
    add(
        m,
        Fn.sized(
            "strings.Replace",
            4,
            (a, lim) ->
                replace(
                    s(a, 0, "Replace"),
                    s(a, 1, "Replace"),
                    s(a, 2, "Replace"),
                    intValue("strings.Replace", a, 3),
                    lim)));
    add(
        m,
        Fn.validator(
            "strings.MinRunes",
            2,
            a -> runeCount(s(a, 0, "MinRunes")) >= intValue("strings.MinRunes", a, 1)));
    add(
        m,
        Fn.validator(
            "strings.MaxRunes",
            2,
            a -> runeCount(s(a, 0, "MaxRunes")) <= intValue("strings.MaxRunes", a, 1)));
    add(
        m,
        Fn.of(
            "strings.SliceRunes",
            3,
            a ->
                sliceRunes(
                    s(a, 0, "SliceRunes"),
                    intValue("strings.SliceRunes", a, 1),
                    intValue("strings.SliceRunes", a, 2))));
    add(m, Fn.of("strings.Runes", 1, a -> runes(s(a, 0, "Runes"))));
    add(
        m,
        Fn.of(
            "strings.ByteAt",
            2,
            a -> {
              var b = Args.bytesOrString("strings.ByteAt", a, 0);
              int i = intValue("strings.ByteAt", a, 1);
              if (i < 0 || i >= b.length) {
                throw new BuiltinException("index out of range");
              }
              return BigInteger.valueOf(b[i] & 0xFF);
            }));
    add(
        m,
        Fn.of(
            "strings.ByteSlice",
            3,
            a -> {
              var b = Args.bytesOrString("strings.ByteSlice", a, 0);
              int start = intValue("strings.ByteSlice", a, 1);
              int end = intValue("strings.ByteSlice", a, 2);
              if (start < 0 || start > end || end > b.length) {
                throw new BuiltinException("index out of range");
              }
              return new Concrete.Bytes(java.util.Arrays.copyOfRange(b, start, end));
            }));
  }

  private static void add(Map<String, Builtin> m, Builtin b) {
    m.put(b.name().substring(b.name().indexOf('.') + 1), b);
  }

  private static String s(List<Object> a, int i, String fn) {
    return string("strings." + fn, a, i);
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static List<Object> strs(List<String> l) {
    return List.copyOf(l);
  }

  private static BigInteger cmp(String a, String b) {
    // Go compares bytes of UTF-8; comparing code points gives the same order.
    int c = compareCodePoints(a, b);
    return BigInteger.valueOf(Integer.signum(c));
  }

  /** Byte-wise UTF-8 order, which equals code point order. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  static int utf8Len(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return n;
  }

  static int runeCount(String s) {
    return s.codePointCount(0, s.length());
  }

  private static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return runeCount(s) + 1L;
    }
    long n = 0;
    int i = 0;
    while ((i = s.indexOf(sub, i)) >= 0) {
      n++;
      i += sub.length();
    }
    return n;
  }

  private static int index(String s, String sub) {
    int i = s.indexOf(sub);
    return i < 0 ? -1 : utf8Len(s, 0, i);
  }

  private static int lastIndex(String s, String sub) {
    int i = s.lastIndexOf(sub);
    return i < 0 ? -1 : utf8Len(s, 0, i);
  }

  private static int indexAny(String s, String chars, boolean last) {
    if (chars.isEmpty()) {
      return -1;
    }
    int found = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (chars.indexOf(Character.toString(cp)) >= 0) {
        found = i;
        if (!last) {
          break;
        }
      }
      i += Character.charCount(cp);
    }
    return found < 0 ? -1 : utf8Len(s, 0, found);
  }

  private static List<String> explode(String s, int n) {
    var cps = s.codePoints().toArray();
    int l = cps.length;
    if (n < 0 || n > l) {
      n = l;
    }
    var out = new ArrayList<String>(n);
    int pos = 0;
    for (int i = 0; i < n - 1; i++) {
      var r = Character.toString(cps[i]);
      out.add(r);
      pos += r.length();
    }
    if (n > 0) {
      out.add(s.substring(pos));
    }
    return out;
  }

  static List<String> split(String s, String sep, int n, boolean after) {
    if (n == 0) {
      return List.of();
    }
    if (sep.isEmpty()) {
      return explode(s, n);
    }
    if (n < 0) {
      n = (int) Math.min(Integer.MAX_VALUE, count(s, sep) + 1);
    }
    var out = new ArrayList<String>();
    int start = 0;
    while (out.size() < n - 1) {
      int m = s.indexOf(sep, start);
      if (m < 0) {
        break;
      }
      out.add(s.substring(start, after ? m + sep.length() : m));
      start = m + sep.length();
    }
    out.add(s.substring(start));
    return out;
  }

  /** Go's unicode.IsSpace. */
  static boolean isSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      default -> cp > 0xFF && Character.isSpaceChar(cp);
    };
  }

  private static List<String> fields(String s) {
    var out = new ArrayList<String>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isSpace(cp)) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }

  private static String repeat(String s, BigInteger count, ResultLimits lim) {
    if (count.signum() < 0) {
      throw new BuiltinException("strings: negative Repeat count");
    }
    if (s.isEmpty()) {
      return s;
    }
    lim.checkString(
        count
            .multiply(BigInteger.valueOf(s.length()))
            .min(BigInteger.valueOf(Long.MAX_VALUE))
            .longValue());
    return s.repeat(count.intValueExact());
  }

  private static String join(List<String> elems, String sep, ResultLimits lim) {
    long length = elems.isEmpty() ? 0 : (long) sep.length() * (elems.size() - 1);
    for (String e : elems) {
      length += e.length();
    }
    lim.checkString(length);
    return String.join(sep, elems);
  }

  private static String mapRunes(String s, java.util.function.IntUnaryOperator f) {
    var sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(f.applyAsInt(cp)));
    return sb.toString();
  }

  private static String wordStart(String s, boolean title) {
    var sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(
          isSpace(prev) ? (title ? Character.toTitleCase(cp) : Character.toLowerCase(cp)) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static String trim(String s, String cutset, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    if (left) {
      while (start < end) {
        int cp = s.codePointAt(start);
        if (cutset.indexOf(Character.toString(cp)) < 0) {
          break;
        }
        start += Character.charCount(cp);
      }
    }
    if (right) {
      while (end > start) {
        int cp = s.codePointBefore(end);
        if (cutset.indexOf(Character.toString(cp)) < 0) {
          break;
        }
        end -= Character.charCount(cp);
      }
    }
    return s.substring(start, end);
  }

  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static String trimPrefix(String s, String p) {
    return s.startsWith(p) ? s.substring(p.length()) : s;
  }

  private static String trimSuffix(String s, String p) {
    return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
  }

  private static String replace(String s, String old, String neu, int n, ResultLimits lim) {
    if (n == 0 || old.equals(neu)) {
      return s;
    }
    if (neu.length() > old.length()) {
      lim.checkString(replacedLength(s, old, neu, n));
    }
    var sb = new StringBuilder();
    int done = 0;
    if (old.isEmpty()) {
      // matches at the start and after each rune
      int i = 0;
      while (true) {
        if (n < 0 || done < n) {
          sb.append(neu);
          done++;
        } else {
          sb.append(s, i, s.length());
          break;
        }
        if (i >= s.length()) {
          break;
        }
        int cp = s.codePointAt(i);
        sb.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      return sb.toString();
    }
    int start = 0;
    while (n < 0 || done < n) {
      int m = s.indexOf(old, start);
      if (m < 0) {
        break;
      }
      sb.append(s, start, m).append(neu);
      start = m + old.length();
      done++;
    }
    sb.append(s, start, s.length());
    return sb.toString();
  }

  /** The length {@link #replace} would give, counted without building it. */
  private static long replacedLength(String s, String old, String neu, int n) {
    long count;
    if (old.isEmpty()) {
      count = runeCount(s) + 1L;
    } else {
      count = 0;
      for (int i = s.indexOf(old);
          i >= 0 && (n < 0 || count < n);
          i = s.indexOf(old, i + old.length())) {
        count++;
      }
    }
    if (n >= 0) {
      count = Math.min(count, n);
    }
    return s.length() + count * (neu.length() - old.length());
  }

  private static String sliceRunes(String s, int start, int end) {
    int n = runeCount(s);
    if (start < 0 || start > end || end > n) {
      throw new BuiltinException("index out of range");
    }
    int from = s.offsetByCodePoints(0, start);
    int to = s.offsetByCodePoints(from, end - start);
    return s.substring(from, to);
  }

  private static List<Object> runes(String s) {
    var out = new ArrayList<Object>();
    s.codePoints().forEach(cp -> out.add(BigInteger.valueOf(cp)));
    return List.copyOf(out);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
