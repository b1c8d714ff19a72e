package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/** A {@code WorkflowStepDefinition}. */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("WorkflowStepDefinition")
@Plural("workflowstepdefinitions")
@ShortNames({"workflowstep"})
public class WorkflowStepDefinition extends OamResource<WorkflowStepDefinitionSpec>
    implements io.fabric8.kubernetes.api.model.Namespaced {
  private static final long serialVersionUID = 1L;

  /** An empty WorkflowStepDefinition (for deserialization and fabric8). */
  public WorkflowStepDefinition() {}

  /** A WorkflowStepDefinition with the given metadata and spec. */
  public WorkflowStepDefinition(
      @Nullable ObjectMeta metadata, @Nullable WorkflowStepDefinitionSpec spec) {
    super(metadata, spec, null);
  }

  /** A WorkflowStepDefinition with the given metadata, spec and status. */
  public WorkflowStepDefinition(
      @Nullable ObjectMeta metadata,
      @Nullable WorkflowStepDefinitionSpec spec,
      @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
