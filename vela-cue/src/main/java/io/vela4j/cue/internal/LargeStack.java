package io.vela4j.cue.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs work on a thread with a large stack: the one place where vela-cue trades the JVM's default
 * stack for depth. The parser and the evaluator recurse over the input's nesting, and inputs nested
 * 10,000 levels deep (design note, trap T21) must neither overflow the caller's stack nor crash it.
 * The reserved stack is address space only; the pages are committed as the recursion touches them.
 *
 * <h2>A pool of large-stack threads</h2>
 *
 * <p>Starting a thread costs about half a millisecond, more than evaluating a small template, so
 * the threads are pooled: at most {@link #WORKERS} daemon threads (the number of processors, at
 * least two), started on demand and stopped after {@value #IDLE_SECONDS} seconds without work. One
 * pool serves every compiler and program of the JVM; when all its threads are busy, callers wait in
 * a queue, which bounds the number of 1 GiB stacks at the number of processors (the work is
 * CPU-bound: more threads would not finish sooner). Work started from a pool thread runs in place,
 * so work never waits for work it started and the pool cannot deadlock. A caller that runs much
 * work on a pool of its own makes its threads with {@link #threads} instead: they are such threads
 * too, and their work never reaches the shared pool (their number is the caller's to bound).
 *
 * <h2>Shallow work first</h2>
 *
 * <p>Handing work to another thread still costs tens of microseconds, which matters when the work
 * is a small template evaluated thousands of times a second. {@link #runShallowFirst} therefore
 * runs the work on the caller's own stack first, while the work itself checks that it stays
 * shallow: every recursion that the input can make deep calls {@link #checkDepth} with its depth,
 * which, outside a pool thread, throws {@link TooDeep} past a budget of {@value #SHALLOW} levels.
 * The work must be free of side effects until it returns (evaluation builds its own graph), so
 * {@link TooDeep}, or a {@link StackOverflowError} that the budgets did not prevent (a caller with
 * a small stack), simply makes it start again on a pool thread, where the checks never throw.
 *
 * <p>Whatever the work throws ({@link RuntimeException} or {@link Error}, {@link
 * StackOverflowError} included) is rethrown to the caller, who maps it to its own error.
 * Interrupting the caller while it waits interrupts the worker running its work (and only while it
 * runs that work), so work that polls its interrupt flag stops when its caller gives up; work still
 * queued is withdrawn and the caller gets {@link Unavailable}.
 */
public final class LargeStack {
  /**
   * The nesting budget of work run on the caller's stack: each recursion that calls {@link
   * #checkDepth} may go this many levels deep before the work moves to a large stack. The
   * evaluator's recursions through nested values, nested evaluations and expressions each stay
   * within a few kilobytes per level, so a few such budgets together stay well under the 512 KiB to
   * 1 MiB a JVM gives a thread's stack.
   */
  public static final int SHALLOW = 40;

  /** The stack reserved for each worker thread: 1 GiB. */
  public static final long STACK_BYTES = 1L << 30;

  /** The most worker threads: the number of processors, at least two. */
  static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());

  /** How long an idle worker thread waits for work before it stops. */
  static final int IDLE_SECONDS = 30;

  private static final ThreadPoolExecutor POOL = pool();

  private LargeStack() {}

  /** Thrown when the work cannot be run on a large stack, or was withdrawn before it started. */
  public static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }

    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * Thrown by {@link #checkDepth} when work running on the caller's stack goes deeper than its
   * budget; {@link #runShallowFirst} then runs the work again on a large stack. It carries no stack
   * trace and must not be caught by the work.
   */
  public static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final TooDeep INSTANCE = new TooDeep();

    private TooDeep() {
      super("work too deep for the caller's stack", null, false, false);
    }
  }

  /**
   * Checks a recursion of work run by {@link #runShallowFirst}: off a pool thread, a depth beyond
   * {@link #SHALLOW} throws {@link TooDeep}; on a pool thread it never throws.
   *
   * @param depth how deep the recursion is now
   * @throws TooDeep if the work must move to a large stack
   */
  public static void checkDepth(int depth) {
    if (depth > SHALLOW && !(Thread.currentThread() instanceof Worker)) {
      throw TooDeep.INSTANCE;
    }
  }

  /**
   * Runs work that has no side effects before it returns on the caller's stack, and again on a
   * large stack if it turns out too deep for it ({@link TooDeep} or a {@link StackOverflowError}).
   *
   * @param work the work; it calls {@link #checkDepth} in every recursion its input can make deep
   * @param <T> the result type
   * @return what {@code work} returned
   * @throws Unavailable as {@link #run}
   */
  public static <T> T runShallowFirst(Supplier<T> work) {
    if (Thread.currentThread() instanceof Worker) {
      return work.get();
    }
    try {
      return work.get();
    } catch (TooDeep | StackOverflowError e) {
      return run(work);
    }
  }

  /** A large-stack thread, of the pool or of {@link #threads}: work started on it runs in place. */
  private static final class Worker extends Thread {
    Worker(Runnable r, String name) {
      super(null, r, name, STACK_BYTES);
      setDaemon(true);
    }
  }

  /**
   * Returns a factory of daemon threads like the pool's own, named {@code namePrefix-1}, {@code
   * namePrefix-2}, ...: each has a large stack, and work started on it runs in place. A caller that
   * runs many pieces of work on threads of its own (a batch) saves a hand-off to the pool per
   * piece.
   *
   * @param namePrefix the threads' name before the number
   * @return the factory
   */
  public static ThreadFactory threads(String namePrefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> new Worker(r, namePrefix + "-" + n.incrementAndGet());
  }

  private static ThreadPoolExecutor pool() {
    ThreadPoolExecutor p =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads("vela-cue"));
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  /**
   * Tells whether the current thread is a large-stack worker.
   *
   * @return true inside {@link #run}
   */
  public static boolean isInside() {
    return Thread.currentThread() instanceof Worker;
  }

  /**
   * Runs {@code work} on a large stack and returns its result.
   *
   * @param work the work
   * @param <T> the result type
   * @return what {@code work} returned
   * @throws Unavailable if no worker thread can be started, or the caller was interrupted before
   *     the work started
   */
  public static <T> T run(Supplier<T> work) {
    if (Thread.currentThread() instanceof Worker) {
      return work.get();
    }
    Job<T> job = new Job<>(work);
    try {
      POOL.execute(job);
    } catch (RejectedExecutionException | OutOfMemoryError e) {
      // OutOfMemoryError is the documented failure of Thread.start when no native thread can be
      // created.
      throw new Unavailable("cannot start a thread with a large stack: " + e.getMessage(), e);
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          job.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          if (job.withdraw()) {
            POOL.remove(job);
            throw new Unavailable(
                "evaluation cancelled: the calling thread was interrupted before it started");
          }
          job.interruptIfRunning();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return job.result();
  }

  /** One piece of work handed to the pool, and the caller's view of it. */
  private static final class Job<T> implements Runnable {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;

    private final Supplier<T> work;
    private int state = QUEUED;
    private Thread runner;
    private T value;
    private Throwable error;

    Job(Supplier<T> work) {
      this.work = work;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (state != QUEUED) {
          return; // withdrawn by its caller
        }
        state = RUNNING;
        runner = Thread.currentThread();
      }
      T v = null;
      Throwable err = null;
      try {
        v = work.get();
      } catch (Throwable e) {
        err = e;
      }
      synchronized (this) {
        value = v;
        error = err;
        state = DONE;
        runner = null;
        // An interrupt meant for this work must not reach the next one.
        Thread.interrupted();
        notifyAll();
      }
    }

    synchronized void await() throws InterruptedException {
      while (state != DONE) {
        wait();
      }
    }

    /** Withdraws the work if it has not started; true if withdrawn. */
    synchronized boolean withdraw() {
      if (state == QUEUED) {
        state = DONE;
        return true;
      }
      return false;
    }

    synchronized void interruptIfRunning() {
      if (state == RUNNING) {
        runner.interrupt();
      }
    }

    synchronized T result() {
      if (error instanceof RuntimeException re) {
        throw re;
      }
      if (error instanceof Error er) {
        throw er;
      }
      if (error != null) {
        throw new IllegalStateException(error);
      }
      return value;
    }
  }
}
