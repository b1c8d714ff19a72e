package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code ResourceTracker.spec}: what an application applied.
 *
 * @param applicationGeneration the application generation it tracks (required)
 * @param type {@code root}, {@code versioned} or {@code component-revision}
 * @param managedResources the tracked resources
 * @param compression how the resources are compressed when stored
 */
public record ResourceTrackerSpec(
    @JsonProperty(required = true) long applicationGeneration,
    @Nullable String type,
    List<ManagedResource> managedResources,
    ApplicationRevisionSpec.@Nullable Compression compression) {
  /** Normalizes absent lists to empty lists. */
  public ResourceTrackerSpec {
    managedResources = Copies.list(managedResources);
  }

  /**
   * One tracked resource.
   *
   * @param apiVersion its apiVersion
   * @param kind its kind
   * @param namespace its namespace
   * @param name its name
   * @param uid its uid
   * @param resourceVersion its resourceVersion
   * @param cluster the cluster it lives in ({@code ""} or {@code local} for the hub)
   * @param component the component that produced it
   * @param trait the trait that produced it
   * @param creator who created it
   * @param fieldPath a field path inside the object
   * @param deleted whether it has been deleted
   * @param skipGC whether garbage collection skips it
   * @param raw the object as applied
   */
  public record ManagedResource(
      @Nullable String apiVersion,
      @Nullable String kind,
      @Nullable String namespace,
      @Nullable String name,
      @Nullable String uid,
      @Nullable String resourceVersion,
      @Nullable String cluster,
      @Nullable String component,
      @Nullable String trait,
      @Nullable String creator,
      @Nullable String fieldPath,
      @Nullable Boolean deleted,
      @Nullable Boolean skipGC,
      @Nullable JsonNode raw) {}
}
