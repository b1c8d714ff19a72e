package io.vela4j.cli;

import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.kube.ApplyListener;
import io.vela4j.dispatch.kube.ApplyResult;
import io.vela4j.dispatch.kube.ClusterConnections;
import io.vela4j.dispatch.kube.ClusterOutcome;
import io.vela4j.dispatch.kube.KubeApplier;
import io.vela4j.dispatch.kube.KubeApplyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vela4j dispatch apply --via ocm|karmada|direct -f manifests.yaml --placement
 * placement.yaml --kubeconfig FILE}: plans like {@code dispatch plan}, then applies the plan with
 * {@link KubeApplier} (vela-dispatch-kube), printing one progress line per target as it finishes.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Plan the delivery of manifests, then apply it to the API servers of a",
      "kubeconfig. Each context is a cluster of the same name; OCM and Karmada plans",
      "go to the control plane (--control-plane-context, default: current context).",
      "Prints one line per target as it finishes, then the plan hash.",
      "Exit status: 0 applied everywhere, 1 invalid input or a target failed,",
      "2 usage error."
    })
final class DispatchApplyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DispatchInputs inputs = new DispatchInputs();

  @Option(
      names = "--kubeconfig",
      required = true,
      paramLabel = "FILE",
      description = "The kubeconfig; every context is a cluster named after it.")
  Path kubeconfig;

  @Option(
      names = "--control-plane-context",
      paramLabel = "CONTEXT",
      description = "The OCM hub / Karmada API server context (default: current-context).")
  @Nullable String controlPlaneContext;

  @Option(
      names = "--concurrency",
      defaultValue = "4",
      paramLabel = "N",
      description = "Targets applied at the same time (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DispatchPlan plan;
    io.vela4j.dispatch.DispatchPolicy policy;
    try {
      var planned = DispatchCommand.plan(inputs, System.in, err);
      plan = planned.plan();
      policy = planned.policy();
    } catch (DispatchException e) {
      DispatchCommand.print(e.diagnostics(), err);
      return 1;
    } catch (io.vela4j.render.RenderException e) {
      DispatchCommand.print(e.diagnostics(), err);
      return 1;
    } catch (IOException e) {
      err.println("error: cannot read " + e.getMessage());
      err.flush();
      return 2;
    }
    DispatchCommand.print(plan.diagnostics(), err);
    // fabric8 logs through SLF4J; the CLI ships no binding, so silence SLF4J's own warning
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    var applier =
        KubeApplier.builder()
            .policy(policy)
            .concurrency(Math.max(1, concurrency))
            .listener(new Progress(out))
            .build();
    ApplyResult result;
    try (var connections = connections(plan)) {
      result = applier.applyAll(plan, connections);
    } catch (DispatchException e) {
      DispatchCommand.print(e.diagnostics(), err);
      return 1;
    }
    out.println("plan " + plan.contentHash());
    out.flush();
    if (!result.succeeded()) {
      DispatchCommand.print(new KubeApplyException(result).diagnostics(), err);
      return 1;
    }
    return 0;
  }

  private ClusterConnections connections(DispatchPlan plan) {
    var builder = ClusterConnections.builder().kubeconfig(kubeconfig);
    boolean needsControlPlane =
        plan.targets().stream()
            .anyMatch(t -> t instanceof io.vela4j.dispatch.DeliveryTarget.ControlPlane);
    if (needsControlPlane) {
      String context =
          controlPlaneContext != null
              ? controlPlaneContext
              : ClusterConnections.currentContext(kubeconfig);
      builder.controlPlaneContext(kubeconfig, context);
    }
    return builder.build();
  }

  /** Prints one line per finished target; called from worker threads. */
  private static final class Progress implements ApplyListener {
    private final PrintWriter out;

    Progress(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void targetFinished(ClusterOutcome outcome) {
      synchronized (out) {
        out.println(outcome.summary());
        out.flush();
      }
    }
  }
}
