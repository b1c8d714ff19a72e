package io.vela4j.render.internal;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CuePosition;
import io.vela4j.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one bridge from CUE errors to diagnostics: each {@link CueError} becomes a {@link Diagnostic}
 * located at its first CUE position (file, line, column of the template), whose message names what
 * was being evaluated and the CUE path, and whose facts keep CUE's error kind.
 */
public final class CueDiagnostics {
  private CueDiagnostics() {}

  /**
   * Diagnostics for every error of {@code e}.
   *
   * @param e the CUE failure
   * @param code the diagnostic code
   * @param what what was being evaluated, such as {@code TraitDefinition/scaler}
   * @return one diagnostic per CUE error, in CUE's order
   */
  public static List<Diagnostic> of(CueException e, String code, String what) {
    var out = new ArrayList<Diagnostic>();
    for (CueError err : e.errors()) {
      out.add(of(err, code, what));
    }
    return out;
  }

  /**
   * The diagnostic of one CUE error. An error about the parameters ({@code parameter.replicas}) is
   * reported at the property ({@code properties.replicas}, a path the caller prefixes with the
   * component's or trait's path), with the template position in the message; any other error at its
   * template position.
   */
  public static Diagnostic of(CueError err, String code, String what) {
    @Nullable CuePosition first = err.positions().isEmpty() ? null : err.positions().get(0);
    String p = err.path();
    if (p.equals("parameter") || p.startsWith("parameter.")) {
      return new Diagnostic(
          Diagnostic.Severity.ERROR,
          code,
          what + ": " + err.message() + (first == null ? "" : " (template " + first + ")"),
          null,
          0,
          0,
          properties(p.substring("parameter".length())),
          null,
          null);
    }
    String at = p.isEmpty() ? "" : p + ": ";
    var d =
        new Diagnostic(
            Diagnostic.Severity.ERROR,
            code,
            what + ": " + at + err.message(),
            null,
            0,
            0,
            null,
            null,
            null);
    @Nullable CuePosition pos = err.positions().isEmpty() ? null : err.positions().get(0);
    if (pos != null) {
      d = d.withSource(pos.file()).at(Math.max(0, pos.line()), Math.max(0, pos.column()));
    }
    return d;
  }

  /** {@code properties} plus a CUE path ({@code .ports.0.port}) in the model's path syntax. */
  static String properties(String cuePath) {
    String path = "properties";
    for (String seg : Tags.split(cuePath, '.')) {
      if (seg.isEmpty()) {
        continue;
      }
      if (!seg.isEmpty() && seg.chars().allMatch(Character::isDigit)) {
        path = io.vela4j.model.Paths.index(path, Integer.parseInt(seg));
      } else {
        String key =
            seg.length() > 1 && seg.startsWith("\"") && seg.endsWith("\"")
                ? seg.substring(1, seg.length() - 1)
                : seg;
        path = io.vela4j.model.Paths.field(path, key);
      }
    }
    return path;
  }

  /** Whether every error of {@code e} is an incomplete value (not a conflict or a failure). */
  public static boolean incompleteOnly(CueException e) {
    return e.errors().stream().allMatch(x -> x.kind() == CueError.Kind.INCOMPLETE);
  }
}
