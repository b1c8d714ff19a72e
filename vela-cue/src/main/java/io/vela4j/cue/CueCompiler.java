package io.vela4j.cue;

import io.vela4j.cue.internal.eval.Programs;
import java.util.Map;

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

  /**
   * Parses and compiles the files of one CUE package into one program, as {@code cue export} treats
   * a package: the top-level fields of all files share one scope (a file may refer to a field
   * declared in another) and are unified; imports and {@code let}s stay local to their file. Every
   * file that has a package clause must name the same package. (Files without a package clause are
   * separate instances for the {@code cue} tool: compile them one by one and unify their values
   * instead.)
   *
   * @param files file name to source text; the iteration order is the order of the files (use a
   *     {@link java.util.LinkedHashMap}), which decides the export order of fields declared in
   *     several files
   * @return the compiled program
   * @throws CueException on syntax or compile errors, or when the files name different packages
   * @throws IllegalArgumentException if {@code files} is empty
   */
  public CueProgram compile(Map<String, String> files) {
    return Programs.compile(files);
  }
}
