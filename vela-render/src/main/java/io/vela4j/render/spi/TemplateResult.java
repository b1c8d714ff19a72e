package io.vela4j.render.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one template evaluation produced, in KubeVela's terms. Immutable (the trees are owned by the
 * result; callers copy before changing them).
 *
 * @param output the workload ({@code output}), required of components, ignored for traits
 * @param outputs the auxiliary objects ({@code outputs.<name>}), in the template's field order
 * @param patch the patch of the workload ({@code patch}), or {@code null}
 * @param patchOutputs patches of earlier auxiliaries by name ({@code patchOutputs.<name>})
 * @param errors the template's own errors ({@code errs}); a non-empty list fails the render
 */
public record TemplateResult(
    @Nullable ObjectNode output,
    Map<String, ObjectNode> outputs,
    @Nullable Patch patch,
    Map<String, Patch> patchOutputs,
    List<String> errors) {

  /** Copies the collections, keeping their order. */
  public TemplateResult {
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    patchOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(patchOutputs));
    errors = List.copyOf(errors);
  }

  /**
   * A result with only a workload.
   *
   * @param output the workload
   * @return the result
   */
  public static TemplateResult ofOutput(ObjectNode output) {
    return new TemplateResult(output, Map.of(), null, Map.of(), List.of());
  }
}
