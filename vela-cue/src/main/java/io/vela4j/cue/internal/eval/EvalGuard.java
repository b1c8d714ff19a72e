package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.internal.LargeStack;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs evaluator work (compile, evaluate, validate, export) on the shared {@link LargeStack}, so
 * that deeply nested inputs (10,000 levels) do not overflow, and turns every failure into a {@link
 * CueException}: a stack overflow or an interrupt becomes a {@code LIMIT} error, and an internal
 * error is reported as a typed error instead of leaking a raw NPE or ClassCastException.
 */
final class EvalGuard {
  private EvalGuard() {}

  static <T> T run(Supplier<T> work) {
    try {
      return LargeStack.run(
          "vela-cue-eval",
          () -> {
            try {
              return work.get();
            } catch (StackOverflowError e) {
              throw limit("limit exceeded: value nested too deeply");
            } catch (Evaluation.Cancelled e) {
              throw limit(e.getMessage());
            } catch (CueException e) {
              throw e;
            } catch (BottomEx e) {
              throw new CueException(
                  new CueError(e.bottom.kind(), e.bottom.message(), e.bottom.path(), List.of()));
            } catch (RuntimeException e) {
              // Never leak a raw NPE/ClassCastException to callers: report it as a typed error.
              throw new CueException(
                  new CueError(
                      CueError.Kind.OTHER, "internal evaluator error: " + e, "", List.of()));
            }
          });
    } catch (LargeStack.Unavailable e) {
      throw limit("limit exceeded: " + e.getMessage());
    }
  }

  private static CueException limit(String message) {
    return new CueException(new CueError(CueError.Kind.LIMIT, message, "", List.of()));
  }
}
