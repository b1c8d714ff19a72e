package io.vela4j.workflow;

import static io.vela4j.workflow.Fixture.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vela4j.model.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step scheduling as KubeVela's executor does it: modes, dependsOn, if, timeouts, sub-steps. */
class SchedulingTest {

  private static Fixture fixture() {
    return new Fixture()
        .step(
            "emit",
            """
            msg: builtin.#Message & {$params: message: parameter.value}
            parameter: value: *"" | string
            """)
        .step("boom", "f: builtin.#Fail & {$params: message: \"boom\"}")
        .step("hold", "w: builtin.#ConditionalWait & {$params: continue: false}");
  }

  private static List<String> started(Fixture f) {
    return f.events().stream()
        .filter(e -> e.startsWith("start:"))
        .map(e -> e.substring(6))
        .toList();
  }

  @Test
  void stepByStepRunsInOrderAndStopsAtAStepThatDoesNotFinish() {
    var f = fixture();
    var run =
        f.run(
            app(
                """
                components: []
                workflow:
                  steps:
                    - {name: a, type: emit}
                    - {name: b, type: hold}
                    - {name: c, type: emit}
                """));
    assertThat(started(f)).containsExactly("a", "b");
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.WAITING);
    assertThat(run.step("c").orElseThrow().phase()).isEqualTo(StepPhase.PENDING);
  }

  @Test
  void dagRunsEveryReadyStepAndThoseTheyUnblock() {
    var f = fixture();
    var run =
        f.run(
            app(
                """
                components: []
                workflow:
                  mode: {steps: DAG}
                  steps:
                    - {name: a, type: emit, dependsOn: [b]}
                    - {name: b, type: emit}
                    - {name: h, type: hold}
                    - {name: c, type: emit, dependsOn: [h]}
                """));
    assertThat(started(f)).containsExactly("b", "h", "a");
    assertThat(run.step("c").orElseThrow().phase()).isEqualTo(StepPhase.PENDING);
    assertThat(run.step("c").orElseThrow().message()).isEqualTo("Pending on DependsOn: h");
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.WAITING);
  }

  @Test
  void aFailedStepTerminatesTheRunAndLaterStepsRunOnlyIfTheirIfSaysSo() {
    var f = fixture();
    var run =
        f.run(
            app(
                """
                components: []
                workflow:
                  steps:
                    - {name: a, type: boom}
                    - {name: b, type: emit}
                    - {name: c, type: emit, if: always}
                    - {name: d, type: emit, if: status.a.failed}
                    - {name: e, type: emit, if: 'status["a"].succeeded'}
                    - {name: f, type: emit, if: 'status.a.phase == "failed" && !status.b.succeeded'}
                """));
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.FAILED);
    assertThat(run.steps().stream().map(s -> s.name() + "=" + s.phase().label()))
        .containsExactly(
            "a=failed", "b=skipped", "c=succeeded", "d=succeeded", "e=skipped", "f=succeeded");
    assertThat(run.failure().orElseThrow().diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.path()).isEqualTo("spec.workflow.steps[0]"));
  }

  @Test
  void anIfThatDoesNotEvaluateSkipsTheStepWithTheError() {
    var run =
        fixture()
            .run(
                app(
                    """
                    components: []
                    workflow:
                      steps:
                        - {name: a, type: emit, if: 'status.nope.succeeded'}
                    """));
    StepStatus a = run.step("a").orElseThrow();
    assertThat(a.phase()).isEqualTo(StepPhase.SKIPPED);
    assertThat(a.message()).startsWith("pre check error:");
  }

  @Test
  void stepGroupsRunTheirSubStepsAsADagByDefaultOrStepByStep() {
    var f = fixture();
    var run =
        f.run(
            app(
                """
                components: []
                workflow:
                  steps:
                    - name: g
                      type: step-group
                      subSteps:
                        - {name: s1, type: emit, dependsOn: [s2]}
                        - {name: s2, type: emit}
                    - name: h
                      type: step-group
                      mode: StepByStep
                      subSteps:
                        - {name: t1, type: hold}
                        - {name: t2, type: emit}
                """));
    assertThat(started(f)).containsExactly("g", "s2", "s1", "h", "t1");
    assertThat(run.step("g").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);
    assertThat(run.step("g").orElseThrow().subSteps())
        .extracting(StepStatus::name)
        .containsExactly("s1", "s2");
    assertThat(run.step("h").orElseThrow().phase()).isEqualTo(StepPhase.RUNNING);
    assertThat(run.step("t2").orElseThrow().phase()).isEqualTo(StepPhase.PENDING);
  }

  @Test
  void aSkippedGroupSkipsItsSubStepsAndAFailedSubStepFailsTheGroup() {
    var run =
        fixture()
            .run(
                app(
                    """
                    components: []
                    workflow:
                      steps:
                        - name: g
                          type: step-group
                          if: "false"
                          subSteps: [{name: s1, type: emit}]
                        - name: h
                          type: step-group
                          subSteps: [{name: t1, type: boom}, {name: t2, type: emit}]
                    """));
    assertThat(run.step("s1").orElseThrow().phase()).isEqualTo(StepPhase.SKIPPED);
    assertThat(run.step("h").orElseThrow().phase()).isEqualTo(StepPhase.FAILED);
    assertThat(run.step("t2").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.FAILED);
  }

  @Test
  void aStepTimesOutWhenItsTimeoutPassesBeforeItFinishes() {
    var f = fixture();
    var run =
        f.run(
            app(
                """
                components: []
                workflow:
                  steps:
                    - {name: a, type: hold, timeout: 1m}
                    - {name: b, type: emit}
                    - {name: c, type: emit, if: status.a.timeout}
                """));
    assertThat(run.step("a").orElseThrow().phase()).isEqualTo(StepPhase.RUNNING);
    var early = f.resume(run, ClusterState.empty().withTime(Fixture.T0.plusSeconds(30)));
    assertThat(early.step("a").orElseThrow().phase()).isEqualTo(StepPhase.RUNNING);
    var late = f.resume(early, ClusterState.empty().withTime(Fixture.T0.plusSeconds(61)));
    assertThat(late.step("a").orElseThrow().phase()).isEqualTo(StepPhase.TIMED_OUT);
    assertThat(late.step("a").orElseThrow().diagnostic().code())
        .isEqualTo(WorkflowException.TIMED_OUT);
    assertThat(late.step("b").orElseThrow().phase()).isEqualTo(StepPhase.SKIPPED);
    assertThat(late.step("c").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);
    assertThat(late.phase()).isEqualTo(WorkflowRun.Phase.FAILED);
  }

  @Test
  void outputsFeedInputsByParameterKeyAndIf() {
    var f = fixture();
    f.step(
        "produce",
        """
        apply: kube.#Apply & {$params: value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "cfg", data: color: "blue"}}
        """);
    var run =
        f.run(
            app(
                """
                components: []
                workflow:
                  mode: {steps: DAG}
                  steps:
                    - name: consume
                      type: emit
                      inputs: [{from: color, parameterKey: value}]
                    - name: produce
                      type: produce
                      outputs:
                        - {name: color, valueFrom: apply.$returns.value.data.color}
                        - {name: shout, valueFrom: 'apply.$returns.value.data.color + "!"'}
                        - {name: broken, valueFrom: apply.nothing}
                    - name: only-if-blue
                      type: emit
                      inputs: [{from: color}]
                      if: 'inputs.color == "blue"'
                """));
    assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(run.variables().get("color").asText()).isEqualTo("blue");
    assertThat(run.variables().get("shout").asText()).isEqualTo("blue!");
    assertThat(run.variables().get("broken").isNull()).isTrue();
    assertThat(run.step("produce").orElseThrow().message())
        .contains("failed to get output from apply.nothing");
    assertThat(run.step("consume").orElseThrow().message()).isEqualTo("blue");
    assertThat(run.step("only-if-blue").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);
  }

  @Test
  void aStepWaitsForAnInputThatIsNotThereYet() {
    var run =
        fixture()
            .run(
                app(
                    """
                    components: []
                    workflow:
                      steps:
                        - {name: a, type: emit, inputs: [{from: never, parameterKey: value}]}
                    """));
    assertThat(run.step("a").orElseThrow().phase()).isEqualTo(StepPhase.PENDING);
    assertThat(run.step("a").orElseThrow().message()).isEqualTo("Pending on Input: never");
  }

  @Test
  void malformedWorkflowsAreRejectedWithEveryProblemLocated() {
    var f = fixture();
    assertThatThrownBy(
            () ->
                f.run(
                    app(
                        """
                        components: []
                        workflow:
                          mode: {steps: Parallel}
                          steps:
                            - {name: a, type: emit, dependsOn: [zz], timeout: soon}
                            - {name: a, type: teleport}
                        """)))
        .isInstanceOfSatisfying(
            WorkflowException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::code, Diagnostic::path)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                            WorkflowException.INVALID_WORKFLOW, "spec.workflow.mode.steps"),
                        org.assertj.core.groups.Tuple.tuple(
                            WorkflowException.INVALID_WORKFLOW, "spec.workflow.steps[0].timeout"),
                        org.assertj.core.groups.Tuple.tuple(
                            WorkflowException.INVALID_WORKFLOW, "spec.workflow.steps[1].name"),
                        org.assertj.core.groups.Tuple.tuple(
                            WorkflowException.UNKNOWN_STEP_TYPE, "spec.workflow.steps[1].type"),
                        org.assertj.core.groups.Tuple.tuple(
                            WorkflowException.INVALID_WORKFLOW,
                            "spec.workflow.steps[0].dependsOn[0]")));
  }
}
