package io.vela4j.cue.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The export order of a struct's fields ({@link Order}). */
class OrderTest {

  private static final List<String> POOL =
      List.of(
          "a", "b", "c", "x1", "x10", "x2", "é", "z", "\uD83D\uDE00", "\uFFFD", "m", "_h", "#D");

  private static Arcs arcs(List<String> labels) {
    Vertex parent = new Vertex(null, "");
    Arcs arcs = new Arcs();
    for (String l : labels) {
      Vertex a = new Vertex(parent, l);
      a.arcType = Adt.ArcType.REGULAR;
      arcs.put(l, a);
    }
    return arcs;
  }

  private static LabelChain chain(int unit, String... labels) {
    LabelChain c = new LabelChain(unit);
    for (String l : labels) {
      c.append(l);
    }
    return c;
  }

  private static List<String> order(Arcs arcs, List<LabelChain> chains) {
    List<String> out = new ArrayList<>();
    for (int i : Order.topo(arcs, chains)) {
      out.add(arcs.at(i).label);
    }
    return out;
  }

  @Test
  void oneLiteralKeepsItsOrderAndUnrelatedLiteralsSortByLabel() {
    Arcs arcs = arcs(List.of("b", "a", "c"));
    assertThat(order(arcs, List.of(chain(0, "b", "a", "c")))).containsExactly("b", "a", "c");
    // Three literals of one conjunct: no edges between them, so byte-wise label order.
    assertThat(order(arcs, List.of(chain(-1, "b"), chain(-1, "a"), chain(-1, "c"))))
        .containsExactly("a", "b", "c");
    // Successive declarations of the field chain one after another.
    assertThat(order(arcs, List.of(chain(0, "b"), chain(1, "c"), chain(2, "a"))))
        .containsExactly("b", "c", "a");
    // A label no edge leads to comes first; a cycle is broken at the smallest label not placed.
    assertThat(order(arcs, List.of(chain(-1, "c", "b"), chain(-1, "b", "c"))))
        .containsExactly("a", "b", "c");
    assertThat(order(arcs, List.of(chain(-1, "c", "b"), chain(-1, "b", "a"), chain(-1, "a", "c"))))
        .containsExactly("a", "c", "b");
  }

  private static LabelChain chain(int unit, int step, int after, int selfStep, String... labels) {
    LabelChain c = new LabelChain(unit, 4, step, after);
    if (selfStep > 0) {
      c.setSelfStep(selfStep);
    }
    for (String l : labels) {
      c.append(l);
    }
    return c;
  }

  @Test
  void aDeclarationFollowsEveryOperandOfTheOneBeforeAndEmbeddingsFollowOneAnother() {
    Arcs arcs = arcs(List.of("m", "k", "s", "r", "n", "t"));
    // `x: p & q` then `x: n: _`: n after both operands (not between them, as byte-wise order
    // would put it after k alone), and `x: t: _` then `x: p & q`: both operands after t.
    assertThat(order(arcs, List.of(chain(0, "m", "k"), chain(0, "s", "r"), chain(1, "n"))))
        .containsExactly("m", "k", "s", "r", "n", "t");
    assertThat(order(arcs, List.of(chain(0, "t"), chain(1, "m", "k"), chain(1, "s", "r"))))
        .containsExactly("n", "t", "m", "k", "s", "r");
    // `{n: _, q, p, t: _}` with q = {s, r} and p = {m, k}: the embeddings in their order, then the
    // literal's own fields, which are placed where its last field is declared.
    LabelChain literal = chain(0, 0, 0, 1, "n", "t");
    literal.setSelfAfter(3);
    assertThat(
            order(arcs, List.of(literal, chain(0, 2, 0, 0, "s", "r"), chain(0, 3, 2, 0, "m", "k"))))
        .containsExactly("s", "r", "m", "k", "n", "t");
    // `{q, n: _, p}`: q, then the literal, then p.
    literal = chain(0, 0, 0, 1, "n");
    literal.setSelfAfter(2);
    assertThat(
            order(arcs, List.of(literal, chain(0, 2, 0, 0, "s", "r"), chain(0, 3, 1, 0, "m", "k"))))
        .containsExactly("s", "r", "n", "m", "k", "t");
  }

  /** The order of the labels of {@code chains}, as the arcs of a struct in insertion order. */
  private static List<String> order(List<LabelChain> chains) {
    List<String> labels = new ArrayList<>();
    for (LabelChain c : chains) {
      for (int n = c.first(); n >= 0; n = c.after(n)) {
        if (c.label(n) != null && !labels.contains(c.label(n))) {
          labels.add(c.label(n));
        }
      }
    }
    return order(arcs(labels), chains);
  }

  /** A literal with its own chain that embeds the given embeddings by reference. */
  private static LabelChain embedding(int selfStep, int selfAfter, int[] embeds, String... labels) {
    LabelChain c = chain(0, 0, 0, selfStep, labels);
    c.setSelfAfter(selfAfter);
    for (int e : embeds) {
      c.addEmbed(e);
    }
    return c;
  }

