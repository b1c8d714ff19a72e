package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.Paths;
import io.vela4j.model.oam.AppPolicy;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationSpec;
import io.vela4j.model.oam.WorkflowStep;
import io.vela4j.render.RenderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The deploy steps of an application: what KubeVela's workflow would dispatch, step by step.
 *
 * <p>With {@code spec.workflow.steps}, every {@code deploy} step (inside {@code step-group}s too)
 * with its {@code policies} (by name; unknown names are errors) and {@code inlinePolicies} (named
 * {@code inline-<type>-policy-<i>} when unnamed), and every {@code apply-component} step with its
 * {@code component}, {@code cluster} and {@code namespace}. Other step types dispatch nothing and
 * are left to the workflow engine.
 *
 * <p>Without a workflow, KubeVela's generators ({@code pkg/workflow/step/generator.go}): one step
 * {@code deploy-<topology>} per topology policy in spec order, each with every override policy
 * followed by that topology; else, when there are override policies, one step {@code deploy} with
 * them; else one {@code apply-component} step per component, on the hub.
 *
 * <p>Policies without a name are named {@code <type>-auto-gen-<index>}, as KubeVela's parser does.
 */
public final class DeployPlan {

  /** A named policy with its field path in the application. */
  public record NamedPolicy(String name, AppPolicy policy, String path) {}

  /**
   * One step that dispatches components.
   *
   * @param name the step's name
   * @param type {@code deploy} or {@code apply-component}
   * @param policies for {@code deploy}: its policies in step order
   * @param component for {@code apply-component}: the component's name
   * @param cluster for {@code apply-component}: the cluster, or {@code ""}
   * @param namespace for {@code apply-component}: the namespace, or {@code ""}
   * @param path the step's field path ({@code spec.workflow.steps[1]}), or {@code spec.policies}
   *     for generated steps
   */
  public record Step(
      String name,
      String type,
      List<NamedPolicy> policies,
      @Nullable String component,
      String cluster,
      String namespace,
      String path) {}

  private DeployPlan() {}

  /** The application's policies by (possibly generated) name, in spec order. */
  public static Map<String, NamedPolicy> policies(ApplicationSpec spec) {
    var out = new LinkedHashMap<String, NamedPolicy>();
    for (int i = 0; i < spec.policies().size(); i++) {
      AppPolicy p = spec.policies().get(i);
      String name = p.name() == null || p.name().isEmpty() ? p.type() + "-auto-gen-" + i : p.name();
      out.put(name, new NamedPolicy(name, p, "spec.policies[" + i + "]"));
    }
    return out;
  }

  /**
   * The deploy steps.
   *
   * @param app the application
   * @param warnings receives warnings (an external workflow reference that cannot be loaded)
   * @param problems receives errors (a step naming an unknown policy or component); the step is
   *     kept without what it names, so that the rest can still be checked
   * @return the steps, in order
   */
  public static List<Step> of(
      Application app, List<Diagnostic> warnings, List<Diagnostic> problems) {
    ApplicationSpec spec = app.getSpec();
    Map<String, NamedPolicy> policies = policies(spec);
    var wf = spec.workflow();
    if (wf != null && wf.ref() != null && !wf.ref().isEmpty()) {
      warnings.add(
          Diagnostic.warning(
                  "EXTERNAL_WORKFLOW",
                  "the workflow '"
                      + wf.ref()
                      + "' is an external Workflow object, which is not"
                      + " loaded offline: the default workflow is rendered instead",
                  "spec.workflow.ref")
              .withFacts("inline steps", "ref " + wf.ref()));
    }
    if (wf != null && (wf.ref() == null || wf.ref().isEmpty()) && !wf.steps().isEmpty()) {
      var out = new ArrayList<Step>();
      explicit(wf.steps(), "spec.workflow.steps", policies, spec.components(), out, problems);
      if (!out.isEmpty() || !problems.isEmpty()) {
        return out;
      }
      // only custom steps (they dispatch in their own way): what would be deployed is rendered
      // as vela dry-run renders an application without deploy steps
    }
    return generated(spec, policies);
  }

