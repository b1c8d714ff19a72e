package io.vela4j.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in user input, with where it is and what was expected.
 *
 * <p>Tests and tools should read the structured components ({@link #code()}, {@link #path()},
 * {@link #line()}, ...) rather than parse {@link #message()}; the wording may improve over time.
 *
 * @param severity how bad it is
 * @param code a stable, upper-case identifier such as {@code DUPLICATE_KEY} or {@code
 *     DEPENDS_ON_CYCLE}
 * @param message a human-readable sentence
 * @param source the file or stream name, or {@code null} when the input had none
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path the field path such as {@code spec.components[1].traits[0].type}, or {@code null}
 * @param expected what a valid input would have had there, or {@code null}
 * @param actual what was found, or {@code null}
 */
public record Diagnostic(
    Severity severity,
    String code,
    String message,
    @Nullable String source,
    int line,
    int column,
    @Nullable String path,
    @Nullable String expected,
    @Nullable String actual) {

  /** How serious a diagnostic is. */
  public enum Severity {
    /** The input is invalid. */
    ERROR,
    /** The input is accepted, but probably not what was meant. */
    WARNING,
    /** Informational only. */
    INFO;

    /** Lower-case name, as printed by the CLI ({@code error}, {@code warning}, {@code info}). */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates the components. */
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
  }

  /** An error with only a code, a message and a field path. */
  public static Diagnostic error(String code, String message, @Nullable String path) {
    return new Diagnostic(Severity.ERROR, code, message, null, 0, 0, path, null, null);
  }

  /** A warning with only a code, a message and a field path. */
  public static Diagnostic warning(String code, String message, @Nullable String path) {
    return new Diagnostic(Severity.WARNING, code, message, null, 0, 0, path, null, null);
  }

  /** Whether this is an {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** A copy with the given source name. */
  public Diagnostic withSource(@Nullable String newSource) {
    return new Diagnostic(severity, code, message, newSource, line, column, path, expected, actual);
  }

  /**
   * A copy with the given field path (for example, a path relative to an object made absolute).
   *
   * @param newPath the path, or {@code null}
   * @return the copy
   */
  public Diagnostic withPath(@Nullable String newPath) {
    return new Diagnostic(severity, code, message, source, line, column, newPath, expected, actual);
  }

  /** A copy with the given position. */
  public Diagnostic at(int newLine, int newColumn) {
    return new Diagnostic(
        severity, code, message, source, newLine, newColumn, path, expected, actual);
  }

  /** A copy with the given expected and actual facts. */
  public Diagnostic withFacts(@Nullable String newExpected, @Nullable String newActual) {
    return new Diagnostic(
        severity, code, message, source, line, column, path, newExpected, newActual);
  }

  /**
   * The one-line form the CLI prints: {@code file:line:column: severity: path: message}; parts that
   * are unknown are left out.
   */
  public String format() {
    var sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    sb.append(severity.label()).append(": ");
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(message);
    if (expected != null || actual != null) {
      sb.append(" (");
      if (expected != null) {
        sb.append("expected ").append(expected);
      }
      if (actual != null) {
        sb.append(expected != null ? ", " : "").append("found ").append(actual);
      }
      sb.append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return code + ": " + format();
  }
}
