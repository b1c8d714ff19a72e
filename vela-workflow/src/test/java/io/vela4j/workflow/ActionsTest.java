package io.vela4j.workflow;

import static io.vela4j.workflow.Fixture.app;
import static io.vela4j.workflow.Fixture.cluster;
import static io.vela4j.workflow.Fixture.hub;
import static io.vela4j.workflow.Fixture.plan;
import static io.vela4j.workflow.Fixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Each action of vela/op, vela/kube, vela/builtin and vela/util against the offline provider. */
class ActionsTest {

  private static final String ONE_STEP =
      """
      components: []
      workflow:
        steps:
          - name: s
            type: t
            outputs:
              - name: out
                valueFrom: result
      """;

  private static WorkflowRun runOne(String template) {
    return new Fixture().step("t", template).run(app(ONE_STEP));
  }

  private static WorkflowRun runOne(String template, ClusterState state) {
    return new Fixture().step("t", template).run(app(ONE_STEP), state);
  }

  private static JsonNode out(WorkflowRun run) {
    return run.variables().get("out");
  }

  @Test
  void opApplyRecordsTheObjectOnItsTargetWithTheDefaultNamespace() {
    var run =
        runOne(
            """
            apply: op.#Apply & {
              value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "cm", data: a: "1"}
            }
            remote: op.#Apply & {
              cluster: "dev2"
              value: {apiVersion: "v1", kind: "Namespace", metadata: name: "team"}
            }
            result: apply.value.metadata.namespace
            """);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(plan(run, hub())).containsExactly("ConfigMap/default/cm");
    assertThat(plan(run, cluster("dev2"))).containsExactly("Namespace//team"); // cluster-scoped
    assertThat(out(run).asText()).isEqualTo("default");
    assertThat(run.step("s").orElseThrow().applied()).hasSize(2);
  }

  @Test
  void opReadAnswersFromTheStateAndFromEarlierApplies() {
    var st =
        state(
            """
            clusters:
              local:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: seen, namespace: default}, data: {k: v}}
            """);
    var run =
        runOne(
            """
            first: op.#Apply & {value: {apiVersion: "v1", kind: "Secret", metadata: name: "s1"}}
            again: op.#Read & {value: {apiVersion: "v1", kind: "Secret", metadata: {name: first.value.metadata.name}}}
            seen: op.#Read & {value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "seen"}}
            missing: op.#Read & {value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "nope"}}
            result: {k: seen.value.data.k, ns: again.value.metadata.namespace, e: missing.err}
            """,
            st);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(out(run).path("k").asText()).isEqualTo("v");
    assertThat(out(run).path("ns").asText()).isEqualTo("default");
    assertThat(out(run).path("e").asText()).isEqualTo("ConfigMap \"nope\" not found");
  }

