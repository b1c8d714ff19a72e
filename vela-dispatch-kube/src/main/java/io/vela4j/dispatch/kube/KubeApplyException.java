package io.vela4j.dispatch.kube;

import io.vela4j.dispatch.DispatchException;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link KubeApplier#apply} failed on at least one target. The {@linkplain #diagnostics()
 * diagnostics} list each failed target and object (path {@code cluster/<name>} or {@code
 * control-plane}, codes {@code APPLY_CONFLICT}, {@code APPLY_FAILED}, {@code DELETE_FAILED}, {@code
 * OBJECT_NOT_READY}, {@code PRUNE_FAILED}, {@code INVENTORY_FAILED}, {@code TARGET_FAILED}); {@link
 * #result()} holds the complete outcome, including the targets that succeeded.
 */
public final class KubeApplyException extends DispatchException {
  private static final long serialVersionUID = 1L;

  private final transient ApplyResult result;

  /** An exception for a result with at least one failed target. */
  public KubeApplyException(ApplyResult result) {
    this(result, diagnosticsOf(result));
  }

  private KubeApplyException(ApplyResult result, List<Diagnostic> diagnostics) {
    super(message(result, diagnostics), diagnostics, null);
    this.result = result;
  }

  /** The complete outcome of the apply, successful targets included. */
  public ApplyResult result() {
    return result;
  }

  private static String message(ApplyResult result, List<Diagnostic> diagnostics) {
    var failed = result.failed();
    var sb =
        new StringBuilder("apply failed on ")
            .append(failed.size())
            .append(" of ")
            .append(result.targets().size())
            .append(result.targets().size() == 1 ? " target" : " targets");
    for (var d : diagnostics) {
      sb.append("\n  ").append(d.path()).append(": ").append(d.message());
    }
    return sb.toString();
  }

  static List<Diagnostic> diagnosticsOf(ApplyResult result) {
    var out = new ArrayList<Diagnostic>();
    for (var target : result.failed()) {
      var path = target.target().display();
      if (!target.error().isEmpty()) {
        out.add(Diagnostic.error(DiagnosticCodes.TARGET_FAILED, target.error(), path));
      }
      for (var o : target.failures()) {
        var code =
            switch (o.operation()) {
              case APPLY ->
                  o.result() == ObjectOutcome.Result.CONFLICT
                      ? DiagnosticCodes.APPLY_CONFLICT
                      : DiagnosticCodes.APPLY_FAILED;
              case DELETE -> DiagnosticCodes.DELETE_FAILED;
              case WAIT_ESTABLISHED -> DiagnosticCodes.OBJECT_NOT_READY;
              case PRUNE -> DiagnosticCodes.PRUNE_FAILED;
              case INVENTORY -> DiagnosticCodes.INVENTORY_FAILED;
            };
        var d =
            Diagnostic.error(
                code,
                "wave "
                    + o.wave()
                    + ": "
                    + o.ref().kind()
                    + " "
                    + (o.ref().namespace() == null ? "" : o.ref().namespace() + "/")
                    + o.ref().name()
                    + ": "
                    + o.message(),
                path);
        out.add(d.withFacts(null, o.ref().toString()));
      }
      if (target.error().isEmpty() && target.failures().isEmpty()) {
        out.add(
            Diagnostic.error(DiagnosticCodes.TARGET_FAILED, "failed without object errors", path));
      }
    }
    return List.copyOf(out);
  }
}
