package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.internal.LargeStack;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs evaluator work (compile, evaluate, validate, export) on a stack deep enough for it and turns
 * every failure into a {@link CueException}: a stack overflow on a large stack or an interrupt
 * becomes a {@code LIMIT} error, and an internal error is reported as a typed error instead of
 * leaking a raw NPE or ClassCastException.
 *
 * <p>Compiling always runs on the shared {@link LargeStack} pool (the parser and compiler recurse
 * over the source's nesting). Evaluating, validating and exporting run on the caller's stack first
 * ({@link #runShallowFirst}): the evaluator checks its recursions against {@link
 * LargeStack#SHALLOW} (nested evaluations, value nesting, filled-in JSON) and a program whose
 * expressions nest deeper than that goes to the pool at once; a run that turns out deeper starts
 * again on the pool. So templates, whose values nest a dozen levels, do not change threads.
 *
 * <p>Work of one kind for one program runs on the pool the first {@value #WARM} times: a stack
 * overflow while a class is being initialized would break that class for the life of the JVM, and
 * the first runs load and initialize what the program's evaluation needs on the pool's deep stacks.
 * Later runs on the caller's stack then hardly ever initialize a class, and use a few hundred
 * kilobytes of stack at most (the depth budgets), which a JVM thread's default stack of 1 MiB
 * holds.
 */
final class EvalGuard {
  private EvalGuard() {}

  /** Runs work on a large stack. */
  static <T> T run(Supplier<T> work) {
    try {
      return LargeStack.run(() -> guarded(work));
    } catch (LargeStack.Unavailable e) {
      throw limit(e.getMessage());
    }
  }

  /** How many runs of one kind of work of one program go to the pool before it runs in place. */
  static final int WARM = 2;

  /**
   * Runs work that has no side effects before it returns on the caller's stack, moving it to a
   * large stack if it goes too deep; the first {@value #WARM} runs counted by {@code runs} go to
   * the large stack at once.
   */
  static <T> T runShallowFirst(AtomicInteger runs, Supplier<T> work) {
    if (runs.get() < WARM) {
      try {
        return run(work);
      } finally {
        runs.incrementAndGet();
      }
    }
    try {
      return LargeStack.runShallowFirst(() -> guarded(work));
    } catch (LargeStack.Unavailable e) {
      throw limit(e.getMessage());
    }
  }

  private static <T> T guarded(Supplier<T> work) {
    try {
      return work.get();
    } catch (LargeStack.TooDeep e) {
      throw e; // to be run again on a large stack
    } catch (StackOverflowError e) {
      if (!LargeStack.isInside()) {
        throw e; // the caller's stack was too small: to be run again on a large stack
      }
      throw limit("limit exceeded: value nested too deeply");
    } catch (Evaluation.Cancelled e) {
      throw limit(e.getMessage());
    } catch (Evaluation.LimitExceeded e) {
      throw new CueException(
          new CueError(
              CueError.Kind.LIMIT, e.getMessage(), e.path == null ? "" : e.path, List.of()));
    } catch (CueException e) {
      throw e;
    } catch (BottomEx e) {
      throw new CueException(
          new CueError(e.bottom.kind(), e.bottom.message(), e.bottom.path(), List.of()));
    } catch (RuntimeException e) {
      // Never leak a raw NPE/ClassCastException to callers: report it as a typed error.
      throw new CueException(
          new CueError(CueError.Kind.OTHER, "internal evaluator error: " + e, "", List.of()));
    }
  }

  private static CueException limit(String message) {
    return new CueException(new CueError(CueError.Kind.LIMIT, message, "", List.of()));
  }
}
