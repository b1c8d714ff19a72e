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
import org.jspecify.annotations.Nullable;

/**
 * Field order of evaluated structs, as CUE v0.12+ exports them: each struct literal contributes a
 * chain of its labels; the literals of successive declarations of the same field are chained one
 * after another (each literal of a declaration after the last label of every literal of the one
 * before), the operands of one {@code &} are not chained to each other; literals embedded by
 * reference follow one another in the order of their embeddings, and the embedding literal's own
 * labels come at the place of its last field among them, or at the place of the last embedding that
 * brings fields made by dynamic fields ({@link Moves}); a topological sort follows, ties and cycles
 * broken by byte-wise label order. Comprehensions iterate in insertion order instead. See
 * DIFFERENCES.md ("Field order") for the shapes that v0.14 may order otherwise.
 */
final class Order {
  private Order() {}

  /** The regular fields of a struct, in export order. */
  static List<Vertex> fields(Vertex v) {
    int[] order = fieldArcs(v);
    List<Vertex> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(v.arcs.at(i));
    }
    return out;
  }

  /**
   * The arc indices of the regular fields of a struct, in export order: the order kept in the
   * vertex when it is still valid (then shared: the caller must not change the array), else a new
   * array.
   */
  static int[] fieldArcs(Vertex v) {
    Arcs arcs = v.arcs;
    if (arcs.isEmpty()) {
      return NO_ARCS;
    }
    Ranked order = v.fieldOrder;
    List<LabelChain> chains = v.orderChains;
    if (order == null && chains != null) {
      // Computed on first use; a finished vertex may be read by several threads, which at worst
      // compute the same order twice (the chains are never cleared, and Ranked publishes its array
      // through a final field).
      order = new Ranked(topo(arcs, chains), arcs.size());
      v.fieldOrder = order;
      // Just taken from these arcs: it lists exactly their regular fields.
      return order.arcs;
    }
    if (order != null && order.arcCount == arcs.size() && allRegular(arcs, order.arcs)) {
      // Arcs are only appended, so the same count means the same arcs.
      return order.arcs;
    }
    // No chains (a list, a struct built by a builtin), or arcs added since the order was taken:
    // insertion order.
    int n = 0;
    for (int i = 0; i < arcs.size(); i++) {
      n += arcs.at(i).isRegularField() ? 1 : 0;
    }
    int[] out = new int[n];
    for (int i = 0, k = 0; i < arcs.size(); i++) {
      if (arcs.at(i).isRegularField()) {
        out[k++] = i;
      }
    }
    return out;
  }

  private static final int[] NO_ARCS = {};

  private static boolean allRegular(Arcs arcs, int[] indices) {
    for (int i : indices) {
      if (!arcs.at(i).isRegularField()) {
        return false;
      }
    }
    return true;
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
    int i = Labels.isQuoted(a) ? 1 : 0;
    int j = Labels.isQuoted(b) ? 1 : 0;
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
    // One pass over the arcs (a wide struct's vertices are read from memory once more before the
    // export walks them): p advances past arcs that are not regular fields, and past each regular
    // field the chain names next; a regular field named out of that order, or one left behind p's
    // final place, means the order is not the insertion order.
    int size = arcs.size();
    int[] field = new int[size];
    int k = 0;
    int p = 0; // the next arc to match
    for (int node = chain.first(); node >= 0; node = chain.after(node)) {
      while (p < size && !arcs.at(p).isRegularField()) {
        p++;
      }
      String label = chain.label(node);
      if (label == null) {
        continue; // a place
      }
      if (p < size && arcs.at(p).label.equals(label)) {
        field[k++] = p++;
        continue;
      }
      int idx = arcs.indexOf(label);
      if (idx >= 0 && arcs.at(idx).isRegularField()) {
        return null; // a regular field out of insertion order
      }
    }
    while (p < size && !arcs.at(p).isRegularField()) {
      p++;
    }
    if (p < size) {
      return null; // a regular field the chain does not name
    }
    return k == size ? field : Arrays.copyOf(field, k);
  }

  /**
   * The edges of the chains between field numbers ({@code number}: arc index to field number, -1
   * for an arc that is not a regular field): {@code [count, a0, b0, a1, b1, ...]}, without self
   * edges, duplicates possible. Within a chain, from each label to the next; between declarations
   * ({@link LabelChain#unit}), from the last label of every chain of one to the first label of
   * every chain of the next, unless an earlier declaration had that label; between embeddings
   * ({@link LabelChain#step}, {@link LabelChain#after}, {@link LabelChain#selfAfter}), from the
   * last labels of the chains of one to the first label of each chain that follows it.
   */
  static int[] collectEdges(Arcs arcs, int[] number, List<LabelChain> chains) {
    int n = 0;
    for (int x : number) {
      n = Math.max(n, x + 1);
    }
    int[] edges = new int[1 + 2 * (n + 1)]; // [0]: the count
    boolean[] seenEarlierUnits = new boolean[n];
    int prevUnit = Integer.MIN_VALUE;
    int prevUnitStart = 0; // the chains of the previous conjunct: [prevUnitStart, prevUnitEnd)
    int prevUnitEnd = 0;
    int curUnit = Integer.MIN_VALUE;
    int curUnitStart = 0;
    int[] lasts = new int[chains.size()]; // per chain, its last label (-1: none)
    int[] curUnitLabels = new int[8];
    int curUnitSize = 0;
    int[] chain = new int[8];
    // Where literals were embedded by reference: per embedding (LabelChain.step, numbered across
    // the evaluation, so a map), the last labels of its chains ([0] their count); per chain, its
    // first label (-1: none).
    boolean embeds = false;
    for (int i = 0; i < chains.size() && !embeds; i++) {
      embeds = chains.get(i).step > 0 || chains.get(i).selfStep() > 0;
    }
    Map<Integer, int[]> stepLasts = embeds ? new HashMap<>() : null;
    int[] firsts = embeds ? new int[chains.size()] : null;
    // per chain, the number of its first label made by a dynamic field (-1: none)
    int[] firstDynamics = null;
    for (int i = 0; i < chains.size(); i++) {
      LabelChain c = chains.get(i);
      if (embeds && c.firstDynamic() >= 0 && c.step > 0 && firstDynamics == null) {
        firstDynamics = new int[chains.size()];
        Arrays.fill(firstDynamics, -1);
      }
      int dynamicNode = firstDynamics != null && c.step > 0 ? c.firstDynamic() : -1;
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
          if (node == dynamicNode) {
            firstDynamics[i] = number[idx];
          }
        }
      }
      int u = c.unit;
      if (u != curUnit) {
        if (curUnit != Integer.MIN_VALUE) {
          for (int k = 0; k < curUnitSize; k++) {
            seenEarlierUnits[curUnitLabels[k]] = true;
          }
          prevUnit = curUnit;
          prevUnitStart = curUnitStart;
          prevUnitEnd = i;
        }
        curUnit = u;
        curUnitStart = i;
        curUnitSize = 0;
      }
      // Every literal of a conjunct follows the last label of every literal of the conjunct before
      // (the operands of an `&` are literals of one conjunct), unless its first label was declared
      // by an earlier conjunct already.
      boolean follows = u >= 0 && prevUnit >= 0 && size > 0 && !seenEarlierUnits[chain[0]];
      if (firsts != null) {
        firsts[i] = size > 0 ? chain[0] : -1;
      }
      lasts[i] = size > 0 ? chain[size - 1] : -1;
      for (int k = prevUnitStart; follows && k < prevUnitEnd; k++) {
        if (lasts[k] >= 0 && lasts[k] != chain[0]) {
          edges = edge(edges, lasts[k], chain[0]);
        }
      }
      if (stepLasts != null && size > 0) {
        addLast(stepLasts, c.step, chain[size - 1]);
        addLast(stepLasts, c.selfStep(), chain[size - 1]);
      }
      for (int k = 0; k + 1 < size; k++) {
        if (chain[k] != chain[k + 1]) {
          edges = edge(edges, chain[k], chain[k + 1]);
        }
      }
      if (curUnitSize + size > curUnitLabels.length) {
        curUnitLabels = Arrays.copyOf(curUnitLabels, Math.max(curUnitSize + size, curUnitSize * 2));
      }
      System.arraycopy(chain, 0, curUnitLabels, curUnitSize, size);
      curUnitSize += size;
    }
    // A literal embedded by reference follows the literals of the embedding before it, and a
    // literal's own fields the embedding declared before its last field, unless its embeddings
    // bring fields made by dynamic fields (Moves).
    Moves moves = firstDynamics == null ? null : Moves.of(chains, firstDynamics);
    for (int i = 0; stepLasts != null && i < chains.size(); i++) {
      LabelChain c = chains.get(i);
      if (firsts[i] < 0) {
        continue;
      }
      int after = c.after;
      int selfAfter = c.selfAfter();
      if (moves != null) {
        after = moves.after(c.step, after);
        selfAfter = moves.selfAfter(c.selfStep(), selfAfter);
        int from = firstDynamics[i] < 0 ? -1 : moves.lastOfMoved(c.step, lasts);
        if (from >= 0) {
          int to = c.ownDynamic() ? firsts[i] : firstDynamics[i];
          if (from != to) {
            edges = edge(edges, from, to);
          }
        }
      }
      edges = follow(edges, stepLasts, after, firsts[i]);
      edges = follow(edges, stepLasts, selfAfter, firsts[i]);
    }
    return edges;
  }

  /**
   * Where CUE v0.12+ puts a literal whose embeddings by reference bring fields made by dynamic
   * fields ({@code h: {f: 3, g, b: 0}} with {@code g: {for i, n in l {(n): i}}}).
   *
   * <p>CUE orders a struct's literals by position. An embedding literal's position is, in the end,
   * that of whatever was added last to the struct's arcs: one of its own fields (its position), or
   * a field brought by one of its embeddings by reference (the position of that reference). Fields
   * made by dynamic fields are added last (they wait for their labels), so such a literal takes the
   * place of the last embedding whose literals made some: it follows the embedding before that one
   * (wherever its own fields are declared), the embeddings that followed it follow the embedding
   * before them instead, and at the shared position the literals with dynamic fields go after it
   * (the fields made by a comprehension's body; the whole literal when it declared the dynamic
   * field itself), while the others share its place without an order between them.
   */
  private static final class Moves {
    /** Per moved literal's self step: the step it follows now. */
    private final Map<Integer, Integer> selfAfter = new HashMap<>();

    /**
     * Per embedding step of a moved literal: the step before it among that literal's embeddings (0:
     * none), used by the chains that followed the literal.
     */
    private final Map<Integer, Integer> previous = new HashMap<>();

    /** Per step taken by a moved literal: the index of that literal's chain. */
    private final Map<Integer, Integer> chainAt = new HashMap<>();

    static @Nullable Moves of(List<LabelChain> chains, int[] firstDynamics) {
      Set<Integer> dynamicSteps = new HashSet<>();
      for (int i = 0; i < chains.size(); i++) {
        if (firstDynamics[i] >= 0) {
          dynamicSteps.add(chains.get(i).step);
        }
      }
      Moves m = null;
      for (int i = 0; i < chains.size(); i++) {
        LabelChain c = chains.get(i);
        int k = c.embedCount() - 1;
        while (k >= 0 && !dynamicSteps.contains(c.embed(k))) {
          k--;
        }
        if (c.selfStep() == 0 || k < 0) {
          continue;
        }
        if (m == null) {
          m = new Moves();
        }
        int before = k > 0 ? c.embed(k - 1) : 0;
        m.selfAfter.put(c.selfStep(), before);
        m.chainAt.put(c.embed(k), i);
        for (int j = 0; j < c.embedCount(); j++) {
          m.previous.put(c.embed(j), j > 0 ? c.embed(j - 1) : 0);
        }
      }
      return m;
    }

    /** The step a chain of embedding {@code step} follows, given the one it followed. */
    int after(int step, int after) {
      Integer prev = previous.get(step);
      return prev != null && selfAfter.containsKey(after) ? prev : after;
    }

    /** The step a literal with self step {@code selfStep} follows, given the one it followed. */
    int selfAfter(int selfStep, int selfAfter) {
      Integer moved = selfStep > 0 ? this.selfAfter.get(selfStep) : null;
      return moved != null ? moved : selfAfter;
    }

    /**
     * The last label of the literal that moved to embedding {@code step} (-1: none moved there),
     * from the chains' last labels {@code lasts}.
     */
    int lastOfMoved(int step, int[] lasts) {
      Integer i = chainAt.get(step);
      return i == null ? -1 : lasts[i];
    }
  }

  /**
   * Adds to {@code edges} an edge to {@code first} from each last label of the chains of embedding
   * {@code step} (0: none); returns the edges, grown if need be.
   */
  private static int[] follow(int[] edges, Map<Integer, int[]> stepLasts, int step, int first) {
    int[] before = step > 0 ? stepLasts.get(step) : null;
    for (int k = 1; before != null && k <= before[0]; k++) {
      if (before[k] != first) {
        edges = edge(edges, before[k], first);
      }
    }
    return edges;
  }

  /**
   * Appends the edge {@code a -> b} to {@code edges} ([0]: their count); returns it, grown if need
   * be.
   */
  private static int[] edge(int[] edges, int a, int b) {
    int count = edges[0];
    if (3 + 2 * count > edges.length) {
      edges = Arrays.copyOf(edges, edges.length * 2);
    }
    edges[1 + 2 * count] = a;
    edges[2 + 2 * count] = b;
    edges[0] = count + 1;
    return edges;
  }

  /** Notes {@code last} as a last label of the chains of embedding {@code step} (0: none). */
  private static void addLast(Map<Integer, int[]> stepLasts, int step, int last) {
    if (step <= 0) {
      return;
    }
    int[] ls = stepLasts.get(step);
    if (ls == null) {
      ls = new int[3];
      stepLasts.put(step, ls);
    } else if (ls[0] + 1 == ls.length) {
      ls = Arrays.copyOf(ls, ls.length * 2);
      stepLasts.put(step, ls);
    }
    ls[++ls[0]] = last;
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
