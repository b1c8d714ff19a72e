package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code ComponentDefinition.spec.workload}: the workload kind, by WorkloadDefinition name or by
 * apiVersion/kind.
 *
 * @param type a WorkloadDefinition name, or {@code autodetects.core.oam.dev}
 * @param definition the workload's apiVersion and kind
 */
public record WorkloadTypeDescriptor(@Nullable String type, @Nullable WorkloadGvk definition) {
  /**
   * The apiVersion and kind of a workload.
   *
   * @param apiVersion e.g. {@code apps/v1} (required)
   * @param kind e.g. {@code Deployment} (required)
   */
  public record WorkloadGvk(
      @JsonProperty(required = true) String apiVersion,
      @JsonProperty(required = true) String kind) {}
}
