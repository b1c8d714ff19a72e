package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Base of every typed OAM resource: {@code apiVersion}, {@code kind}, fabric8 {@link ObjectMeta}, a
 * typed immutable {@code spec} and a free-form {@code status}.
 *
 * <p>Subclasses carry fabric8's {@code @Group/@Version/@Kind/@Plural} annotations, so {@code
 * client.resources(Application.class)} works with a fabric8 client and a Java Operator SDK
 * controller can read them directly. Like fabric8's own model classes they have setters (required
 * by {@link HasMetadata}); the spec itself is an immutable record and Vela4J never mutates an
 * object it was given.
 *
 * @param <S> the spec record type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class) // not fabric8's registry-based deserializer
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public abstract class OamResource<S> implements HasMetadata {
  private String apiVersion;
  private String kind;
  private @Nullable ObjectMeta metadata;
  private @Nullable S spec;
  private @Nullable JsonNode status;

  /** Creates an empty resource with the apiVersion and kind of the subclass annotations. */
  protected OamResource() {
    this.apiVersion = HasMetadata.getApiVersion(getClass());
    this.kind = HasMetadata.getKind(getClass());
  }

  /** Creates a resource with the given metadata, spec and status. */
  protected OamResource(
      @Nullable ObjectMeta metadata, @Nullable S spec, @Nullable JsonNode status) {
    this();
    this.metadata = metadata;
    this.spec = spec;
    this.status = status;
  }

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }

  /** Sets the kind (for fabric8 deserialization; normally fixed by the class). */
  public void setKind(String kind) {
    this.kind = kind;
  }

  @Override
  @SuppressWarnings("NullAway")
  public ObjectMeta getMetadata() {
    return metadata;
  }

  @Override
  public void setMetadata(@Nullable ObjectMeta metadata) {
    this.metadata = metadata;
  }

  /** The typed spec, or {@code null} when the document had none. */
  public @Nullable S getSpec() {
    return spec;
  }

  /** Replaces the spec. */
  public void setSpec(@Nullable S spec) {
    this.spec = spec;
  }

  /** The status as written by a controller: free-form JSON, or {@code null}. */
  public @Nullable JsonNode getStatus() {
    return status;
  }

  /** Replaces the status. */
  public void setStatus(@Nullable JsonNode status) {
    this.status = status;
  }

  /** {@code metadata.name}, or {@code null} when absent. */
  @JsonIgnore
  public @Nullable String name() {
    return metadata == null ? null : metadata.getName();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    var other = (OamResource<?>) o;
    return Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(spec, other.spec)
        && Objects.equals(status, other.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata, spec, status);
  }

  @Override
  public String toString() {
    return kind
        + "("
        + (metadata == null ? "" : metadata.getNamespace() + "/" + metadata.getName())
        + ", spec="
        + spec
        + ")";
  }
}
