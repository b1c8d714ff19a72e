package io.vela4j.workflow.internal;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CuePosition;
import io.vela4j.model.Diagnostic;
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
   * One diagnostic per CUE error (at most 5), located at the error's first position.
   *
   * @param e the exception
   * @param code the diagnostic code
   * @param prefix what failed ({@code step x: kube.apply at apply})
   * @param path the step's field path
   */
  static List<Diagnostic> of(CueException e, String code, String prefix, @Nullable String path) {
    var out = new ArrayList<Diagnostic>();
    for (CueError err : e.errors()) {
      if (out.size() == 5) {
        break;
      }
      out.add(of(err, code, prefix, path));
    }
    return out;
  }

  static Diagnostic of(CueError err, String code, String prefix, @Nullable String path) {
    String msg = prefix + ": " + (err.path().isEmpty() ? "" : err.path() + ": ") + err.message();
    Diagnostic d = Diagnostic.error(code, msg, path);
    if (!err.positions().isEmpty()) {
      CuePosition p = err.positions().get(0);
      d = d.withSource(p.file()).at(p.line(), p.column());
    }
    return d;
  }
}
