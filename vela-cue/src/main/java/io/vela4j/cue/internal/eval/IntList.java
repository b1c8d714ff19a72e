package io.vela4j.cue.internal.eval;

import java.util.Arrays;

/**
 * A list of ints that only grows, without boxing: the closedness scopes a node records ({@link
 * NodeContext#structScopes} and its siblings), whose numbers soon pass the JDK's small Integer
 * cache. {@link #NONE} is the shared empty list that a node holds until it records one. Not
 * thread-safe.
 */
final class IntList {
  /** The shared empty list; adding to it is an error. */
  static final IntList NONE = new IntList();

  private static final int[] EMPTY = {};

  /** The elements; the shared empty array until the first is added (most lists hold one or two). */
  private int[] elems = EMPTY;

  private int size;

  void add(int x) {
    if (this == NONE) {
      throw new UnsupportedOperationException("the shared empty list");
    }
    if (size == elems.length) {
      elems = Arrays.copyOf(elems, Math.max(2, size * 2));
    }
    elems[size++] = x;
  }

  int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException("index " + i + ", size " + size);
    }
    return elems[i];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }
}
