package io.vela4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A position in an input.
 *
 * @param source the file or stream name, or {@code null}
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourceLocation(@Nullable String source, int line, int column) {
  /** An unknown position in an unnamed input. */
  public static final SourceLocation UNKNOWN = new SourceLocation(null, 0, 0);

  @Override
  public String toString() {
    return (source == null ? "<input>" : source) + ":" + line + ":" + column;
  }
}