  @Test
  void opListAndDelete() {
    var st =
        state(
            """
            clusters:
              local:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: a, namespace: ns, labels: {app: x}}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: ns, labels: {app: y}}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: other, labels: {app: x}}}
            """);
    var run =
        runOne(
            """
            list: op.#List & {
              resource: {apiVersion: "v1", kind: "ConfigMap"}
              filter: {namespace: "ns", matchingLabels: app: "x"}
            }
            del: op.#Delete & {value: {apiVersion: "v1", kind: "ConfigMap", metadata: {name: "b", namespace: "ns"}}}
            result: [for i in list.list.items {i.metadata.name}]
            """,
            st);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(out(run).toString()).isEqualTo("[\"a\"]");
    assertThat(run.applied())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo(AppliedObject.Action.DELETE);
              assertThat(a.display()).isEqualTo("ConfigMap/ns/b");
            });
  }

  @Test
  void kubePackageActionsFillReturns() {
    var st =
        state(
            """
            clusters:
              dev2:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, namespace: default}, data: {k: v}}
            """);
    var run =
        runOne(
            """
            read: kube.#Read & {$params: {cluster: "dev2", value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "cfg"}}}
            apply: kube.#Apply & {$params: value: {
              apiVersion: "v1"
              kind: "ConfigMap"
              metadata: name: "copy"
              data: read.$returns.value.data
            }}
            list: kube.#List & {$params: {cluster: "dev2", resource: {apiVersion: "v1", kind: "ConfigMap"}}}
            del: kube.#Delete & {$params: {cluster: "dev2", value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "cfg"}}}
            result: {copied: apply.$returns.value.data.k, listed: len(list.$returns.values.items)}
            """,
            st);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(out(run).path("copied").asText()).isEqualTo("v");
    assertThat(out(run).path("listed").asInt()).isEqualTo(1);
    assertThat(plan(run, hub())).containsExactly("ConfigMap/default/copy");
    assertThat(run.applied().get(1).action()).isEqualTo(AppliedObject.Action.DELETE);
  }

  @Test
  void actionsRunInDependencyOrderNotDeclarationOrder() {
    var run =
        runOne(
            """
            second: kube.#Apply & {$params: value: {
              apiVersion: "v1", kind: "ConfigMap"
              metadata: name: "second-" + first.$returns.value.metadata.name
            }}
            first: kube.#Apply & {$params: value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "one"}}
            result: second.$returns.value.metadata.name
            """);
    assertThat(out(run).asText()).isEqualTo("second-one");
    assertThat(plan(run, hub()))
        .containsExactly("ConfigMap/default/one", "ConfigMap/default/second-one");
  }

  @Test
  void conditionalWaitWaitsOnTheStateAndResumesWhenItHolds() {
    var f = new Fixture();
    f.step(
        "t",
        """
        apply: op.#Apply & {value: {apiVersion: "apps/v1", kind: "Deployment", metadata: name: "web"}}
        wait: op.#ConditionalWait & {
          continue: apply.value.status.readyReplicas == 2
          message: "waiting for web"
        }
        after: op.#Apply & {
          if wait.continue {
            value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "done"}
          }
        }
        """);
    var run =
        f.run(
            app(
                ONE_STEP.replace(
                    "            outputs:\n              - name: out\n                valueFrom: result\n",
                    "")));
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.WAITING);
    StepStatus s = run.step("s").orElseThrow();
    assertThat(s.phase()).isEqualTo(StepPhase.RUNNING);
    assertThat(s.message()).isEqualTo("waiting for web");
    assertThat(plan(run, hub())).containsExactly("Deployment/default/web");

    var ready =
        state(
            """
            time: "2026-01-01T00:05:00Z"
            clusters:
              local:
                - {apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: default}, status: {readyReplicas: 2}}
            """);
    var resumed = f.resume(run, ready);
    assertThat(resumed.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(plan(resumed, hub()))
        .containsExactly("Deployment/default/web", "ConfigMap/default/done");
    assertThat(resumed.step("s").orElseThrow().firstExecuteTime()).isEqualTo(Fixture.T0);
    assertThat(resumed.step("s").orElseThrow().lastExecuteTime()).isEqualTo(ready.time());
  }

  @Test
  void builtinWaitDefaultsToFalseAndMessagesAndLogsAreRecorded() {
    var run =
        runOne(
            """
            msg: builtin.#Message & {$params: message: "hello"}
            log: util.#Log & {$params: data: "a log line"}
            conv: util.#ConvertString & {$params: bt: 'bytes!'}
            old: op.#ConvertString & {bt: 'old'}
            result: conv.$returns.str + " " + old.str
            """);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(out(run).asText()).isEqualTo("bytes! old");
    StepStatus s = run.step("s").orElseThrow();
    assertThat(s.message()).isEqualTo("hello");
    assertThat(s.log()).containsExactly("a log line");
  }

  @Test
  void legacyControlActionsSteerTheStepToo() {
    var waiting =
        runOne(
            """
            msg: op.#Message & {message: "working"}
            log: op.#Log & {data: {step: "s"}}
            wait: builtin.#ConditionalWait & {$params: message: "not yet"}
            """);
    StepStatus w = waiting.step("s").orElseThrow();
    assertThat(w.phase()).isEqualTo(StepPhase.RUNNING);
    assertThat(w.reason()).isEqualTo("Wait");
    assertThat(w.message()).isEqualTo("not yet");
    assertThat(w.log()).containsExactly("{\"step\":\"s\"}");
    var failed = runOne("stop: op.#Fail & {message: \"legacy stop\"}");
    assertThat(failed.step("s").orElseThrow().diagnostic().message())
        .contains("action builtin.fail at stop: legacy stop");
  }

  @Test
  void failStopsTheStepAndTheRun() {
    var run =
        runOne(
            """
            check: builtin.#Fail & {$params: message: "not allowed"}
            never: kube.#Apply & {$params: value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "x"}}
            """);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.FAILED);
    StepStatus s = run.step("s").orElseThrow();
    assertThat(s.phase()).isEqualTo(StepPhase.FAILED);
    assertThat(s.reason()).isEqualTo("Action");
    assertThat(s.diagnostic().code()).isEqualTo(WorkflowException.ACTION_FAILED);
    assertThat(s.diagnostic().message()).contains("builtin.fail").contains("not allowed");
    assertThat(run.applied()).isEmpty();
    assertThat(run.failure()).isPresent();
  }

  @Test
  void suspendSuspendsUntilResumedAndDurationsResumeByThemselves() {
    var f = new Fixture();
    f.step(
        "t",
        """
        pause: op.#Suspend & {message: "approve me"}
        apply: op.#Apply & {value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: pause.message}}
        """);
    f.step(
        "timed",
        """
        pause: builtin.#Suspend & {$params: duration: "10m"}
        """);
    var a =
        app(
            """
            components: []
            workflow:
              steps:
                - {name: s, type: t}
                - {name: w, type: timed}
            """);
    var run = f.run(a);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.SUSPENDED);
    assertThat(run.step("s").orElseThrow().message()).isEqualTo("approve me");
    assertThat(run.applied()).isEmpty();
    var resumed = f.resume(run, ClusterState.empty());
    assertThat(resumed.step("s").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);
    assertThat(plan(resumed, hub())).containsExactly("ConfigMap/default/approve me");
    // the next step suspends for 10 minutes; a resume (with or without time passed) ends it
    assertThat(resumed.step("w").orElseThrow().phase()).isEqualTo(StepPhase.SUSPENDED);
    var later = f.resume(resumed, ClusterState.empty().withTime(Fixture.T0.plusSeconds(601)));
    assertThat(later.step("w").orElseThrow().phase()).isEqualTo(StepPhase.SUCCEEDED);
    assertThat(later.phase()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
  }

  @Test
  void loadGivesSpecWorkloadAndAuxiliariesAndApplyComponentAppliesOne() {
    var f = new Fixture();
    f.step(
        "t",
        """
        load: op.#Load
        one: op.#Load & {component: "web"}
        apply: op.#ApplyComponent & {value: load.value.web, cluster: "dev2"}
        result: {
          type: load.value.web.type
          workload: one.value.workload.kind
          aux: [for a in one.value.auxiliaries {a.kind}]
          applied: apply.output.metadata.name
          outputs: [for k, v in apply.outputs {k}]
        }
        """);
    f.clusters("dev2");
    var run =
        f.run(
            app(
                """
                components:
                  - name: web
                    type: webservice
                    properties: {image: nginx, port: 80}
                    traits:
                      - type: gateway
                        properties: {domain: web.example.com, http: {"/": 80}}
                workflow:
                  steps:
                    - name: s
                      type: t
                      outputs:
                        - {name: out, valueFrom: result}
                """));
    assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    JsonNode o = out(run);
    assertThat(o.path("type").asText()).isEqualTo("webservice");
    assertThat(o.path("workload").asText()).isEqualTo("Deployment");
    assertThat(o.path("aux").toString()).contains("Ingress");
    assertThat(o.path("applied").asText()).isEqualTo("web");
    assertThat(plan(run, cluster("dev2"))).contains("Deployment/default/web");
  }

  @Test
  void stepsAndTasksGroupActions() {
    var run =
        runOne(
            """
            group: op.#Steps & {
              a: op.#Apply & {value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "a"}}
              b: op.#Apply & {value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: "b"}}
            }
            job: op.#Task & {
              name: "build"
              steps: [{name: "compile", image: "golang", script: "go build"}, {name: "test", image: "golang", script: "go test"}]
            }
            list: [for n in ["x", "y"] {op.#Apply & {value: {apiVersion: "v1", kind: "ConfigMap", metadata: name: n}}}]
            result: len(list)
            """);
    assertThat(run.phase()).as(run.message()).isEqualTo(WorkflowRun.Phase.SUCCEEDED);
    assertThat(plan(run, hub()))
        .containsExactly(
            "ConfigMap/default/a",
            "ConfigMap/default/b",
            "Pod/default/build",
            "ConfigMap/default/x",
            "ConfigMap/default/y");
  }

  @Test
  void anUnknownActionIsAnErrorNamingIt() {
    var run =
        runOne(
            """
            x: {#do: "teleport", #provider: "magic", to: "mars"}
            """);
    assertThat(run.phase()).isEqualTo(WorkflowRun.Phase.FAILED);
    var d = run.step("s").orElseThrow().diagnostic();
    assertThat(d.code()).isEqualTo(WorkflowException.UNKNOWN_ACTION);
    assertThat(d.message()).contains("magic.teleport").contains("at x");
    assertThat(d.source()).isEqualTo("t.cue");
    assertThat(d.line()).isEqualTo(6);
  }
}
