package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CuePosition;
import io.vela4j.cue.CueProgram;
import io.vela4j.cue.internal.syntax.Ast;
import io.vela4j.cue.internal.syntax.Parser;
import java.util.ArrayList;
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
   * @throws CueException on syntax or compile errors
   */
  public static CueProgram compile(String filename, String source) {
    return EvalGuard.run(
        () -> {
          Ast.File file = Parser.parse(filename, source);
          List<Compiler.Problem> problems = new ArrayList<>();
          Adt.StructE root = Compiler.compile(file, problems);
          if (!problems.isEmpty()) {
            List<CueError> errs = new ArrayList<>();
            for (Compiler.Problem p : problems) {
              List<CuePosition> pos =
                  p.pos() == null
                      ? List.of()
                      : List.of(new CuePosition(p.pos().file(), p.pos().line(), p.pos().column()));
              errs.add(new CueError(p.kind(), p.message(), "", pos));
            }
            throw new CueException(errs);
          }
          return new ProgramImpl(filename, root);
        });
  }
}
