package io.vela4j.workflow;

import static io.vela4j.workflow.Fixture.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.vela4j.model.Diagnostic;
import org.junit.jupiter.api.Test;

/** A failing step stops the run with the step, the action and the CUE position named. */
class FailureTest {

  private static final String APP =
      """
      components: []
      workflow:
        steps:
          - {name: first, type: t}
          - {name: second, type: print-message-in-status, properties: {message: never}}
      """;

  private static Diagnostic failure(String template) {
    var run = new Fixture().step("t", template).run(app(APP));
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.FAILED);
    assertThat(run.step("second").orElseThrow().phase()).isEqualTo(StepPhase.SKIPPED);
    return run.failure().orElseThrow().diagnostics().get(0);
  }

  @Test
  void aConflictInTheTemplateNamesTheStepAndThePosition() {
    Diagnostic d =
        failure(
            """
            apply: op.#Apply & {
              value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "x"}
              value: metadata: name: "y"
            }
            """);
    assertThat(d.code()).isEqualTo(WorkflowException.TEMPLATE_ERROR);
    assertThat(d.message())
        .contains("step first (WorkflowStepDefinition/t)")
        .contains("conflicting values");
    assertThat(d.source()).isEqualTo("t.cue");
    assertThat(d.line()).isBetween(8, 9);
    assertThat(d.path()).isEqualTo("spec.workflow.steps[0]");
  }

  @Test
  void anActionWhoseInputsNeverBecomeConcreteIsNamedWithItsPosition() {
    Diagnostic d =
        failure(
            """
            apply: op.#Apply & {
              value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: parameter.name}
            }
            parameter: name: string
            """);
    assertThat(d.code()).isEqualTo(WorkflowException.INCOMPLETE_ACTION);
    assertThat(d.message())
        .contains("action kube.apply at apply")
        .contains("never became concrete");
    assertThat(d.source()).isEqualTo("t.cue");
    assertThat(d.line()).isEqualTo(7);
  }

  @Test
  void aProviderErrorNamesTheAction() {
    Diagnostic d =
        failure(
            """
            apply: op.#Apply & {
              value: {apiVersion: "v1", kind: "ConfigMap", metadata: labels: a: "b"}
            }
            """);
    assertThat(d.code()).isEqualTo(WorkflowException.ACTION_FAILED);
    assertThat(d.message())
        .isEqualTo(
            "step first (WorkflowStepDefinition/t): action kube.apply at apply: an object needs"
                + " apiVersion, kind and metadata.name (found ConfigMap without a name)");
    assertThat(d.format()).startsWith("t.cue:7:1: error: spec.workflow.steps[0]: step first");
  }

  @Test
  void anUnknownPackageIsNamed() {
    var f = new Fixture();
    f.step("t", "x: 1");
    var registry =
        io.vela4j.render.DefinitionRegistry.builder()
            .load(
                "h.cue",
                "import \"vela/http\"\n\"h\": {type: \"workflow-step\", attributes: {}}\ntemplate: {\n  r: http.#Get\n}\n")
            .build();
    var engine =
        WorkflowEngine.builder()
            .renderer(io.vela4j.render.Renderer.builder().registry(registry).build())
            .build();
    var a = app("components: []\nworkflow:\n  steps:\n    - {name: s, type: h}\n");
    var run =
        engine.run(
            io.vela4j.render.Renderer.builder()
                .registry(registry)
                .build()
                .render(a, io.vela4j.render.RenderOptions.defaults()),
            WorkflowOptions.of(a));
    Diagnostic d = run.failure().orElseThrow().diagnostics().get(0);
    assertThat(d.code()).isEqualTo(WorkflowException.UNKNOWN_PACKAGE);
    assertThat(d.message()).contains("\"vela/http\" is not provided by Vela4J");
    assertThat(d.line()).isEqualTo(1);
  }
}
