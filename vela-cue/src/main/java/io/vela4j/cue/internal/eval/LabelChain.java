package io.vela4j.cue.internal.eval;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The labels one struct literal declares, in the order that feeds the export order ({@link Order}):
 * a linked list of distinct labels into which an embedded literal or a comprehension inserts its
 * labels at the place of the embedding ({@link Cursor}), however late it runs. A comprehension's
 * place is a node of its own without a label ({@link #insertPlaceAfter}): several comprehensions
 * after the same field then yield in their source order, not each before the one declared earlier.
 *
 * <p>Only the first declaration of a label counts for the order (the topological sort ignores
 * repeated labels in a chain), and a cursor placed after a label is placed after its first
 * declaration; so a label already in the chain is not inserted again, the cursor just moves to it.
 * Nodes live in parallel arrays ({@code labels}, {@code next}) and never move, so inserting after a
 * node is constant time; a label is found through a hash index once the chain is longer than a
 * handful of labels (a linear scan before): a chained table in int arrays, as {@link Arcs} keeps
 * one (per bucket its last node, per node its hash and the node before it in its bucket). The index
 * is made by the first search that needs it and kept up from then on: a literal whose labels are
 * all new to its node ({@link Cursor#addNew}), the usual case, is never searched. Declaring N
 * fields therefore costs O(N) wherever the embeddings and comprehensions put them (the former array
 * list with {@code indexOf} made a struct of N fields cost O(N²)).
 */
final class LabelChain {
  private static final int INDEX_FROM = 8;

  /** The number of the conjunct of the node that declared these labels (-1: none). */
  final int unit;

  /**
   * The embedding of the node's literals that brought these labels (0: none): a struct literal
   * embedded by reference ({@code {q, p}}) has its own chain, which follows the chains of the
   * embedding before it in the same literal, {@link #after}.
   */
  final int step;

  /** The embedding these labels follow (0: none). */
  final int after;

  /**
   * What only some chains have (a literal that embeds others, labels made by dynamic fields), kept
   * aside so that the usual chain stays small (a component template's evaluation makes about a
   * hundred chains); null when the chain has none of it.
   */
  private @Nullable Placement placement;

  /** The rarely set facts about a chain's place in the order ({@link #placement}). */
  private static final class Placement {
    int selfStep;
    int selfAfter;
    int[] embeds = NONE;
    int embedCount;
    int firstDynamic = -1;
    boolean ownDynamic;
  }

  private Placement placement() {
    Placement p = placement;
    if (p == null) {
      p = placement = new Placement();
    }
    return p;
  }

  /**
   * For a literal that embeds others: its own number in the sequence of its embeddings (0: none),
   * set while the literal is added, at its first embedding that is not a literal.
   */
  int selfStep() {
    return placement == null ? 0 : placement.selfStep;
  }

  void setSelfStep(int step) {
    placement().selfStep = step;
  }

  /**
   * For a literal that embeds others: the embedding its fields follow ({@code {q, n: 1, p}}: {@code
   * q}'s; 0: none). Its fields come where its last one is declared.
   */
  int selfAfter() {
    return placement == null ? 0 : placement.selfAfter;
  }

  void setSelfAfter(int step) {
    placement().selfAfter = step;
  }

  /**
   * For a literal that embeds others ({@link #selfStep}): how many of its embeddings are references
   * (a name, a selector or an index; not an expression such as {@code a & b}).
   */
  int embedCount() {
    return placement == null ? 0 : placement.embedCount;
  }

  /** The {@link #step} of the {@code k}-th of those embeddings, in declaration order. */
  int embed(int k) {
    return placement.embeds[k];
  }

  /** Notes the {@link #step} of an embedding by reference of this chain's literal. */
  void addEmbed(int step) {
    Placement p = placement();
    if (p.embedCount == p.embeds.length) {
      p.embeds = Arrays.copyOf(p.embeds, Math.max(2, p.embedCount * 2));
    }
    p.embeds[p.embedCount++] = step;
  }

  /**
   * The first node whose label a dynamic field ({@code (k): v}) made (-1: none). A dynamic field
   * runs once its label is concrete, after the literal's other fields; CUE v0.12+ orders an
   * embedding literal by such late fields ({@link Order}).
   */
  int firstDynamic() {
    return placement == null ? -1 : placement.firstDynamic;
  }

  /**
   * Whether a dynamic field that made a label of the chain was declared in the literal that owns
   * the chain, rather than in the body of one of its comprehensions.
   */
  boolean ownDynamic() {
    return placement != null && placement.ownDynamic;
  }

  LabelChain(int unit) {
    this(unit, 4, 0, 0);
  }

  /**
   * A chain with room for {@code expected} labels before its arrays grow, of the conjunct {@code
   * unit}, made by the embedding {@code step}, which follows the embedding {@code after}.
   */
  LabelChain(int unit, int expected, int step, int after) {
    this.unit = unit;
    this.step = step;
    this.after = after;
    int n = Math.max(2, expected);
    this.labels = new String[n];
    this.next = new int[n];
  }

  /** Per node, its label; null for a node that only marks a place ({@link #insertPlaceAfter}). */
  private @Nullable String[] labels;

  private int[] next;
  private int size;
  private int head = -1;
  private int tail = -1;

  /** Bucket to its last node + 1 (0: none); null while the chain is short. */
  private int @Nullable [] heads;

  /** Per node, the node + 1 before it in its bucket (0: none). */
  private int[] chained = NONE;

  /** Per node, its label's spread hash. */
  private int[] hashes = NONE;

  private static final int[] NONE = {};

  /** The node holding {@code label}, or -1. */
  int find(String label) {
    if (heads == null && size > INDEX_FROM) {
      index();
    }
    int[] hs = heads;
    if (hs != null) {
      int h = spread(label);
      for (int j = hs[h & (hs.length - 1)]; j != 0; j = chained[j - 1]) {
        if (hashes[j - 1] == h && labels[j - 1].equals(label)) {
          return j - 1;
        }
      }
      return -1;
    }
    for (int i = 0; i < size; i++) {
      if (label.equals(labels[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Inserts {@code label} after node {@code after} (-1: at the start) unless the chain has it.
   *
   * @return the node of the label
   */
  int insertAfter(int after, String label) {
    int found = find(label);
    return found >= 0 ? found : insertNewAfter(after, label);
  }

  /**
   * Inserts {@code label}, which the chain does not have, after node {@code after} (-1: at the
   * start).
   *
   * @return the node of the label
   */
  int insertNewAfter(int after, String label) {
    return link(newNode(label), after);
  }

  /**
   * Inserts a node without a label after node {@code after} (-1: at the start): it marks a place,
   * such as that of a comprehension, whose labels are inserted after it later; the order skips it.
   *
   * @return the node
   */
  int insertPlaceAfter(int after) {
    return link(newNode(null), after);
  }

  /** Links a new node into the chain after node {@code after} (-1: at the start). */
  private int link(int node, int after) {
    if (after < 0) {
      next[node] = head;
      head = node;
      if (tail < 0) {
        tail = node;
      }
    } else {
      next[node] = next[after];
      next[after] = node;
      if (tail == after) {
        tail = node;
      }
    }
    return node;
  }

  /** Appends {@code label} unless the chain has it. */
  void append(String label) {
    insertAfter(tail, label);
  }

  /**
   * Appends {@code label}, made by a dynamic field, unless the chain has it ({@link
   * #firstDynamic}); {@code own} tells whether the field was declared in the chain's own literal.
   */
  void appendDynamic(String label, boolean own) {
    int before = size;
    append(label);
    if (size > before) {
      Placement p = placement();
      if (p.firstDynamic < 0) {
        p.firstDynamic = size - 1;
      }
      p.ownDynamic |= own;
    }
  }

  private int newNode(@Nullable String label) {
    if (size == labels.length) {
      labels = Arrays.copyOf(labels, size * 2);
      next = Arrays.copyOf(next, size * 2);
      if (heads != null) {
        chained = Arrays.copyOf(chained, size * 2);
        hashes = Arrays.copyOf(hashes, size * 2);
      }
    }
    int node = size++;
    labels[node] = label;
    if (heads != null) {
      if (size <= heads.length) {
        index(node);
      } else {
        index();
      }
    }
    return node;
  }

  /** Makes the hash index anew, with at least as many buckets as nodes. */
  private void index() {
    heads = new int[Integer.highestOneBit(size) * 2];
    if (chained.length < labels.length) {
      chained = new int[labels.length];
      hashes = new int[labels.length];
    }
    for (int i = 0; i < size; i++) {
      index(i);
    }
  }

  /** Puts a node into the hash index; a place, which has no label, is never searched for. */
  private void index(int node) {
    String label = labels[node];
    if (label == null) {
      return;
    }
    int h = spread(label);
    hashes[node] = h;
    int b = h & (heads.length - 1);
    chained[node] = heads[b];
    heads[b] = node + 1;
  }

  private static int spread(String label) {
    int h = label.hashCode();
    return h ^ (h >>> 16);
  }

  /** The first node of the chain, or -1 if it is empty. */
  int first() {
    return head;
  }

  /** The node after {@code node} in chain order, or -1 after the last. */
  int after(int node) {
    return next[node];
  }

  /** The label of {@code node}; null for a node that only marks a place. */
  @Nullable String label(int node) {
    return labels[node];
  }

  int size() {
    return size;
  }

  /** Where the labels of an embedded literal or comprehension go: after the node {@code anchor}. */
  static final class Cursor {
    final LabelChain chain;

    /** The node the next label goes after; -1 for the start of the chain. */
    int anchor;

    Cursor(LabelChain chain, int anchor) {
      this.chain = chain;
      this.anchor = anchor;
    }

    void add(String label) {
      anchor = chain.insertAfter(anchor, label);
    }

    /**
     * Adds a label that the chain cannot have yet: its node has just made the label's arc (every
     * label of a node's chains went with an attempt to make its arc in the node, and a label whose
     * arc could not be made never gets one later).
     */
    void addNew(String label) {
      anchor = chain.insertNewAfter(anchor, label);
    }
  }
}
