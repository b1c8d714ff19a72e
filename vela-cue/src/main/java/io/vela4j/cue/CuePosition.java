package io.vela4j.cue;

/**
 * A source position in a CUE file.
 *
 * @param file the file name given to {@link CueCompiler#compile(String, String)}
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record CuePosition(String file, int line, int column) {

  /** Returns {@code file:line:column}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
