package io.vela4j.workflow.internal;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.model.Diagnostic;
import io.vela4j.render.RenderException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** CUE errors as diagnostics located in the template. */
final class CueDiagnostics {
  private CueDiagnostics() {}

  /** Whether every error is an incomplete value. */
  static boolean incompleteOnly(CueException e) {
    return e.errors().stream().allMatch(x -> x.kind() == CueError.Kind.INCOMPLETE);
  }

  /**
   * The render module's bridge ({@link RenderException#fromCue}), with paths under the step's:
   * parameter errors at the step's property, every other error at the step.
   *
   * @param e the exception
   * @param code the diagnostic code
   * @param prefix what failed ({@code step x: kube.apply at apply})
   * @param path the step's field path
   */
  static List<Diagnostic> of(CueException e, String code, String prefix, @Nullable String path) {
    var out = new ArrayList<Diagnostic>();
    for (Diagnostic d : RenderException.fromCue(e, code, prefix)) {
      String p = d.path() == null ? path : path == null ? d.path() : path + "." + d.path();
      out.add(
          new Diagnostic(
              d.severity(),
              d.code(),
              d.message(),
              d.source(),
              d.line(),
              d.column(),
              p,
              d.expected(),
              d.actual()));
    }
    return out;
  }
}
