package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs evaluation work on a thread with a large stack, so that deeply nested inputs (10,000 levels)
 * do not overflow; a stack overflow nevertheless becomes a {@code LIMIT} error.
 */
final class Deep {
  private Deep() {}

  private static final long STACK = 1L << 30;
  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

  static <T> T run(Supplier<T> work) {
    if (INSIDE.get()) {
      return work.get();
    }
    Object[] result = new Object[1];
    Throwable[] error = new Throwable[1];
    Thread t =
        new Thread(
            null,
            () -> {
              INSIDE.set(true);
              try {
                result[0] = work.get();
              } catch (StackOverflowError e) {
                error[0] =
                    new CueException(
                        new CueError(
                            CueError.Kind.LIMIT,
                            "limit exceeded: value nested too deeply",
                            "",
                            List.of()));
              } catch (Eval.Cancelled e) {
                error[0] =
                    new CueException(
                        new CueError(CueError.Kind.LIMIT, e.getMessage(), "", List.of()));
              } catch (CueException e) {
                error[0] = e;
              } catch (BottomEx e) {
                error[0] =
                    new CueException(
                        new CueError(
                            e.bottom.kind(), e.bottom.message(), e.bottom.path(), List.of()));
              } catch (RuntimeException e) {
                // Never leak a raw NPE/ClassCastException to callers: report it as a typed error.
                error[0] =
                    new CueException(
                        new CueError(
                            CueError.Kind.OTHER, "internal evaluator error: " + e, "", List.of()));
              } catch (Throwable e) {
                error[0] = e;
              }
            },
            "vela-cue-eval",
            STACK);
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        // Pass the interrupt on: the evaluator polls it and stops (Eval.Cancelled), so a caller
        // that gives up (e.g. Future.cancel(true) after a time-out) does not leave it running.
        interrupted = true;
        t.interrupt();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (error[0] instanceof RuntimeException re) {
      throw re;
    }
    if (error[0] instanceof Error er) {
      throw er;
    }
    if (error[0] != null) {
      throw new IllegalStateException(error[0]);
    }
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }
}
