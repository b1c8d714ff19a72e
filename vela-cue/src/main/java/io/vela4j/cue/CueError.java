package io.vela4j.cue;

import java.util.List;
import java.util.Objects;

/**
 * One CUE error: what kind of problem, a message in CUE's wording where practical, the field path
 * where it happened (empty for the root or when unknown) and all source positions involved.
 *
 * @param kind the kind of error
 * @param message the message, e.g. {@code conflicting values 2 and 1}
 * @param path the dot-separated field path, e.g. {@code output.spec.replicas}; empty at the root
 * @param positions the source positions involved, possibly empty; unmodifiable
 */
public record CueError(Kind kind, String message, String path, List<CuePosition> positions) {

  /** The kind of a CUE error. */
  public enum Kind {
    /** The source does not parse (or does not compile, e.g. an unused let). */
    SYNTAX,
    /** Two values do not unify. */
    CONFLICT,
    /** A value is not concrete, or a field is missing, where a concrete value is needed. */
    INCOMPLETE,
    /** A field is not allowed by a closed struct. */
    CLOSEDNESS,
    /** A bound or regular-expression constraint is violated. */
    BOUND,
    /** A structural cycle or an unresolvable reference cycle. */
    CYCLE,
    /** A builtin function failed or was called wrongly. */
    BUILTIN,
    /** A reference cannot be resolved (unknown identifier, unknown import). */
    REFERENCE,
    /** An evaluation limit (depth, size, disjunction cross product) was exceeded. */
    LIMIT,
    /** Anything else. */
    OTHER
  }

  /** Validates and copies the components. */
  public CueError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
    positions = List.copyOf(positions);
  }

  /**
   * Formats this error like the {@code cue} command line: {@code file:line:column: path: message}
   * (position and path omitted when unknown).
   *
   * @return the one-line rendering of this error
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    if (!positions.isEmpty()) {
      sb.append(positions.get(0)).append(": ");
    }
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(message);
    return sb.toString();
  }
}
