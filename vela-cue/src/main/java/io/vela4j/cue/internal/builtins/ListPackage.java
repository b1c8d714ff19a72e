package io.vela4j.cue.internal.builtins;

import static io.vela4j.cue.internal.builtins.Args.intValue;
import static io.vela4j.cue.internal.builtins.Args.list;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * CUE's {@code list} package on concrete lists. {@code list.Ascending} and {@code list.Descending}
 * are the constants {@link SortOrder#ASCENDING} and {@link SortOrder#DESCENDING}: the evaluator
 * passes them through unchanged to {@code list.Sort}/{@code list.IsSorted}; a user-written
 * comparator struct needs the evaluator's own unification and is not handled here.
 */
final class ListPackage {

  private ListPackage() {}

  /** The two predeclared comparators of {@code list.Sort}. */
  enum SortOrder {
    /** {@code list.Ascending}: {@code x < y} on numbers or strings. */
    ASCENDING,
    /** {@code list.Descending}: {@code x > y} on numbers or strings. */
    DESCENDING
  }

  static void register(Map<String, Builtin> m) {
    add(m, Fn.constant("list.Ascending", SortOrder.ASCENDING));
    add(m, Fn.constant("list.Descending", SortOrder.DESCENDING));
    add(
        m,
        Fn.of(
            "list.Concat",
            1,
            a -> {
              var out = new ArrayList<Object>();
              var outer = list("list.Concat", a, 0);
              for (var e : outer) {
                if (!(e instanceof List<?> l)) {
                  throw new BuiltinException(
                      "cannot use value "
                          + Concrete.describe(e)
                          + " (type "
                          + Concrete.typeName(e)
                          + ") as list");
                }
                out.addAll(l);
              }
              return List.copyOf(out);
            }));
    add(
        m,
        Fn.of(
            "list.Contains",
            2,
            a -> {
              for (var e : list("list.Contains", a, 0)) {
                // CUE's Value.Equals: an int never equals a float (list.Contains([2], 2.0) is
                // false)
                if (Concrete.typeName(e).equals(Concrete.typeName(a.get(1)))
                    && Concrete.equal(e, a.get(1))) {
                  return true;
                }
              }
              return false;
            }));
    add(m, Fn.of("list.Sort", 2, a -> sort("list.Sort", list("list.Sort", a, 0), a.get(1))));
    add(
        m,
        Fn.of(
            "list.SortStable",
            2,
            a -> sort("list.SortStable", list("list.SortStable", a, 0), a.get(1))));
    add(
        m,
        Fn.of(
            "list.SortStrings",
            1,
            a -> {
              var l = new ArrayList<String>(Args.stringList("list.SortStrings", a, 0));
              l.sort(StringsPackage::compareCodePoints);
              return List.<Object>copyOf(l);
            }));
    add(
        m,
        Fn.of(
            "list.IsSorted",
            2,
            a -> {
              var l = list("list.IsSorted", a, 0);
              return sort("list.IsSorted", l, a.get(1)).equals(l);
            }));
    add(
        m,
        Fn.of(
            "list.IsSortedStrings",
            1,
            a -> {
              var l = Args.stringList("list.IsSortedStrings", a, 0);
              for (int i = 1; i < l.size(); i++) {
                if (StringsPackage.compareCodePoints(l.get(i - 1), l.get(i)) > 0) {
                  return false;
                }
              }
              return true;
            }));
    add(
        m,
        Fn.of(
            "list.FlattenN",
            2,
            a -> {
              var out = new ArrayList<Object>();
              flatten(list("list.FlattenN", a, 0), intValue("list.FlattenN", a, 1), out);
              return List.copyOf(out);
            }));
    add(m, Fn.sized("list.Range", 3, ListPackage::range));
    add(
        m,
        Fn.sized(
            "list.Repeat",
            2,
            (a, lim) -> {
              var l = list("list.Repeat", a, 0);
              int n = intValue("list.Repeat", a, 1);
              if (n < 0) {
                throw new BuiltinException("negative count");
              }
              lim.checkValues((long) l.size() * n);
              var out = new ArrayList<Object>();
              for (int i = 0; i < n; i++) {
                out.addAll(l);
              }
              return List.copyOf(out);
            }));
    add(
        m,
        Fn.of(
            "list.Slice",
            3,
            a -> {
              var l = list("list.Slice", a, 0);
              int i = intValue("list.Slice", a, 1);
              int j = intValue("list.Slice", a, 2);
              if (i < 0) {
                throw new BuiltinException("negative index");
              }
              if (i > j) {
                throw new BuiltinException("invalid index: " + i + " > " + j);
              }
              if (i > l.size() || j > l.size()) {
                throw new BuiltinException("slice bounds out of range");
              }
              return List.copyOf(l.subList(i, j));
            }));
    add(
        m,
        Fn.of(
            "list.Take",
            2,
            a -> {
              var l = list("list.Take", a, 0);
              int n = intValue("list.Take", a, 1);
              if (n < 0) {
                throw new BuiltinException("negative index");
              }
              return List.copyOf(l.subList(0, Math.min(n, l.size())));
            }));
    add(
        m,
        Fn.of(
            "list.Drop",
            2,
            a -> {
              var l = list("list.Drop", a, 0);
              int n = intValue("list.Drop", a, 1);
              if (n < 0) {
                throw new BuiltinException("negative index");
              }
              return n > l.size() ? List.of() : List.copyOf(l.subList(n, l.size()));
            }));
    add(
        m,
        Fn.of(
            "list.Reverse",
            1,
            a -> {
              var out = new ArrayList<Object>(list("list.Reverse", a, 0));
              java.util.Collections.reverse(out);
              return List.copyOf(out);
            }));
    add(m, Fn.of("list.Max", 1, a -> extreme("list.Max", a, true)));
    add(m, Fn.of("list.Min", 1, a -> extreme("list.Min", a, false)));
    add(m, Fn.of("list.Sum", 1, a -> sum(a)));
    add(m, Fn.of("list.Product", 1, a -> product(a)));
    add(
        m,
        Fn.of(
            "list.Avg",
            1,
            a -> {
              var l = Args.numberList("list.Avg", a, 0);
              if (l.isEmpty()) {
                throw new BuiltinException("empty list");
              }
              var s = BigDecimal.ZERO;
              for (var d : l) {
                s = s.add(d);
              }
              return Concrete.divide(s, BigDecimal.valueOf(l.size()));
            }));
    add(
        m,
        Fn.validator(
            "list.UniqueItems",
            1,
            a -> {
              var seen = new HashSet<String>();
              for (var e : list("list.UniqueItems", a, 0)) {
                if (!seen.add(Concrete.typeName(e) + ":" + Json.marshal(e))) {
                  return false;
                }
              }
              return true;
            }));
    add(
        m,
        Fn.validator(
            "list.MinItems",
            2,
            a -> {
              int count = list("list.MinItems", a, 0).size();
              int n = intValue("list.MinItems", a, 1);
              if (count < n) {
                throw new BuiltinException(
                    "len(list) < MinItems(" + n + ") (" + count + " < " + n + ")");
              }
              return true;
            }));
    add(
        m,
        Fn.validator(
            "list.MaxItems",
            2,
            a -> {
              int count = list("list.MaxItems", a, 0).size();
              int n = intValue("list.MaxItems", a, 1);
              if (count > n) {
                throw new BuiltinException(
                    "len(list) > MaxItems(" + n + ") (" + count + " > " + n + ")");
              }
              return true;
            }));
  }

  private static void add(Map<String, Builtin> m, Builtin b) {
    m.put(b.name().substring(b.name().indexOf('.') + 1), b);
  }

  private static List<Object> sort(String fn, List<Object> l, Object cmp) {
    if (!(cmp instanceof SortOrder order)) {
      throw new BuiltinException(
          fn + ": only list.Ascending and list.Descending are supported as comparators");
    }
    boolean numbers = l.stream().allMatch(e -> e instanceof Number);
    boolean strings = l.stream().allMatch(e -> e instanceof String);
    if (!numbers && !strings) {
      var bad =
          l.stream()
              .filter(e -> !(e instanceof Number) && !(e instanceof String))
              .findFirst()
              .orElse(l.get(0));
      throw new BuiltinException(
          fn
              + ": invalid list element "
              + Concrete.describe(bad)
              + ": list.Ascending and list.Descending need all numbers or all strings");
    }
    Comparator<Object> c =
        numbers
            ? (x, y) -> Concrete.toDecimal((Number) x).compareTo(Concrete.toDecimal((Number) y))
            : (x, y) -> StringsPackage.compareCodePoints((String) x, (String) y);
    if (order == SortOrder.DESCENDING) {
      c = c.reversed();
    }
    var out = new ArrayList<Object>(l);
    out.sort(c);
    return List.copyOf(out);
  }

  private static void flatten(List<?> l, int depth, List<Object> out) {
    for (var e : l) {
      if (e instanceof List<?> inner && depth != 0) {
        flatten(inner, depth - 1, out);
      } else {
        out.add(e);
      }
    }
  }

  private static Object range(List<Object> a, ResultLimits lim) {
    var start = Args.rawNumber("list.Range", a, 0);
    var limit = Args.rawNumber("list.Range", a, 1);
    var step = Args.rawNumber("list.Range", a, 2);
    boolean ints =
        start instanceof BigInteger && limit instanceof BigInteger && step instanceof BigInteger;
    var s = Concrete.toDecimal(start);
    var l = Concrete.toDecimal(limit);
    var st = Concrete.toDecimal(step);
    if (st.signum() == 0) {
      throw new BuiltinException("step must be non zero");
    }
    if (st.signum() > 0 && s.compareTo(l) > 0) {
      throw new BuiltinException("end must be greater than start when step is positive");
    }
    if (st.signum() < 0 && s.compareTo(l) < 0) {
      throw new BuiltinException("end must be less than start when step is negative");
    }
    var out = new ArrayList<Object>();
    while (st.signum() > 0 ? s.compareTo(l) < 0 : s.compareTo(l) > 0) {
      if (out.size() >= lim.maxValues()) {
        lim.checkValues(out.size() + 1L);
      }
      out.add(ints ? s.toBigIntegerExact() : s);
      s = s.add(st);
    }
    return List.copyOf(out);
  }

  private static Object extreme(String fn, List<Object> a, boolean max) {
    var l = list(fn, a, 0);
    Args.numberList(fn, a, 0);
    if (l.isEmpty()) {
      throw new BuiltinException("empty list");
    }
    Object best = l.get(0);
    for (var e : l) {
      int c = Concrete.toDecimal((Number) e).compareTo(Concrete.toDecimal((Number) best));
      if (max ? c > 0 : c < 0) {
        best = e;
      }
    }
    return best;
  }

  private static Object sum(List<Object> a) {
    var l = list("list.Sum", a, 0);
    var ds = Args.numberList("list.Sum", a, 0);
    var s = BigDecimal.ZERO;
    for (var d : ds) {
      s = s.add(d);
    }
    return l.stream().allMatch(e -> e instanceof BigInteger) ? s.toBigIntegerExact() : s;
  }

  private static Object product(List<Object> a) {
    var l = list("list.Product", a, 0);
    var ds = Args.numberList("list.Product", a, 0);
    if (l.stream().allMatch(e -> e instanceof BigInteger)) {
      var r = BigInteger.ONE;
      for (var e : l) {
        r = r.multiply((BigInteger) e);
      }
      return r;
    }
    var p = BigDecimal.ONE;
    for (var d : ds) {
      p = p.multiply(d, Concrete.DECIMAL_CONTEXT);
    }
    return p;
  }
}
