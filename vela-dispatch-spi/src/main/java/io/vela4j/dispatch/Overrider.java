package io.vela4j.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A per-cluster change to the bundle's objects, named after Karmada's OverridePolicy
 * <em>overriders</em> ({@code imageOverrider}, {@code argsOverrider}, ...): the Karmada planner
 * expresses them natively and the OCM and direct planners bake them into each cluster's objects
 * with the same result. (KubeVela's {@code override} policy, which changes component properties per
 * cluster, is a different thing and is applied by vela-render before dispatch.)
 *
 * <p>Within one cluster, overriders are applied after {@code replicas}, grouped in Karmada's order
 * (image → command → args → labels → annotations → JSON patch), and in declaration order within a
 * group. Every overrider has a {@link ResourceSelector target}; {@link ResourceSelector#ALL} means
 * every object the overrider can apply to (images, args and commands only apply to the workload
 * kinds Karmada detects: Pod, ReplicaSet, Deployment, DaemonSet, StatefulSet, Job). Immutable.
 */
public sealed interface Overrider {

  /** The objects this override applies to. */
  ResourceSelector target();

  /** The order group of this override (0 first), following Karmada's overrider order. */
  int order();

  /** Operators for image, label and annotation overrides (Karmada's {@code operator}). */
  enum Operator {
    /** Add (or overwrite) the value. */
    ADD,
    /** Remove the value. */
    REMOVE,
    /** Replace an existing value; absent keys are left alone. */
    REPLACE
  }

  /** Operators for container argument and command overrides. */
  enum ListOperator {
    /** Append the values. */
    ADD,
    /** Remove every occurrence of the values. */
    REMOVE
  }

  /** The part of a container image reference an {@link Image} override changes. */
  enum ImageComponent {
    /** The registry host, such as {@code registry.k8s.io}. */
    REGISTRY,
    /** The repository path, such as {@code library/nginx}. */
    REPOSITORY,
    /** The tag (or digest, for values starting with {@code sha256:}). */
    TAG
  }

  /**
   * One RFC 6902 operation of a {@link JsonPatch} (the operations Karmada's {@code plaintext}
   * overrider supports).
   *
   * @param op the operation
   * @param path the JSON pointer, such as {@code /spec/replicas}
   * @param value the value for {@code ADD} and {@code REPLACE}, {@code null} for {@code REMOVE}
   */
  record PatchOp(Operator op, String path, @Nullable JsonNode value) {
    /** Validates and copies the components. */
    public PatchOp {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(path, "path");
      if (!path.isEmpty() && !path.startsWith("/")) {
        throw new IllegalArgumentException("JSON pointer must start with '/': " + path);
      }
      if (op != Operator.REMOVE && value == null) {
        throw new IllegalArgumentException(op + " needs a value");
      }
      value = value == null ? null : value.deepCopy();
    }

    /** The value (a copy), or {@code null}. */
    @Override
    public @Nullable JsonNode value() {
      return value == null ? null : value.deepCopy();
    }
  }

  /**
   * JSON patch operations (Karmada {@code plaintext}).
   *
   * @param ops the operations, applied in order
   * @param target the objects to patch
   */
  record JsonPatch(List<PatchOp> ops, ResourceSelector target) implements Overrider {
    /** Validates and copies the components. */
    public JsonPatch {
      ops = List.copyOf(ops);
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int order() {
      return 5;
    }
  }

  /**
   * Changes one component of every container image (Karmada {@code imageOverrider} without a
   * predicate).
   *
   * @param component the image part to change
   * @param operator the operator
   * @param value the new value ({@code ""} for {@code REMOVE})
   * @param target the objects to change
   */
  record Image(ImageComponent component, Operator operator, String value, ResourceSelector target)
      implements Overrider {
    /** Validates the components. */
    public Image {
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int order() {
      return 0;
    }
  }

  /**
   * Changes a container's command (Karmada {@code commandOverrider}).
   *
   * @param container the container name
   * @param operator add or remove
   * @param values the values
   * @param target the objects to change
   */
  record ContainerCommand(
      String container, ListOperator operator, List<String> values, ResourceSelector target)
      implements Overrider {
    /** Validates and copies the components. */
    public ContainerCommand {
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int order() {
      return 1;
    }
  }

  /**
   * Changes a container's args (Karmada {@code argsOverrider}).
   *
   * @param container the container name
   * @param operator add or remove
   * @param values the values
   * @param target the objects to change
   */
  record ContainerArgs(
      String container, ListOperator operator, List<String> values, ResourceSelector target)
      implements Overrider {
    /** Validates and copies the components. */
    public ContainerArgs {
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int order() {
      return 2;
    }
  }

  /**
   * Changes {@code metadata.labels} (Karmada {@code labelsOverrider}).
   *
   * @param operator the operator; for {@code REMOVE} only the keys matter
   * @param values the labels (kept sorted by key)
   * @param target the objects to change
   */
  record Labels(Operator operator, Map<String, String> values, ResourceSelector target)
      implements Overrider {
    /** Validates and copies the components. */
    public Labels {
      Objects.requireNonNull(operator, "operator");
      values = Collections.unmodifiableMap(new TreeMap<>(values));
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int order() {
      return 3;
    }
  }

  /**
   * Changes {@code metadata.annotations} (Karmada {@code annotationsOverrider}).
   *
   * @param operator the operator; for {@code REMOVE} only the keys matter
   * @param values the annotations (kept sorted by key)
   * @param target the objects to change
   */
  record Annotations(Operator operator, Map<String, String> values, ResourceSelector target)
      implements Overrider {
    /** Validates and copies the components. */
    public Annotations {
      Objects.requireNonNull(operator, "operator");
      values = Collections.unmodifiableMap(new TreeMap<>(values));
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int order() {
      return 4;
    }
  }

  /**
   * Sets {@code spec.replicas} of the selected scalable workloads; sugar for a JSON patch {@code
   * replace /spec/replicas} and applied in the JSON-patch group.
   *
   * @param replicas the replica count, at least 0
   * @param target the objects to change
   */
  record Replicas(int replicas, ResourceSelector target) implements Overrider {
    /** Validates the components. */
    public Replicas {
      if (replicas < 0) {
        throw new IllegalArgumentException("replicas must be >= 0, was " + replicas);
      }
      Objects.requireNonNull(target, "target");
    }

    @Override
    public int order() {
      return 5;
    }
  }
}
