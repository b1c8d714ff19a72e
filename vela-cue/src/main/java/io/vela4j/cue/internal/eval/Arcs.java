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
 * Up to {@value #SCAN} arcs are looked up by a linear scan; a larger map also keeps an
 * open-addressing table (Fibonacci hashing, linear probing, at most half full) from the label to
 * the arc's index. Arcs are never removed; putting a label again replaces its arc in place, as in a
 * {@code LinkedHashMap}. Not thread-safe.
 */
final class Arcs extends AbstractMap<String, Vertex> {
  private static final int SCAN = 8;

  private Vertex[] arcs = new Vertex[2];
  private int size;

  /** Slot to arc index + 1 (0: free slot); null while the map has at most {@link #SCAN} arcs. */
  private int @Nullable [] index;

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
    if (size == arcs.length) {
      arcs = Arrays.copyOf(arcs, size + (size >> 1) + 1);
    }
    arcs[size++] = arc;
    int[] t = index;
    if (t != null && size * 2 <= t.length) {
      insert(t, label, size);
    } else if (size > SCAN) {
      reindex();
    }
    return null;
  }

  private int find(Object key) {
    if (!(key instanceof String k)) {
      return -1;
    }
    int[] t = index;
    if (t == null) {
      for (int i = 0; i < size; i++) {
        if (arcs[i].label.equals(k)) {
          return i;
        }
      }
      return -1;
    }
    int mask = t.length - 1;
    for (int s = slot(k, t); ; s = (s + 1) & mask) {
      int j = t[s];
      if (j == 0) {
        return -1;
      }
      if (arcs[j - 1].label.equals(k)) {
        return j - 1;
      }
    }
  }

  private void reindex() {
    int[] t = new int[Integer.highestOneBit(size) * 4];
    for (int i = 0; i < size; i++) {
      insert(t, arcs[i].label, i + 1);
    }
    index = t;
  }

  private static void insert(int[] t, String label, int slotValue) {
    int mask = t.length - 1;
    int s = slot(label, t);
    while (t[s] != 0) {
      s = (s + 1) & mask;
    }
    t[s] = slotValue;
  }

  /**
   * The first slot of a label: the top bits of its hash times the golden ratio (Fibonacci hashing),
   * as labels such as {@code f1, f2...} or list indexes have hashes that differ in few bits.
   */
  private static int slot(String label, int[] t) {
    return (label.hashCode() * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(t.length) + 1);
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
