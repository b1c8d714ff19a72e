package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vela4j.model.internal.Copies;
import java.util.Map;

/**
 * A kind of resource a workload creates.
 *
 * @param apiVersion its apiVersion (required)
 * @param kind its kind (required)
 * @param selector labels selecting the children
 */
public record ChildResourceKind(
    @JsonProperty(required = true) String apiVersion,
    @JsonProperty(required = true) String kind,
    Map<String, String> selector) {
  /** Normalizes an absent selector to an empty map. */
  public ChildResourceKind {
    selector = Copies.map(selector);
  }
}
