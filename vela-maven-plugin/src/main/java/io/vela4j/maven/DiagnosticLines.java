package io.vela4j.maven;

import io.vela4j.model.Diagnostic;
import org.apache.maven.plugin.logging.Log;

/**
 * How the goals print a {@link Diagnostic} in Maven's log: {@code file:line:column: path: message
 * (expected ..., found ...)}, at the log level of its severity ({@code [ERROR]}, {@code [WARNING]},
 * {@code [INFO]}), so the line reads as a compiler's and IDEs link the file. The file is the path
 * the goal read (absolute, as Maven configures it), so that the line is unambiguous in a
 * multi-module build.
 */
final class DiagnosticLines {
  private DiagnosticLines() {}

  /**
   * The line of a diagnostic, without its severity (the log level says it); parts that are unknown
   * are left out.
   *
   * @param d the diagnostic
   * @return {@code file:line:column: path: message (expected ..., found ...)}
   */
  static String format(Diagnostic d) {
    var sb = new StringBuilder();
    if (d.source() != null) {
      sb.append(d.source());
      if (d.line() > 0) {
        sb.append(':').append(d.line());
        if (d.column() > 0) {
          sb.append(':').append(d.column());
        }
      }
      sb.append(": ");
    }
    if (d.path() != null && !d.path().isEmpty()) {
      sb.append(d.path()).append(": ");
    }
    sb.append(d.message());
    if (d.expected() != null || d.actual() != null) {
      sb.append(" (");
      if (d.expected() != null) {
        sb.append("expected ").append(d.expected());
      }
      if (d.actual() != null) {
        sb.append(d.expected() != null ? ", " : "").append("found ").append(d.actual());
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /**
   * Logs a diagnostic at the level of its severity.
   *
   * @param log Maven's log
   * @param d the diagnostic
   */
  static void log(Log log, Diagnostic d) {
    String line = format(d);
    switch (d.severity()) {
      case ERROR -> log.error(line);
      case WARNING -> log.warn(line);
      case INFO -> log.info(line);
    }
  }
}
