package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueProgram;
import java.util.Map;

/**
 * Evaluates a CUE expression over named JSON values: a step's {@code if} (over {@code status},
 * {@code inputs}, {@code context}, {@code parameter}, as KubeVela's {@code ValidateIfValue} builds
 * it) and the {@code valueFrom} of a built-in step's outputs.
 */
final class Conditions {
  private static final String RESULT = "__vela4j_value__";

  private Conditions() {}

  /**
   * The value of {@code expr}.
   *
   * @param scope the names the expression may use and their values
   * @param expr a CUE expression
   * @return its value, exported
   * @throws io.vela4j.cue.CueException when it does not compile or is not concrete
   */
  static JsonNode eval(Map<String, JsonNode> scope, String expr) {
    var sb = new StringBuilder();
    for (String k : scope.keySet()) {
      sb.append(k).append(": _\n"); // identifiers: status, inputs, context, parameter, output
    }
    sb.append(RESULT).append(": (").append(expr).append(")\n");
    CueProgram p = CueCompiler.create().compile("<expression>", sb.toString());
    return p.evaluate(scope).lookup(RESULT).export();
  }
}
