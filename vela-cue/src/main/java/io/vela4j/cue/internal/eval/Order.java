package io.vela4j.cue.internal.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
    List<String> order = v.fieldOrder;
    List<LabelChain> chains = v.orderChains;
    if (order == null && chains != null) {
      // Computed on first use; a finished vertex may be read by several threads, which at worst
      // compute the same order twice (the chains are never cleared).
      order = topo(v, chains, v.orderUnits);
      v.fieldOrder = order;
    }
    if (order != null) {
      for (String l : order) {
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

  /**
   * Byte-wise order of the UTF-8 encodings of two display labels, computed on the strings: UTF-8
   * byte order is code point order, which is UTF-16 order except that a surrogate (a code point
   * above U+FFFF) sorts after U+E000..U+FFFF.
   */
  static int compareLabels(String a, String b) {
    int i = !a.isEmpty() && a.charAt(0) == Labels.QUOTE ? 1 : 0;
    int j = !b.isEmpty() && b.charAt(0) == Labels.QUOTE ? 1 : 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i++);
      char y = b.charAt(j++);
      if (x != y) {
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx != sy && (x >= 0xE000 || y >= 0xE000)) {
          return sx ? 1 : -1;
        }
        return x - y;
      }
    }
    return (a.length() - i) - (b.length() - j);
  }

  /**
   * The export order of the regular fields of {@code v}: a topological sort of the edges between
   * consecutive labels of each chain (and from the last label of one conjunct's first chain to the
   * first new label of the next conjunct's), ready labels taken in byte-wise label order, a cycle
   * broken by the smallest label not placed yet. Labels are numbered once and ranked by one sort,
   * so the whole is O(N log N) in the number of labels and edges.
   *
   * @param chains the label chains of the struct literals, in the order they were added
   * @param units for each chain, the conjunct it came from (-1: none)
   */
  static List<String> topo(Vertex v, List<LabelChain> chains, List<Integer> units) {
    List<String> nodes = new ArrayList<>(v.arcs.size());
    for (Vertex a : v.arcs.values()) {
      if (a.isRegularField()) {
        nodes.add(a.label);
      }
    }
    int n = nodes.size();
    if (n <= 1) {
      return nodes;
    }
    if (chains.size() == 1 && chains.get(0).size() == n) {
      // One literal declared every field: the chain is the order.
      List<String> only = new ArrayList<>(n);
      chains
          .get(0)
          .forEach(
              l -> {
                if (only.size() < n) {
                  only.add(l);
                }
              });
      if (sameLabels(only, v)) {
        return only;
      }
    }
    Map<String, Integer> id = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      id.put(nodes.get(i), i);
    }
    int[][] out = new int[n][];
    int[] outSize = new int[n];
    int[] indeg = new int[n];
    Set<Long> edges = new HashSet<>();
    boolean[] seenEarlierUnits = new boolean[n];
    int prevUnit = Integer.MIN_VALUE;
    int prevUnitLast = -1;
    int curUnit = Integer.MIN_VALUE;
    int curUnitLast = -1;
    List<Integer> curUnitLabels = new ArrayList<>();
    int[] chain = new int[16];
    for (int i = 0; i < chains.size(); i++) {
      int[] len = {0};
      int[][] buf = {chain};
      chains
          .get(i)
          .forEach(
              l -> {
                Integer x = id.get(l);
                if (x != null) {
                  if (len[0] == buf[0].length) {
                    buf[0] = Arrays.copyOf(buf[0], len[0] * 2);
                  }
                  buf[0][len[0]++] = x;
                }
              });
      chain = buf[0];
      int size = len[0];
      int u = units.get(i);
      if (u != curUnit) {
        if (curUnit != Integer.MIN_VALUE) {
          for (int x : curUnitLabels) {
            seenEarlierUnits[x] = true;
          }
          prevUnit = curUnit;
          prevUnitLast = curUnitLast;
        }
        curUnit = u;
        curUnitLast = -1;
        curUnitLabels.clear();
        if (u >= 0
            && prevUnit >= 0
            && prevUnitLast >= 0
            && size > 0
            && !seenEarlierUnits[chain[0]]) {
          edge(out, outSize, indeg, edges, prevUnitLast, chain[0]);
        }
      }
      for (int k = 0; k + 1 < size; k++) {
        edge(out, outSize, indeg, edges, chain[k], chain[k + 1]);
      }
      if (size > 0 && curUnitLast < 0) {
        curUnitLast = chain[size - 1];
      }
      for (int k = 0; k < size; k++) {
        curUnitLabels.add(chain[k]);
      }
    }
    // Rank the labels once; the ready set and the cycle breaker work on ranks.
    int[] byLabel = byLabel(nodes);
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[byLabel[r]] = r;
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.comparingInt(x -> rank[x]));
    for (int i = 0; i < n; i++) {
      if (indeg[i] == 0) {
        ready.add(i);
      }
    }
    List<String> result = new ArrayList<>(n);
    boolean[] done = new boolean[n];
    int smallest = 0; // every label of rank below this is done
    while (result.size() < n) {
      Integer next = ready.poll();
      int x;
      if (next == null) {
        while (done[byLabel[smallest]]) {
          smallest++;
        }
        x = byLabel[smallest];
      } else if (done[next]) {
        continue;
      } else {
        x = next;
      }
      done[x] = true;
      result.add(nodes.get(x));
      for (int k = 0; k < outSize[x]; k++) {
        int m = out[x][k];
        if (--indeg[m] == 0 && !done[m]) {
          ready.add(m);
        }
      }
    }
    return List.copyOf(result);
  }

  /** The node numbers in byte-wise label order (labels are distinct). */
  private static int[] byLabel(List<String> nodes) {
    int n = nodes.size();
    int[] out = new int[n];
    if (n <= 24) {
      // insertion sort: a template's structs are small, and this allocates nothing
      for (int i = 0; i < n; i++) {
        String l = nodes.get(i);
        int j = i;
        while (j > 0 && compareLabels(nodes.get(out[j - 1]), l) > 0) {
          out[j] = out[j - 1];
          j--;
        }
        out[j] = i;
      }
      return out;
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (x, y) -> compareLabels(nodes.get(x), nodes.get(y)));
    for (int i = 0; i < n; i++) {
      out[i] = boxed[i];
    }
    return out;
  }

  private static boolean sameLabels(List<String> order, Vertex v) {
    for (String l : order) {
      Vertex a = v.arcs.get(l);
      if (a == null || !a.isRegularField()) {
        return false;
      }
    }
    return true;
  }

  private static void edge(int[][] out, int[] outSize, int[] indeg, Set<Long> edges, int a, int b) {
    if (a == b || !edges.add(((long) a << 32) | b)) {
      return;
    }
    int[] o = out[a];
    if (o == null) {
      o = out[a] = new int[2];
    } else if (outSize[a] == o.length) {
      o = out[a] = Arrays.copyOf(o, o.length * 2);
    }
    o[outSize[a]++] = b;
    indeg[b]++;
  }
}
