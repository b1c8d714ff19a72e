package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.Copies;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code spec.components}.
 *
 * @param name the component name (required; unique, DNS-1123)
 * @param type the ComponentDefinition name, optionally with {@code @version} (required)
 * @param properties the parameters passed to the definition template, free-form JSON
 * @param traits traits attached to the component, applied in order
 * @param dependsOn names of components that must be healthy first
 * @param inputs values this component consumes from other components' outputs
 * @param outputs values this component exports
 * @param externalRevision an explicit component revision name
 * @param scopes scope type to scope instance name (legacy)
 */
public record ApplicationComponent(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String type,
    @Nullable JsonNode properties,
    List<ApplicationTrait> traits,
    List<String> dependsOn,
    List<InputItem> inputs,
    List<OutputItem> outputs,
    @Nullable String externalRevision,
    Map<String, String> scopes) {

  /** Normalizes absent collections to empty, unmodifiable ones. */
  public ApplicationComponent {
    traits = Copies.list(traits);
    dependsOn = Copies.list(dependsOn);
    inputs = Copies.list(inputs);
    outputs = Copies.list(outputs);
    scopes = Copies.map(scopes);
  }

  /** A component with a name, a type and properties. */
  public static ApplicationComponent of(String name, String type, @Nullable JsonNode properties) {
    return new ApplicationComponent(
        name, type, properties, List.of(), List.of(), List.of(), List.of(), null, Map.of());
  }

  /** A copy with the given traits. */
  public ApplicationComponent withTraits(List<ApplicationTrait> newTraits) {
    return new ApplicationComponent(
        name, type, properties, newTraits, dependsOn, inputs, outputs, externalRevision, scopes);
  }

  /** A copy with the given dependencies. */
  public ApplicationComponent withDependsOn(List<String> newDependsOn) {
    return new ApplicationComponent(
        name, type, properties, traits, newDependsOn, inputs, outputs, externalRevision, scopes);
  }
}
