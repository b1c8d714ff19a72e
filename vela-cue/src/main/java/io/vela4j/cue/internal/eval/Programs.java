package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CuePosition;
import io.vela4j.cue.CueProgram;
import io.vela4j.cue.internal.syntax.Ast;
import io.vela4j.cue.internal.syntax.Parser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
    return compile(Map.of(filename, source), CueCompiler.Limits.defaults());
  }

  /**
   * Parses and compiles a CUE file whose evaluations keep within the given limits.
   *
   * @param filename the file name
   * @param source the source text
   * @param limits the evaluation limits
   * @return the program
   * @throws CueException on syntax or compile errors
   */
  public static CueProgram compile(String filename, String source, CueCompiler.Limits limits) {
    return compile(Map.of(filename, source), limits);
  }

  /**
   * Parses and compiles the files of one package into one program: their top-level fields share one
   * scope (a file refers to the fields of the others) and are unified, as {@code cue export} treats
   * the files of a package. Imports and lets stay local to their file. All package clauses must
   * name the same package.
   *
   * @param files file name to source text, in the order the files are given
   * @param limits the evaluation limits
   * @return the program
   * @throws CueException on syntax or compile errors, or files of different packages
   */
  public static CueProgram compile(Map<String, String> files, CueCompiler.Limits limits) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no CUE files to compile");
    }
    return EvalGuard.run(
        () -> {
          List<Ast.File> parsed = new ArrayList<>(files.size());
          for (Map.Entry<String, String> e : files.entrySet()) {
            parsed.add(Parser.parse(e.getKey(), e.getValue()));
          }
          checkOnePackage(parsed);
          List<Compiler.Problem> problems = new ArrayList<>();
          List<Adt.StructE> roots = new ArrayList<>(parsed.size());
          for (Ast.File file : parsed) {
            Set<String> others = new LinkedHashSet<>();
            if (parsed.size() > 1 && file.packageClause() != null) {
              for (Ast.File other : parsed) {
                if (other != file && other.packageClause() != null) {
                  others.addAll(Compiler.topLevelFields(other));
                }
              }
            }
            roots.add(Compiler.compile(file, others, problems));
          }
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
          return new ProgramImpl(files.keySet().iterator().next(), List.copyOf(roots), limits);
        });
  }

  private static String baseName(String file) {
    int i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(i + 1);
  }

  private static void checkOnePackage(List<Ast.File> files) {
    Ast.@Nullable File first = null;
    for (Ast.File f : files) {
      Ast.PackageClause pc = f.packageClause();
      if (pc == null) {
        continue;
      }
      if (first == null) {
        first = f;
        continue;
      }
      String a = first.packageClause().name().name();
      String b = pc.name().name();
      if (!a.equals(b)) {
        throw new CueException(
            new CueError(
                CueError.Kind.SYNTAX,
                "found packages \""
                    + a
                    + "\" ("
                    + baseName(first.filename())
                    + ") and "
                    + b
                    + " ("
                    + baseName(f.filename())
                    + ")",
                "",
                List.of(new CuePosition(pc.pos().file(), pc.pos().line(), pc.pos().column()))));
      }
    }
  }
}
