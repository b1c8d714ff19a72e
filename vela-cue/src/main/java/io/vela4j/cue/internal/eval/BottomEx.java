package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.syntax.Ast;
import org.jspecify.annotations.Nullable;

/** Unwinds expression evaluation with an error value (stackless). */
final class BottomEx extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient Atom.Bottom bottom;

  BottomEx(Atom.Bottom bottom) {
    super(bottom.message(), null, false, false);
    this.bottom = bottom;
  }

  /** A fatal error of no more specific kind (an invalid index, say) at {@code pos}. */
  static BottomEx fatal(String message, Ast.@Nullable Pos pos) {
    return new BottomEx(Atom.Bottom.fatal(CueError.Kind.OTHER, message, pos));
  }
}
