package io.vela4j.cue.internal.builtins;

import static io.vela4j.cue.internal.builtins.Args.intValue;
import static io.vela4j.cue.internal.builtins.Args.string;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.vela4j.cue.internal.Regexes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CUE's {@code regexp} package on RE2/J (RE2 syntax and semantics, like Go's regexp). */
final class RegexpPackage {
  private RegexpPackage() {}

  static void register(Map<String, Builtin> m) {
    add(m, Fn.of("regexp.Match", 2, a -> compile(a, "Match").matcher(s(a, 1, "Match")).find()));
    add(m, Fn.of("regexp.Valid", 1, a -> valid(s(a, 0, "Valid"))));
    add(m, Fn.of("regexp.QuoteMeta", 1, a -> quoteMeta(s(a, 0, "QuoteMeta"))));
    add(
        m,
        Fn.of(
            "regexp.Find",
            2,
            a -> {
              var mt = compile(a, "Find").matcher(s(a, 1, "Find"));
              if (!mt.find()) {
                throw new BuiltinException("no match");
              }
              return mt.group();
            }));
    add(
        m,
        Fn.of(
            "regexp.FindAll",
            3,
            a -> {
              var out = new ArrayList<Object>();
              for (var g : findAll(a, "FindAll")) {
                out.add(g.get(0));
              }
              return List.copyOf(out);
            }));
    add(
        m,
        Fn.of(
            "regexp.FindSubmatch",
            2,
            a -> {
              var mt = compile(a, "FindSubmatch").matcher(s(a, 1, "FindSubmatch"));
              if (!mt.find()) {
                throw new BuiltinException("no match");
              }
              return groups(mt);
            }));
    add(
        m,
        Fn.of(
            "regexp.FindAllSubmatch", 3, a -> List.<Object>copyOf(findAll(a, "FindAllSubmatch"))));
    add(
        m,
        Fn.of(
            "regexp.FindNamedSubmatch",
            2,
            a -> {
              var p = compile(a, "FindNamedSubmatch");
              var mt = p.matcher(s(a, 1, "FindNamedSubmatch"));
              if (!mt.find()) {
                throw new BuiltinException("no match");
              }
              return named(p, mt);
            }));
    add(
        m,
        Fn.of(
            "regexp.FindAllNamedSubmatch",
            3,
            a -> {
              var p = compile(a, "FindAllNamedSubmatch");
              var mt = p.matcher(s(a, 1, "FindAllNamedSubmatch"));
              int n = intValue("regexp.FindAllNamedSubmatch", a, 2);
              var out = new ArrayList<Object>();
              while ((n < 0 || out.size() < n) && mt.find()) {
                out.add(named(p, mt));
              }
              if (out.isEmpty()) {
                throw new BuiltinException("no match");
              }
              return List.copyOf(out);
            }));
    add(
        m,
        Fn.of(
            "regexp.ReplaceAll",
            3,
            a ->
                replaceAll(
                    compile(a, "ReplaceAll"),
                    s(a, 1, "ReplaceAll"),
                    s(a, 2, "ReplaceAll"),
                    false)));
    add(
        m,
        Fn.of(
            "regexp.ReplaceAllLiteral",
            3,
            a ->
                replaceAll(
                    compile(a, "ReplaceAllLiteral"),
                    s(a, 1, "ReplaceAllLiteral"),
                    s(a, 2, "ReplaceAllLiteral"),
                    true)));
  }

  /** Go's regexp.QuoteMeta: a backslash before each regular expression metacharacter. */
  static String quoteMeta(String s) {
    var sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static void add(Map<String, Builtin> m, Builtin b) {
    m.put(b.name().substring(b.name().indexOf('.') + 1), b);
  }

  private static String s(List<Object> a, int i, String fn) {
    return string("regexp." + fn, a, i);
  }

  static Pattern compile(String re) {
    try {
      return Regexes.compile(re);
    } catch (PatternSyntaxException e) {
      throw new BuiltinException(e.getMessage());
    }
  }

  private static Pattern compile(List<Object> a, String fn) {
    return compile(s(a, 0, fn));
  }

  /** Like CUE: true for a valid expression, the parse error otherwise. */
  private static boolean valid(String re) {
    compile(re);
    return true;
  }

  private static List<List<Object>> findAll(List<Object> a, String fn) {
    var mt = compile(a, fn).matcher(s(a, 1, fn));
    int n = intValue("regexp." + fn, a, 2);
    var out = new ArrayList<List<Object>>();
    while ((n < 0 || out.size() < n) && mt.find()) {
      out.add(groups(mt));
    }
    if (out.isEmpty()) {
      throw new BuiltinException("no match");
    }
    return out;
  }

  private static List<Object> groups(Matcher mt) {
    var out = new ArrayList<Object>();
    for (int i = 0; i <= mt.groupCount(); i++) {
      var g = mt.group(i);
      out.add(g == null ? "" : g);
    }
    return List.copyOf(out);
  }

  private static Map<String, Object> named(Pattern p, Matcher mt) {
    // CUE turns Go's map[string]string into a struct with sorted labels (cue-oracle agrees)
    var out = new LinkedHashMap<String, Object>();
    var names = new ArrayList<>(p.namedGroups().keySet());
    names.sort(StringsPackage::compareCodePoints);
    for (var name : names) {
      var g = mt.group(name);
      out.put(name, g == null ? "" : g);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String replaceAll(Pattern p, String src, String repl, boolean literal) {
    var mt = p.matcher(src);
    var sb = new StringBuilder();
    int last = 0;
    while (mt.find()) {
      sb.append(src, last, mt.start());
      sb.append(literal ? repl : expand(p, mt, repl));
      last = mt.end();
    }
    sb.append(src, last, src.length());
    return sb.toString();
  }

  /** Go's Regexp.Expand: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
  private static String expand(Pattern p, Matcher mt, String template) {
    var sb = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        sb.append(c);
        i++;
        continue;
      }
      char d = template.charAt(i + 1);
      if (d == '$') {
        sb.append('$');
        i += 2;
        continue;
      }
      String name;
      int next;
      if (d == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0) {
          sb.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 2, close);
        next = close + 1;
      } else {
        int j = i + 1;
        while (j < template.length()
            && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
          j++;
        }
        name = template.substring(i + 1, j);
        next = j;
      }
      if (name.isEmpty()) {
        sb.append(c);
        i++;
        continue;
      }
      sb.append(group(p, mt, name));
      i = next;
    }
    return sb.toString();
  }

  private static String group(Pattern p, Matcher mt, String name) {
    String g = null;
    if (name.chars().allMatch(Character::isDigit)) {
      try {
        int k = Integer.parseInt(name);
        if (k <= mt.groupCount()) {
          g = mt.group(k);
        }
      } catch (NumberFormatException e) {
        g = null;
      }
    } else if (p.namedGroups().containsKey(name)) {
      g = mt.group(name);
    }
    return g == null ? "" : g;
  }
}
