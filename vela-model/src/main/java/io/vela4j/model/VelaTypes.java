package io.vela4j.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.oam.AppDeployment;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationRevision;
import io.vela4j.model.oam.Cluster;
import io.vela4j.model.oam.ComponentDefinition;
import io.vela4j.model.oam.PolicyDefinition;
import io.vela4j.model.oam.ResourceTracker;
import io.vela4j.model.oam.TraitDefinition;
import io.vela4j.model.oam.WorkflowStepDefinition;
import io.vela4j.model.oam.WorkloadDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The typed resources Vela4J knows, by {@code apiVersion} and {@code kind}. */
public final class VelaTypes {
  /** Every typed resource class. */
  public static final List<Class<? extends HasMetadata>> ALL =
      List.of(
          Application.class,
          ComponentDefinition.class,
          TraitDefinition.class,
          PolicyDefinition.class,
          WorkflowStepDefinition.class,
          WorkloadDefinition.class,
          ApplicationRevision.class,
          ResourceTracker.class,
          AppDeployment.class,
          Cluster.class);

  private static final Map<String, Class<? extends HasMetadata>> BY_KIND = new LinkedHashMap<>();

  static {
    for (var c : ALL) {
      BY_KIND.put(HasMetadata.getGroup(c) + "/" + HasMetadata.getKind(c), c);
    }
  }

  private VelaTypes() {}

  /** The class for a group and kind, ignoring the version. */
  static Optional<Class<? extends HasMetadata>> byGroupKind(String group, String kind) {
    return Optional.ofNullable(BY_KIND.get(group + "/" + kind));
  }

  /** The class for an exact {@code apiVersion} and {@code kind}, if Vela4J has one. */
  public static Optional<Class<? extends HasMetadata>> typeFor(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return byGroupKind(group, kind).filter(c -> HasMetadata.getApiVersion(c).equals(apiVersion));
  }
}
