package io.vela4j.model.oam;

/** API group and version constants. */
public final class Oam {
  /** The OAM API group. */
  public static final String GROUP = "core.oam.dev";

  /** The served and stored version of the OAM types. */
  public static final String V1BETA1 = "v1beta1";

  /** {@code core.oam.dev/v1beta1}. */
  public static final String API_VERSION = GROUP + "/" + V1BETA1;

  /** The group of {@link Cluster}. */
  public static final String CLUSTER_GROUP = "cluster.core.oam.dev";

  /** The version of {@link Cluster}. */
  public static final String V1ALPHA1 = "v1alpha1";

  private Oam() {}
}
