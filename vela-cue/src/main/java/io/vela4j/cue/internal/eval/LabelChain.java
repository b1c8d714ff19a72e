package io.vela4j.cue.internal.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The labels one struct literal declares, in the order that feeds the export order ({@link Order}):
 * a linked list of distinct labels into which an embedded literal or a comprehension inserts its
 * labels at the place of the embedding ({@link Cursor}), however late it runs.
 *
 * <p>Only the first declaration of a label counts for the order (the topological sort ignores
 * repeated labels in a chain), and a cursor placed after a label is placed after its first
 * declaration; so a label already in the chain is not inserted again, the cursor just moves to it.
 * Nodes live in parallel arrays ({@code labels}, {@code next}) and never move, so inserting after a
 * node is constant time; a label is found through a hash index once the chain is longer than a
 * handful of labels (a linear scan before). Declaring N fields therefore costs O(N) wherever the
 * embeddings and comprehensions put them (the former array list with {@code indexOf} made a struct
 * of N fields cost O(N²)).
 */
final class LabelChain {
  private static final int INDEX_FROM = 8;

  private String[] labels = new String[4];
  private int[] next = new int[4];
  private int size;
  private int head = -1;
  private int tail = -1;
  private @Nullable HashMap<String, Integer> index;

  /** The node holding {@code label}, or -1. */
  int find(String label) {
    if (index != null) {
      Integer i = index.get(label);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < size; i++) {
      if (labels[i].equals(label)) {
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
    if (found >= 0) {
      return found;
    }
    int node = newNode(label);
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

  private int newNode(String label) {
    if (size == labels.length) {
      labels = Arrays.copyOf(labels, size * 2);
      next = Arrays.copyOf(next, size * 2);
    }
    int node = size++;
    labels[node] = label;
    if (index != null) {
      index.put(label, node);
    } else if (size > INDEX_FROM) {
      index = new HashMap<>(size * 4);
      for (int i = 0; i < size; i++) {
        index.put(labels[i], i);
      }
    }
    return node;
  }

  /** Calls {@code action} with each label, in chain order. */
  void forEach(Consumer<String> action) {
    for (int i = head; i >= 0; i = next[i]) {
      action.accept(labels[i]);
    }
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
  }
}