  private static void explicit(
      List<WorkflowStep> steps,
      String base,
      Map<String, NamedPolicy> policies,
      List<ApplicationComponent> components,
      List<Step> out,
      List<Diagnostic> problems) {
    for (int i = 0; i < steps.size(); i++) {
      WorkflowStep s = steps.get(i);
      String path = Paths.index(base, i);
      String name = s.name() == null || s.name().isEmpty() ? s.type() + "-" + i : s.name();
      JsonNode props = s.properties() == null ? Json.object() : s.properties();
      switch (s.type()) {
        case "step-group" ->
            explicit(s.subSteps(), path + ".subSteps", policies, components, out, problems);
        case "deploy" -> {
          var used = new ArrayList<NamedPolicy>();
          JsonNode names = props.path("policies");
          for (int j = 0; j < names.size(); j++) {
            String n = names.get(j).asText("");
            NamedPolicy p = policies.get(n);
            if (p == null) {
              problems.add(
                  Diagnostic.error(
                          RenderException.UNKNOWN_POLICY,
                          "step " + name + ": policy " + n + " not found",
                          Paths.index(path + ".properties.policies", j))
                      .withFacts("one of " + String.join(", ", policies.keySet()), n));
            } else {
              used.add(p);
            }
          }
          JsonNode inline = props.path("inlinePolicies");
          for (int j = 0; j < inline.size(); j++) {
            JsonNode ip = inline.get(j);
            String type = ip.path("type").asText("");
            String n = ip.path("name").asText("");
            if (n.isEmpty()) {
              n = "inline-" + type + "-policy-" + j;
            }
            JsonNode pp = ip.get("properties");
            used.add(
                new NamedPolicy(
                    n,
                    new AppPolicy(n, type, pp == null ? null : pp.deepCopy()),
                    Paths.index(path + ".properties.inlinePolicies", j)));
          }
          out.add(new Step(name, "deploy", used, null, "", "", path));
        }
        case "apply-component" -> {
          String comp = props.path("component").asText("");
          if (components.stream().noneMatch(c -> c.name().equals(comp))) {
            problems.add(
                Diagnostic.error(
                        RenderException.UNKNOWN_DEFINITION,
                        "step " + name + ": component '" + comp + "' not found",
                        path + ".properties.component")
                    .withFacts(
                        "one of "
                            + String.join(
                                ", ", components.stream().map(ApplicationComponent::name).toList()),
                        comp));
          } else {
            out.add(
                new Step(
                    name,
                    "apply-component",
                    List.of(),
                    comp,
                    props.path("cluster").asText(""),
                    props.path("namespace").asText(""),
                    path));
          }
        }
        default -> {
          // suspend, notification, custom steps: nothing to render
        }
      }
    }
  }

  private static List<Step> generated(ApplicationSpec spec, Map<String, NamedPolicy> policies) {
    var overrides =
        policies.values().stream().filter(p -> "override".equals(p.policy().type())).toList();
    var out = new ArrayList<Step>();
    for (NamedPolicy p : policies.values()) {
      if ("topology".equals(p.policy().type())) {
        var used = new ArrayList<>(overrides);
        used.add(p);
        out.add(new Step("deploy-" + p.name(), "deploy", used, null, "", "", "spec.policies"));
      }
    }
    if (out.isEmpty() && !overrides.isEmpty()) {
      out.add(new Step("deploy", "deploy", overrides, null, "", "", "spec.policies"));
    }
    if (out.isEmpty()) {
      for (ApplicationComponent c : spec.components()) {
        out.add(
            new Step(c.name(), "apply-component", List.of(), c.name(), "", "", "spec.components"));
      }
    }
    return out;
  }
}
