package io.vela4j.rollout.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Webster / Sainte-Laguë seat allocation, one seat at a time to the highest {@code votes / (2 ×
 * seats + 1)}, ties to the party with fewer seats, then to the smaller name. Seats can only be
 * added, so a sequence of growing totals never takes a seat away (house monotone: no Alabama
 * paradox). Exact: priorities are compared by cross-multiplication in {@code long}.
 *
 * <p>Not thread-safe; one instance per computation.
 */
public final class Webster {
  private final long[] votes;
  private final int[] nameRank;
  private final int[] seats;
  private final int[] heap;
  private long allocated;

  /**
   * An allocator over {@code votes} (each in {@code [0, Integer.MAX_VALUE]}); when every vote is 0
   * all parties count as equal.
   */
  public Webster(long[] votes, String[] names) {
    this(votes, names, new int[votes.length]);
  }

  /**
   * An allocator that starts from {@code initial} seats (Karmada scales up from the current
   * assignment the same way); later seats go by the usual priority.
   */
  public Webster(long[] votes, String[] names, int[] initial) {
    int n = votes.length;
    boolean allZero = true;
    for (long v : votes) {
      allZero &= v == 0;
    }
    this.votes = allZero ? filled(n) : votes.clone();
    this.nameRank = ranks(names);
    this.seats = initial.clone();
    for (int i : initial) {
      allocated += i;
    }
    this.heap = new int[n];
    for (int i = 0; i < n; i++) {
      heap[i] = i;
    }
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(i, n);
    }
  }

  private static long[] filled(int n) {
    var a = new long[n];
    Arrays.fill(a, 1);
    return a;
  }

  private static int[] ranks(String[] names) {
    var order = new Integer[names.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing((Integer i) -> names[i]).thenComparing(i -> i));
    var rank = new int[names.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  /** Adds seats until {@code total} are allocated; totals below the current one are ignored. */
  public void allocateTo(long total) {
    int n = heap.length;
    if (n == 0) {
      return;
    }
    while (allocated < total) {
      int top = heap[0];
      seats[top]++;
      allocated++;
      siftDown(0, n);
    }
  }

  /** The seats of party {@code i}. */
  public int seats(int i) {
    return seats[i];
  }

  /** A copy of all seats. */
  public int[] seats() {
    return seats.clone();
  }

  /** Allocates {@code total} seats from scratch. */
  public static int[] allocate(long total, long[] votes, String[] names) {
    var w = new Webster(votes, names);
    w.allocateTo(total);
    return w.seats();
  }

  /** Whether party a goes before party b. */
  private boolean before(int a, int b) {
    // votes_a / (2 s_a + 1) > votes_b / (2 s_b + 1)  <=>  votes_a (2 s_b + 1) > votes_b (2 s_a + 1)
    long lhs = votes[a] * (2L * seats[b] + 1);
    long rhs = votes[b] * (2L * seats[a] + 1);
    if (lhs != rhs) {
      return lhs > rhs;
    }
    if (seats[a] != seats[b]) {
      return seats[a] < seats[b];
    }
    return nameRank[a] < nameRank[b];
  }

  private void siftDown(int i, int n) {
    int x = heap[i];
    while (true) {
      int l = 2 * i + 1;
      if (l >= n) {
        break;
      }
      int r = l + 1;
      int c = r < n && before(heap[r], heap[l]) ? r : l;
      if (!before(heap[c], x)) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = x;
  }
}
