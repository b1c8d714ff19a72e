package io.vela4j.dispatch;

import java.util.Objects;

/**
 * Where a {@link Delivery} goes: the control plane (OCM hub, Karmada API server) or one member
 * cluster. Targets sort control plane first, then clusters by name.
 */
public sealed interface DeliveryTarget extends Comparable<DeliveryTarget> {

  /** The control plane target. */
  ControlPlane CONTROL_PLANE = new ControlPlane();

  /**
   * A member cluster target.
   *
   * @param name the cluster name
   * @return the target
   */
  static Cluster cluster(String name) {
    return new Cluster(name);
  }

  /**
   * The file stem used by {@code vela4j dispatch plan -o DIR}: {@code control-plane} or {@code
   * cluster-<name>}.
   */
  String fileStem();

  /** The form printed in plan comments: {@code control-plane} or {@code cluster/<name>}. */
  String display();

  @Override
  default int compareTo(DeliveryTarget o) {
    if (this instanceof ControlPlane) {
      return o instanceof ControlPlane ? 0 : -1;
    }
    if (o instanceof ControlPlane) {
      return 1;
    }
    return ((Cluster) this).name().compareTo(((Cluster) o).name());
  }

  /** The control plane: the OCM hub or the Karmada API server. */
  record ControlPlane() implements DeliveryTarget {
    @Override
    public String fileStem() {
      return "control-plane";
    }

    @Override
    public String display() {
      return "control-plane";
    }
  }

  /**
   * A member cluster.
   *
   * @param name the cluster name
   */
  record Cluster(String name) implements DeliveryTarget {
    /** Validates the name. */
    public Cluster {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("cluster name must not be empty");
      }
    }

    @Override
    public String fileStem() {
      return "cluster-" + name;
    }

    @Override
    public String display() {
      return "cluster/" + name;
    }
  }
}