  /** The chain of a literal embedded by reference, with labels made by dynamic fields after. */
  private static LabelChain embedded(
      int step, int after, List<String> labels, List<String> dynamic, boolean ownDynamic) {
    LabelChain c = chain(0, step, after, 0, labels.toArray(String[]::new));
    for (String l : dynamic) {
      c.appendDynamic(l, ownDynamic);
    }
    return c;
  }

  /**
   * CUE v0.12+ places a literal by the last thing added to the struct for it: fields made by
   * dynamic fields come last, so a literal that embeds by reference a struct making such fields
   * takes that embedding's place, its fields first and the dynamic ones after them (cue-lang/cue
   * internal/core/toposort: k2 of testdata/t.txtar, whose v0.14 answer is {@code e a d c b z}; the
   * other shapes follow from the same positions and ties).
   */
  @Test
  void aLiteralTakesThePlaceOfItsLastEmbeddingThatMakesDynamicFields() {
    List<String> none = List.of();
    // `h: {f: 3, g, b: 0}`, `g: {for i, n in ["c", "p", "m", "w"] {(n): i}}`
    LabelChain h = embedding(1, 2, new int[] {2}, "f", "b");
    assertThat(order(List.of(h, embedded(2, 0, none, List.of("c", "p", "m", "w"), false))))
        .containsExactly("f", "b", "c", "p", "m", "w");
    // g's fixed field `a` shares the literal's place, without an order between them: byte-wise
    // order decides between a and f
    h = embedding(1, 2, new int[] {2}, "f", "b");
    assertThat(order(List.of(h, embedded(2, 0, List.of("a"), List.of("c", "p"), false))))
        .containsExactly("a", "f", "b", "c", "p");
    // `g: {x: 1, (k): 2}`: g declared the dynamic field itself, so all of g follows the literal
    h = embedding(1, 2, new int[] {2}, "f", "b");
    assertThat(order(List.of(h, embedded(2, 0, List.of("x"), List.of("k"), true))))
        .containsExactly("f", "b", "x", "k");
    // `h: {f: 3, g, b: 0, q}` with `q: {x: 1}`: q, which followed the literal's last field, now
    // follows the embedding before it, g, and its dynamic fields
    h = embedding(1, 2, new int[] {2, 3}, "f", "b");
    assertThat(
            order(
                List.of(
                    h,
                    embedded(2, 0, none, List.of("c", "p", "m", "w"), false),
                    embedded(3, 1, List.of("x"), none, false))))
        .containsExactly("f", "b", "c", "p", "m", "w", "x");
    // without dynamic fields the literal stays where its last field is declared
    h = embedding(1, 2, new int[] {2}, "f", "b");
    assertThat(order(List.of(h, embedded(2, 0, List.of("c", "p"), none, false))))
        .containsExactly("c", "p", "f", "b");
  }

  /**
   * Embeddings are numbered across a whole evaluation, so a struct's may carry any numbers: the
   * edges between them cost what the struct's chains cost, not what the numbers are (an array
   * indexed by them made 20,000 list elements embedding a definition take 1.6 GB).
   */
  @Test
  void embeddingNumbersOfAnySizeCostOnlyTheirChains() {
    Arcs arcs = arcs(List.of("m", "k", "s", "r"));
    int big = Integer.MAX_VALUE - 2;
    assertThat(
            order(
                arcs, List.of(chain(0, big, 0, 0, "s", "r"), chain(0, big + 1, big, 0, "m", "k"))))
        .containsExactly("s", "r", "m", "k");
  }

  /**
   * Insertion order is taken without sorting only when it is the one topological order; whatever
   * the chains, the answer is the general algorithm's.
   */
  @Test
  void theInsertionOrderShortcutAgreesWithTheTopologicalSort() {
    qt().forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<String> labels = new ArrayList<>(POOL);
              Collections.shuffle(labels, r);
              labels = labels.subList(0, 2 + r.nextInt(POOL.size() - 1));
              Arcs arcs = arcs(labels);
              List<LabelChain> chains = new ArrayList<>();
              int unit = r.nextInt(3) - 1;
              int count = 1 + r.nextInt(4);
              for (int i = 0; i < count; i++) {
                List<String> ls = new ArrayList<>(labels);
                if (r.nextBoolean()) {
                  Collections.shuffle(ls, r);
                }
                int from = r.nextInt(ls.size());
                int to = from + 1 + r.nextInt(ls.size() - from);
                chains.add(
                    chain(
                        unit, ls.subList(r.nextInt(3) == 0 ? from : 0, to).toArray(String[]::new)));
                if (r.nextBoolean()) {
                  unit = unit < 0 ? r.nextInt(2) - 1 : unit + 1;
                }
              }
              int[] number = new int[labels.size()];
              List<Integer> regular = new ArrayList<>();
              for (int i = 0; i < number.length; i++) {
                number[i] = arcs.at(i).isRegularField() ? regular.size() : -1;
                if (number[i] >= 0) {
                  regular.add(i);
                }
              }
              int[] field = regular.stream().mapToInt(Integer::intValue).toArray();
              int[] general = Order.sort(arcs, field, Order.collectEdges(arcs, number, chains));
              assertThat(Order.topo(arcs, chains)).as("seed %d", seed).containsExactly(general);
            });
  }
}
