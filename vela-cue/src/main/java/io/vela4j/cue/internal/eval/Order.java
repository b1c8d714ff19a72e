package io.vela4j.cue.internal.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Field order of evaluated structs, as CUE v0.12+ exports them: each struct literal contributes a
 * chain of its labels; literals of successive declarations of the same field are chained one after
 * another, the operands of one {@code &} are not; a topological sort follows, ties and cycles
 * broken by byte-wise label order. Comprehensions iterate in insertion order instead.
 */
final class Order {
  private Order() {}

  /** The regular fields of a struct, in export order. */
  static List<Vertex> fields(Vertex v) {
    List<Vertex> out = new ArrayList<>();
    if (v.fieldOrder != null) {
      for (String l : v.fieldOrder) {
        Vertex a = v.arcs.get(l);
        if (a != null && a.isRegularField()) {
          out.add(a);
        }
      }
      if (out.size() == countRegular(v)) {
        return out;
      }
      out.clear();
    }
    for (Vertex a : v.arcs.values()) {
      if (a.isRegularField()) {
        out.add(a);
      }
    }
    return out;
  }

  private static int countRegular(Vertex v) {
    int n = 0;
    for (Vertex a : v.arcs.values()) {
      if (a.isRegularField()) {
        n++;
      }
    }
    return n;
  }

  private static final Comparator<String> LABEL_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              Labels.display(a).getBytes(StandardCharsets.UTF_8),
              Labels.display(b).getBytes(StandardCharsets.UTF_8));

  static List<String> topo(Vertex v, List<List<String>> chains, List<Integer> units) {
    List<String> nodes = new ArrayList<>();
    for (Vertex a : v.arcs.values()) {
      if (a.isRegularField()) {
        nodes.add(a.label);
      }
    }
    if (nodes.size() <= 1) {
      return nodes;
    }
    Set<String> nodeSet = new HashSet<>(nodes);
    Map<String, Set<String>> out = new HashMap<>();
    Map<String, Integer> indeg = new HashMap<>();
    for (String n : nodes) {
      out.put(n, new LinkedHashSet<>());
      indeg.put(n, 0);
    }
    Set<String> seenEarlierUnits = new HashSet<>();
    int prevUnit = Integer.MIN_VALUE;
    String prevUnitLast = null;
    int curUnit = Integer.MIN_VALUE;
    String curUnitLast = null;
    Set<String> curUnitLabels = new HashSet<>();
    for (int i = 0; i < chains.size(); i++) {
      List<String> chain = filter(chains.get(i), nodeSet);
      int u = units.get(i);
      if (u != curUnit) {
        if (curUnit != Integer.MIN_VALUE) {
          seenEarlierUnits.addAll(curUnitLabels);
          prevUnit = curUnit;
          prevUnitLast = curUnitLast;
        }
        curUnit = u;
        curUnitLast = null;
        curUnitLabels = new HashSet<>();
        if (u >= 0
            && prevUnit >= 0
            && prevUnitLast != null
            && !chain.isEmpty()
            && !seenEarlierUnits.contains(chain.get(0))) {
          edge(out, indeg, prevUnitLast, chain.get(0));
        }
      }
      for (int k = 0; k + 1 < chain.size(); k++) {
        edge(out, indeg, chain.get(k), chain.get(k + 1));
      }
      if (!chain.isEmpty() && curUnitLast == null) {
        curUnitLast = chain.get(chain.size() - 1);
      }
      curUnitLabels.addAll(chain);
    }
    PriorityQueue<String> ready = new PriorityQueue<>(LABEL_ORDER);
    for (String n : nodes) {
      if (indeg.get(n) == 0) {
        ready.add(n);
      }
    }
    List<String> result = new ArrayList<>(nodes.size());
    Set<String> done = new HashSet<>();
    while (result.size() < nodes.size()) {
      String n = ready.poll();
      if (n == null) {
        String min = null;
        for (String x : nodes) {
          if (!done.contains(x) && (min == null || LABEL_ORDER.compare(x, min) < 0)) {
            min = x;
          }
        }
        n = min;
      } else if (done.contains(n)) {
        continue;
      }
      done.add(n);
      result.add(n);
      for (String m : out.get(n)) {
        int d = indeg.merge(m, -1, Integer::sum);
        if (d == 0 && !done.contains(m)) {
          ready.add(m);
        }
      }
    }
    return List.copyOf(result);
  }

  private static List<String> filter(List<String> chain, Set<String> nodes) {
    List<String> r = new ArrayList<>(chain.size());
    Set<String> seen = new HashSet<>();
    for (String s : chain) {
      if (nodes.contains(s) && seen.add(s)) {
        r.add(s);
      }
    }
    return r;
  }

  private static void edge(
      Map<String, Set<String>> out, Map<String, Integer> indeg, String a, String b) {
    if (a.equals(b)) {
      return;
    }
    if (out.get(a).add(b)) {
      indeg.merge(b, 1, Integer::sum);
    }
  }
}
