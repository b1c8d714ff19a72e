package io.vela4j.cue.internal.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
    if (!(v.arcs instanceof Arcs arcs)) {
      return List.of(); // no arcs yet: the shared empty map
    }
    Ranked order = v.fieldOrder;
    List<LabelChain> chains = v.orderChains;
    if (order == null && chains != null) {
      // Computed on first use; a finished vertex may be read by several threads, which at worst
      // compute the same order twice (the chains are never cleared, and Ranked publishes its array
      // through a final field).
      order = new Ranked(topo(arcs, chains), arcs.size());
      v.fieldOrder = order;
    }
    if (order != null && order.arcCount == arcs.size()) {
      // Arcs are only appended, so the same count means the same arcs.
      List<Vertex> out = new ArrayList<>(order.arcs.length);
      for (int i : order.arcs) {
        Vertex a = arcs.at(i);
        if (!a.isRegularField()) {
          out = null;
          break;
        }
        out.add(a);
      }
      if (out != null) {
        return out;
      }
    }
    // No chains (a list, a struct built by a builtin), or arcs added since the order was taken:
    // insertion order.
    List<Vertex> out = new ArrayList<>();
    for (int i = 0; i < arcs.size(); i++) {
      Vertex a = arcs.at(i);
      if (a.isRegularField()) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * An export order: the arc indices of the regular fields, in order, of a struct of arcCount arcs.
   */
  static final class Ranked {
    final int[] arcs;
    final int arcCount;

    Ranked(int[] arcs, int arcCount) {
      this.arcs = arcs;
      this.arcCount = arcCount;
    }
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
   * The export order of the regular fields of a struct, as indices into its arcs: a topological
   * sort of the edges between consecutive labels of each chain (and from the last label of one
   * conjunct's first chain to the first new label of the next conjunct's), ready labels taken in
   * byte-wise label order, a cycle broken by the smallest label not placed yet.
   *
   * <p>Algorithm: the regular fields are numbered in insertion order and the edges collected as
   * pairs of numbers. When every edge goes forward in insertion order and every two consecutive
   * fields are joined by an edge — one literal declared them all, or later declarations only repeat
   * or extend it, the usual case — insertion order is the only topological order and is the answer,
   * in time linear in the edges. Otherwise the edges are deduplicated into adjacency lists and the
   * labels ranked by one sort, so the whole is O(N log N) in the number of labels and edges.
   *
   * @param chains the label chains of the struct literals, in the order they were added, each with
   *     the number of the conjunct it came from
   */
  static int[] topo(Arcs arcs, List<LabelChain> chains) {
    if (chains.size() == 1) {
      int[] field = inOrder(arcs, chains.get(0));
      if (field != null) {
        return field;
      }
    }
    int m = arcs.size();
    int[] number = new int[m]; // arc index to field number, -1 if not a regular field
    int n = 0;
    for (int i = 0; i < m; i++) {
      number[i] = arcs.at(i).isRegularField() ? n++ : -1;
    }
    int[] field = new int[n]; // field number to arc index
    for (int i = 0; i < m; i++) {
      if (number[i] >= 0) {
        field[number[i]] = i;
      }
    }
    if (n <= 1) {
      return field;
    }
    int[] edges = collectEdges(arcs, number, chains);
    int edgeCount = edges[0];
    boolean[] joined = new boolean[n];
    int joins = 0;
    boolean forward = true;
    for (int k = 1; k <= 2 * edgeCount; k += 2) {
      int a = edges[k];
      int b = edges[k + 1];
      if (a > b) {
        forward = false;
        break;
      }
      if (b == a + 1 && !joined[a]) {
        joined[a] = true;
        joins++;
      }
    }
    if (forward && joins == n - 1) {
      return field;
    }
    return sort(arcs, field, edges);
  }

  /**
   * The arc indices of the regular fields in insertion order if the one chain names them in that
   * order (an exported struct is usually one literal, its {@code if}s embedded in place), else
   * null: one pass over both, without numbering the fields or collecting edges.
   */
  private static int @Nullable [] inOrder(Arcs arcs, LabelChain chain) {
    int n = 0;
    for (int i = 0; i < arcs.size(); i++) {
      if (arcs.at(i).isRegularField()) {
        n++;
      }
    }
    int[] field = new int[n];
    int k = 0;
    int p = 0; // the next arc to match
    for (int node = chain.first(); node >= 0; node = chain.after(node)) {
      while (p < arcs.size() && !arcs.at(p).isRegularField()) {
        p++;
      }
      String label = chain.label(node);
      if (label == null) {
        continue; // a place
      }
      if (p < arcs.size() && arcs.at(p).label.equals(label)) {
        field[k++] = p++;
        continue;
      }
      int idx = arcs.indexOf(label);
      if (idx >= 0 && arcs.at(idx).isRegularField()) {
        return null; // a regular field out of insertion order
      }
    }
    return k == n ? field : null;
  }

  /**
   * The edges of the chains between field numbers ({@code number}: arc index to field number, -1
   * for an arc that is not a regular field): {@code [count, a0, b0, a1, b1, ...]}, without self
   * edges, duplicates possible.
   */
  static int[] collectEdges(Arcs arcs, int[] number, List<LabelChain> chains) {
    int n = 0;
    for (int x : number) {
      n = Math.max(n, x + 1);
    }
    int[] edges = new int[1 + 2 * (n + 1)];
    int count = 0;
    boolean[] seenEarlierUnits = new boolean[n];
    int prevUnit = Integer.MIN_VALUE;
    int prevUnitLast = -1;
    int curUnit = Integer.MIN_VALUE;
    int curUnitLast = -1;
    int[] curUnitLabels = new int[8];
    int curUnitSize = 0;
    int[] chain = new int[8];
    for (int i = 0; i < chains.size(); i++) {
      LabelChain c = chains.get(i);
      int size = 0;
      int guess = 0; // the arc after the last label found: where a literal's next label usually is
      for (int node = c.first(); node >= 0; node = c.after(node)) {
        String label = c.label(node);
        if (label == null) {
          continue; // a place
        }
        int idx;
        if (guess < arcs.size() && arcs.at(guess).label.equals(label)) {
          idx = guess;
        } else {
          idx = arcs.indexOf(label);
        }
        if (idx >= 0) {
          guess = idx + 1;
        }
        if (idx >= 0 && number[idx] >= 0) {
          if (size == chain.length) {
            chain = Arrays.copyOf(chain, size * 2);
          }
          chain[size++] = number[idx];
        }
      }
      int u = c.unit;
      int pending = -1; // the edge from the previous conjunct, if any
      if (u != curUnit) {
        if (curUnit != Integer.MIN_VALUE) {
          for (int k = 0; k < curUnitSize; k++) {
            seenEarlierUnits[curUnitLabels[k]] = true;
          }
          prevUnit = curUnit;
          prevUnitLast = curUnitLast;
        }
        curUnit = u;
        curUnitLast = -1;
        curUnitSize = 0;
        if (u >= 0
            && prevUnit >= 0
            && prevUnitLast >= 0
            && size > 0
            && !seenEarlierUnits[chain[0]]) {
          pending = prevUnitLast;
        }
      }
      int needed = 1 + 2 * (count + size);
      if (needed > edges.length) {
        edges = Arrays.copyOf(edges, Math.max(needed, edges.length * 2));
      }
      if (pending >= 0 && pending != chain[0]) {
        edges[1 + 2 * count] = pending;
        edges[2 + 2 * count++] = chain[0];
      }
      for (int k = 0; k + 1 < size; k++) {
        if (chain[k] != chain[k + 1]) {
          edges[1 + 2 * count] = chain[k];
          edges[2 + 2 * count++] = chain[k + 1];
        }
      }
      if (size > 0 && curUnitLast < 0) {
        curUnitLast = chain[size - 1];
      }
      if (curUnitSize + size > curUnitLabels.length) {
        curUnitLabels = Arrays.copyOf(curUnitLabels, Math.max(curUnitSize + size, curUnitSize * 2));
      }
      System.arraycopy(chain, 0, curUnitLabels, curUnitSize, size);
      curUnitSize += size;
    }
    edges[0] = count;
    return edges;
  }

  /** The general case of {@link #topo}: Kahn's algorithm, ready labels by byte-wise order. */
  static int[] sort(Arcs arcs, int[] field, int[] edges) {
    int n = field.length;
    int[][] out = new int[n][];
    int[] outSize = new int[n];
    int[] indeg = new int[n];
    Set<Long> seen = new HashSet<>();
    for (int k = 1; k <= 2 * edges[0]; k += 2) {
      int a = edges[k];
      int b = edges[k + 1];
      if (!seen.add(((long) a << 32) | b)) {
        continue;
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
    List<String> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      labels.add(arcs.at(field[i]).label);
    }
    // Rank the labels once; the ready set and the cycle breaker work on ranks.
    int[] byLabel = byLabel(labels);
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
    int[] result = new int[n];
    int placed = 0;
    boolean[] done = new boolean[n];
    int smallest = 0; // every label of rank below this is done
    while (placed < n) {
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
      result[placed++] = field[x];
      for (int k = 0; k < outSize[x]; k++) {
        int y = out[x][k];
        if (--indeg[y] == 0 && !done[y]) {
          ready.add(y);
        }
      }
    }
    return result;
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
}
