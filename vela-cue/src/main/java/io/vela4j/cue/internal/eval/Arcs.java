package io.vela4j.cue.internal.eval;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The arcs of a vertex: a map from label to arc in insertion order, as a {@link
 * java.util.LinkedHashMap} keeps it, without an entry object per arc (a struct of 10^6 fields has
 * 10^6 arcs).
 *
 * <p>Algorithm: the arcs are kept in an array in insertion order; the key of an arc is its label.
 * Up to {@value #SCAN} arcs are looked up by a linear scan; a larger map also keeps a chained hash
 * table in int arrays: per bucket, the last arc put in it; per arc, its hash and the arc before it
 * in its bucket. Buckets are at least as many as arcs. As in a {@link java.util.HashMap}, labels
 * such as {@code f1, f2...} have consecutive hashes and fall in consecutive buckets: a struct's
 * fields, looked up in insertion order, are read in memory order. Arcs are never removed; putting a
 * label again replaces its arc in place, as in a {@code LinkedHashMap}. Not thread-safe.
 */
final class Arcs extends AbstractMap<String, Vertex> {
  private static final int SCAN = 8;

  /** The arcs of every vertex that has none: never added to (see {@link Vertex#addNewArc}). */
  static final Arcs NONE = new Arcs(0);

  private Vertex[] arcs;
  private int size;

  Arcs() {
    this(2);
  }

  /** A map with room for {@code expected} arcs before its arrays grow. */
  Arcs(int expected) {
    arcs = new Vertex[Math.max(2, expected)];
  }

  /** Bucket to the index + 1 of its last arc (0: none); null while there are few arcs. */
  private int @Nullable [] heads;

  /** Per arc, the index + 1 of the arc before it in its bucket (0: none). */
  private int @Nullable [] next;

  /** Per arc, its label's spread hash. */
  private int @Nullable [] hashes;

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public @Nullable Vertex get(Object key) {
    int i = find(key);
    return i < 0 ? null : arcs[i];
  }

  /** The arc at insertion index {@code i}. */
  Vertex at(int i) {
    return arcs[i];
  }

  /** The insertion index of the arc of {@code label}, or -1. */
  int indexOf(String label) {
    return find(label);
  }

  private int find(Object key) {
    if (!(key instanceof String k)) {
      return -1;
    }
    int[] hs = heads;
    if (hs == null) {
      for (int i = 0; i < size; i++) {
        if (arcs[i].label.equals(k)) {
          return i;
        }
      }
      return -1;
    }
    int h = spread(k);
    for (int j = hs[h & (hs.length - 1)]; j != 0; j = next[j - 1]) {
      if (hashes[j - 1] == h && arcs[j - 1].label.equals(k)) {
        return j - 1;
      }
    }
    return -1;
  }

  /** Adds an arc under its label, or replaces the arc of that label in place. */
  @Override
  public @Nullable Vertex put(String label, Vertex arc) {
    if (!label.equals(arc.label)) {
      throw new IllegalArgumentException("arc " + arc.label + " put under label " + label);
    }
    int i = find(label);
    if (i >= 0) {
      Vertex old = arcs[i];
      arcs[i] = arc;
      return old;
    }
    addNew(arc);
    return null;
  }

  /** Adds an arc whose label is not in the map (the caller looked it up). */
  void addNew(Vertex arc) {
    assert this != NONE : "the shared empty arcs";
    if (size == arcs.length) {
      int cap = size + (size >> 1) + 1;
      arcs = Arrays.copyOf(arcs, cap);
      if (heads != null) {
        next = Arrays.copyOf(next, cap);
        hashes = Arrays.copyOf(hashes, cap);
      }
    }
    arcs[size++] = arc;
    if (heads != null && size <= heads.length) {
      link(size - 1);
    } else if (size > SCAN) {
      rehash();
    }
  }

  private void rehash() {
    // buckets for the room there is, so that a map made for its size is indexed once
    heads = new int[Integer.highestOneBit(Math.max(size, arcs.length)) * 2];
    if (next == null || next.length < arcs.length) {
      next = new int[arcs.length];
      hashes = new int[arcs.length];
      for (int i = 0; i < size; i++) {
        hashes[i] = spread(arcs[i].label);
      }
    }
    for (int i = 0; i < size; i++) {
      link(i);
    }
  }

  private void link(int i) {
    if (i == size - 1) {
      hashes[i] = spread(arcs[i].label);
    }
    int b = hashes[i] & (heads.length - 1);
    next[i] = heads[b];
    heads[b] = i + 1;
  }

  /**
   * The label's hash with its high bits folded in, as a {@link java.util.HashMap} spreads it:
   * labels such as {@code f1, f2...} then fall in consecutive buckets, read in insertion order.
   */
  private static int spread(String label) {
    int h = label.hashCode();
    return h ^ (h >>> 16);
  }

  @Override
  public Collection<Vertex> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<Vertex> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Vertex next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            return arcs[next++];
          }
        };
      }

      @Override
      public int size() {
        return size;
      }

      @Override
      public Object[] toArray() {
        return Arrays.copyOf(arcs, size, Object[].class);
      }
    };
  }

  @Override
  public Set<Map.Entry<String, Vertex>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Vertex>> iterator() {
        Iterator<Vertex> it = values().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Map.Entry<String, Vertex> next() {
            Vertex a = it.next();
            return new AbstractMap.SimpleImmutableEntry<>(a.label, a);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
