package io.vela4j.cue.internal.eval;

/** Unwinds expression evaluation with an error value (stackless). */
final class BottomEx extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient Atom.Bottom bottom;

  BottomEx(Atom.Bottom bottom) {
    super(bottom.message(), null, false, false);
    this.bottom = bottom;
  }
}
