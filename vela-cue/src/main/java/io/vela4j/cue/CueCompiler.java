package io.vela4j.cue;

import io.vela4j.cue.internal.eval.Programs;

/** Compiles CUE source into {@link CueProgram}s; immutable and thread-safe. */
public final class CueCompiler {

  private static final CueCompiler INSTANCE = new CueCompiler();

  private CueCompiler() {}

  /**
   * Returns a compiler.
   *
   * @return a compiler (shared; it has no state)
   */
  public static CueCompiler create() {
    return INSTANCE;
  }

  /**
   * Parses and compiles one file.
   *
   * @param filename the file name used in positions and error messages
   * @param source the CUE source
   * @return the compiled program
   * @throws CueException with kind {@code SYNTAX} (or {@code REFERENCE} etc.) on error
   */
  public CueProgram compile(String filename, String source) {
    return Programs.compile(filename, source);
  }
}
