package io.vela4j.cue.internal;

import java.util.function.Supplier;

/**
 * Runs work on a thread with a large stack: the one place where vela-cue trades the JVM's default
 * stack for depth. The parser and the evaluator recurse over the input's nesting, and inputs nested
 * 10,000 levels deep (design note, trap T21) must neither overflow the caller's stack nor crash it.
 * The reserved stack is address space only; the pages are committed as the recursion touches them.
 *
 * <p>Work started from a thread that is already a large-stack thread runs in place. Whatever the
 * work throws ({@link RuntimeException} or {@link Error}, {@link StackOverflowError} included) is
 * rethrown to the caller, who maps it to its own error. Interrupting the caller while it waits
 * interrupts the worker, so work that polls its interrupt flag stops when its caller gives up.
 */
public final class LargeStack {
  /** The stack reserved for the worker thread: 1 GiB. */
  public static final long STACK_BYTES = 1L << 30;

  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

  private LargeStack() {}

  /** Thrown when no thread with a large stack can be started (the JVM is out of native threads). */
  public static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(Throwable cause) {
      super("cannot start a thread with a large stack: " + cause.getMessage(), cause);
    }
  }

  /**
   * Tells whether the current thread is a large-stack worker.
   *
   * @return true inside {@link #run}
   */
  public static boolean isInside() {
    return INSIDE.get();
  }

  /**
   * Runs {@code work} on a large stack and returns its result.
   *
   * @param threadName the name of the worker thread
   * @param work the work
   * @param <T> the result type
   * @return what {@code work} returned
   * @throws Unavailable if the worker thread cannot be started
   */
  public static <T> T run(String threadName, Supplier<T> work) {
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
              } catch (Throwable e) {
                error[0] = e;
              }
            },
            threadName,
            STACK_BYTES);
    t.setDaemon(true);
    try {
      t.start();
    } catch (OutOfMemoryError e) {
      // The documented failure of Thread.start when no native thread can be created.
      throw new Unavailable(e);
    }
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
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
