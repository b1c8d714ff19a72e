package io.vela4j.render;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.VelaException;
import java.util.List;

/**
 * Rendering failed: a definition is missing or invalid, a template rejected its parameters, a patch
 * conflicts, a policy is wrong. Every problem found is a {@link Diagnostic} whose {@link
 * Diagnostic#code() code} is one of the constants below, located in the application (field path,
 * and file, line and column when the application was read from a file) or in the template (CUE
 * position).
 */
public class RenderException extends VelaException {
  private static final long serialVersionUID = 1L;

  /** A component, trait, policy or step type names no definition of the registry. */
  public static final String UNKNOWN_DEFINITION = "UNKNOWN_DEFINITION";

  /** A definition object or file is malformed (no template, bad metadata, duplicate name). */
  public static final String INVALID_DEFINITION = "INVALID_DEFINITION";

  /** A template failed: a CUE error that is not an incomplete value, or its {@code errs}. */
  public static final String TEMPLATE_ERROR = "TEMPLATE_ERROR";

  /** A template's value that must be concrete (the workload, an output) is not. */
  public static final String INCOMPLETE_OUTPUT = "INCOMPLETE_OUTPUT";

  /** A component template has no {@code output}. */
  public static final String MISSING_OUTPUT = "MISSING_OUTPUT";

  /** A trait patch conflicts with its target, or a JSON patch operation fails. */
  public static final String PATCH_CONFLICT = "PATCH_CONFLICT";

  /** The parameters of a {@code kube} schematic are missing, unknown or of the wrong type. */
  public static final String INVALID_PARAMETER = "INVALID_PARAMETER";

  /** A policy's properties are invalid, or it cannot be applied (no cluster matches). */
  public static final String INVALID_POLICY = "INVALID_POLICY";

  /** A workflow step names a policy the application does not have. */
  public static final String UNKNOWN_POLICY = "UNKNOWN_POLICY";

  /** A topology names a cluster that is not among the known clusters. */
  public static final String UNKNOWN_CLUSTER = "UNKNOWN_CLUSTER";

  /** An AppDeployment names a revision that was not supplied. */
  public static final String UNKNOWN_REVISION = "UNKNOWN_REVISION";

  /** An AppDeployment's cluster selector matches no cluster, or its name and labels disagree. */
  public static final String PLACEMENT_MISMATCH = "PLACEMENT_MISMATCH";

  /** A rendered object is not a Kubernetes object (no apiVersion or kind). */
  public static final String INVALID_OBJECT = "INVALID_OBJECT";

  /** Two rendered objects of one placement have the same kind, namespace and name. */
  public static final String DUPLICATE_OBJECT = "DUPLICATE_OBJECT";

  /** A health or status template failed against a live object. */
  public static final String STATUS_ERROR = "STATUS_ERROR";

  /**
   * The one bridge from CUE errors to diagnostics, used by every module that evaluates templates:
   * one diagnostic per CUE error, with the given code, a message naming {@code what} was evaluated
   * and the CUE path. An error about the parameters ({@code parameter.replicas}) has the relative
   * path {@code properties.replicas} (prefix it with the component's, trait's or step's path) and
   * the template position in its message; any other error has no path and is located at its
   * template position (file, line, column).
   *
   * @param e the CUE failure
   * @param code the diagnostic code
   * @param what what was being evaluated, such as {@code TraitDefinition/scaler}
   * @return the diagnostics, in CUE's order
   */
  public static List<Diagnostic> fromCue(io.vela4j.cue.CueException e, String code, String what) {
    return io.vela4j.render.internal.CueDiagnostics.of(e, code, what);
  }

  /**
   * An exception listing the problems found.
   *
   * @param diagnostics the problems, at least one
   */
  public RenderException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }

  /**
   * An exception for one problem.
   *
   * @param diagnostic the problem
   */
  public RenderException(Diagnostic diagnostic) {
    super(diagnostic);
  }
}
