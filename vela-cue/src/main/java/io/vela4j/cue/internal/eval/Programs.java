package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueProgram;
import java.util.List;

/** Entry point from the public API into the evaluator. */
public final class Programs {

  private Programs() {}

  /**
   * Parses and compiles a CUE file.
   *
   * @param filename the file name
   * @param source the source text
   * @return the program
   */
  public static CueProgram compile(String filename, String source) {
    throw new CueException(new CueError(CueError.Kind.OTHER, "not implemented yet", "", List.of()));
  }
}
