package io.vela4j.rollout.internal;

import io.vela4j.rollout.RolloutPlan.Counts;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, ordered {@code Map<String, Counts>} backed by arrays shared with the planner, so a
 * plan over many clusters does not allocate one map entry per cluster and step.
 */
public final class CountsMap extends AbstractMap<String, Counts> {
  private final String[] names;
  private final Map<String, Integer> index;
  private final int[] news;
  private final int[] olds;

  CountsMap(String[] names, Map<String, Integer> index, int[] news, int[] olds) {
    this.names = names;
    this.index = index;
    this.news = news;
    this.olds = olds;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return index.containsKey(key);
  }

  @Override
  public @Nullable Counts get(@Nullable Object key) {
    var i = index.get(key);
    return i == null ? null : new Counts(news[i], olds[i]);
  }

  @Override
  public Set<Entry<String, Counts>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Entry<String, Counts>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < names.length;
          }

          @Override
          public Entry<String, Counts> next() {
            if (i >= names.length) {
              throw new NoSuchElementException();
            }
            int k = i++;
            return new SimpleImmutableEntry<>(names[k], new Counts(news[k], olds[k]));
          }
        };
      }
    };
  }
}
