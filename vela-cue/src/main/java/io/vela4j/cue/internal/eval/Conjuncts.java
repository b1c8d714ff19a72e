package io.vela4j.cue.internal.eval;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The conjuncts of a vertex: a list that only grows, kept small because nearly every vertex has
 * exactly one conjunct (a struct of 10^6 fields has 10^6 vertices).
 *
 * <p>Algorithm: one field holds nothing, the only conjunct, or an array of the conjuncts whose
 * length doubles as it fills; an {@link java.util.ArrayList} would add an object and an array per
 * vertex. Appending is the only change; iterators fail fast on a change as an ArrayList's do. Not
 * thread-safe.
 */
final class Conjuncts extends AbstractList<Conjunct> implements RandomAccess {
  /** Null (empty), a {@link Conjunct} (one), or a {@code Conjunct[]} (two or more). */
  private @Nullable Object elems;

  private int size;

  @Override
  public int size() {
    return size;
  }

  @Override
  public Conjunct get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + ", size " + size);
    }
    return elems instanceof Conjunct c ? c : ((Conjunct[]) elems)[i];
  }

  /** Appends a conjunct; only appending is supported. */
  @Override
  public void add(int index, Conjunct c) {
    if (index != size) {
      throw new UnsupportedOperationException("conjuncts are only appended");
    }
    Objects.requireNonNull(c, "conjunct");
    if (size == 0) {
      elems = c;
    } else if (elems instanceof Conjunct first) {
      Conjunct[] a = new Conjunct[4];
      a[0] = first;
      a[1] = c;
      elems = a;
    } else {
      Conjunct[] a = (Conjunct[]) elems;
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
        elems = a;
      }
      a[size] = c;
    }
    size++;
    modCount++;
  }
}
