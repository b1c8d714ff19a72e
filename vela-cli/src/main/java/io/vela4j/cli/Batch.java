package io.vela4j.cli;

import io.vela4j.cue.CueCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a batch of independent evaluations on a few threads and writes their results in the batch's
 * order, so that what a batch leaves on disk and reports does not depend on the number of threads:
 * the evaluations (the costly part, each free of side effects) run ahead in parallel, while the
 * calling thread takes their results one by one in order and writes each one's file (deleting its
 * stale counterpart) exactly as a sequential loop would. An I/O error while writing stops the batch
 * at that item, as it would stop a sequential loop; evaluations running ahead are then abandoned.
 */
final class Batch {
  private Batch() {}

  /**
   * The outcome of one item.
   *
   * @param ok whether the item succeeded (counted as exported) or was rejected
   * @param write the file to write {@code text} to
   * @param delete the file to delete first (the other outcome's file, left by an earlier run)
   * @param text the text to write, in UTF-8
   */
  record Result(boolean ok, Path write, Path delete, String text) {}

  /**
   * The number of threads a batch uses: the processors the JVM may use, at most 8 (each has a large
   * stack reserved: {@link CueCompiler#threadFactory}).
   */
  static int threads() {
    return Math.min(8, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Evaluates every item with {@code work} on {@code threads} threads (in the calling thread alone
   * when it is 1 or there is a single item) and writes the results in the items' order.
   *
   * @param items the items, in the order their results are written
   * @param work evaluates one item; it must not throw (an item's failure is a rejected result)
   * @param threads how many threads evaluate
   * @return the numbers of items exported and rejected
   * @throws IOException if a result cannot be written (the batch stops there)
   */
  static <T> int[] run(List<T> items, Function<T, Result> work, int threads) throws IOException {
    int[] counts = new int[2];
    if (threads <= 1 || items.size() <= 1) {
      for (T item : items) {
        write(work.apply(item), counts);
      }
      return counts;
    }
    // threads on which the evaluator runs in place, not handing each item's compilation,
    // evaluation and export to threads of its own
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, items.size()), CueCompiler.threadFactory("vela4j-batch"));
    try {
      // a bounded window of evaluations runs ahead of the writing, so that the results held in
      // memory stay few however large the batch
      int window = 4 * threads;
      var pending = new ArrayDeque<Future<Result>>();
      int next = 0;
      while (next < items.size() || !pending.isEmpty()) {
        while (next < items.size() && pending.size() < window) {
          T item = items.get(next++);
          pending.add(pool.submit(() -> work.apply(item)));
        }
        write(result(pending.poll()), counts);
      }
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Result result(Future<Result> f) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true; // as a sequential loop would, finish the item at hand
        } catch (ExecutionException e) {
          var cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error er) {
            throw er;
          }
          throw new IllegalStateException(cause); // work throws no checked exception
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void write(Result r, int[] counts) throws IOException {
    Files.deleteIfExists(r.delete());
    Files.writeString(r.write(), r.text(), StandardCharsets.UTF_8);
    counts[r.ok() ? 0 : 1]++;
  }
}
