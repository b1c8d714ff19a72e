package io.vela4j.cue.internal.eval;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The alternatives of a disjunction of scalars and their default marks, stored so that a
 * disjunction which extends another one shares its storage: a chain {@code a1: *a0 | 1}, {@code a2:
 * *a1 | 2}, … gives link N the N+1 alternatives of link N-1 plus one, and copying them (or their
 * marks) would make the chain quadratic in time and memory.
 *
 * <p>The algorithm is the one of append-only slices. All the views of one chain share an array of
 * alternatives, an array of their marks, a running count of marks and an index from each
 * alternative's atom to its position; a view is a prefix of the arrays (its size). {@link #extend}
 * appends in place when the view is the whole store (the tip of the chain: no other view has seen
 * anything past it) and copies otherwise (a second disjunction built on the same link), so a chain
 * costs time and space linear in its length, and a branching use costs no more than copying did.
 * The index answers "is this atom already an alternative of this view" and the running count "how
 * many of this view's alternatives are marked" in constant time. A view never changes once made.
 *
 * <p>A vertex whose {@link Vertex#disjuncts} is such a view keeps its marks here, not in {@link
 * Vertex#defaults} (which is null): read them through {@link Defaults#marked} and {@link
 * Defaults#allMarked}. Every alternative is a finalized vertex holding a concrete scalar ({@link
 * Disjunctions} builds these lists only from such), so a disjunction whose list is shared needs
 * neither a check of its alternatives' kinds nor their finalization.
 */
final class SharedAlternatives extends AbstractList<Vertex> implements RandomAccess {
  /** The storage of one chain: append-only. */
  private static final class Store {
    Vertex[] items;
    boolean[] marks;

    /** {@code markedBefore[i]}: how many of the first i alternatives are marked. */
    int[] markedBefore;

    int size;
    int firstMarked = -1;
    final Map<Atom, Integer> index;

    Store(int capacity) {
      int c = Math.max(4, capacity);
      items = new Vertex[c];
      marks = new boolean[c];
      markedBefore = new int[c + 1];
      index = new HashMap<>(Math.max(16, c * 2));
    }

    void append(Vertex scalar, boolean mark) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
        marks = Arrays.copyOf(marks, size * 2);
        markedBefore = Arrays.copyOf(markedBefore, size * 2 + 1);
      }
      index.putIfAbsent(scalar.scalar, size);
      items[size] = scalar;
      marks[size] = mark;
      markedBefore[size + 1] = markedBefore[size] + (mark ? 1 : 0);
      if (mark && firstMarked < 0) {
        firstMarked = size;
      }
      size++;
    }
  }

  private final Store store;
  private final int size;

  private SharedAlternatives(Store store, int size) {
    this.store = store;
    this.size = size;
  }

  /** A fresh list of distinct finalized concrete scalars with their marks. */
  static SharedAlternatives of(List<Vertex> scalars, boolean[] marks) {
    Store st = new Store(scalars.size() + 1);
    for (int i = 0; i < scalars.size(); i++) {
      st.append(scalars.get(i).deref(), marks[i]);
    }
    return new SharedAlternatives(st, st.size);
  }

  /** The position of the alternative equal to {@code atom} in this view, or -1. */
  int indexOf(Atom atom) {
    Integer i = store.index.get(atom);
    return i != null && i < size ? i : -1;
  }

  /** Whether alternative {@code i} is marked as a default. */
  boolean marked(int i) {
    return store.marks[i];
  }

  /** How many of this view's alternatives are marked. */
  int markCount() {
    return store.markedBefore[size];
  }

  /** The marked alternative when exactly one is, else null. */
  @Nullable Vertex onlyMarked() {
    return markCount() == 1 ? store.items[store.firstMarked] : null;
  }

  /**
   * This view, its marks unchanged, followed by {@code extra} (distinct scalars, none equal to an
   * alternative of this view) with {@code extraMarks}: in place when this view is the tip of its
   * store, else in a copy.
   */
  SharedAlternatives extend(List<Vertex> extra, List<Boolean> extraMarks) {
    Store st = store;
    if (st.size != size) {
      st = new Store(size + extra.size());
      for (int i = 0; i < size; i++) {
        st.append(store.items[i], store.marks[i]);
      }
    }
    for (int i = 0; i < extra.size(); i++) {
      st.append(extra.get(i), extraMarks.get(i));
    }
    return new SharedAlternatives(st, st.size);
  }

  @Override
  public Vertex get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return store.items[i];
  }

  @Override
  public int size() {
    return size;
  }
}
