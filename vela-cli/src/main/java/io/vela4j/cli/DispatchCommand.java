package io.vela4j.cli;

import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.DispatchRequest;
import io.vela4j.dispatch.Dispatchers;
import io.vela4j.dispatch.RenderedDispatch;
import io.vela4j.dispatch.files.ManifestFiles;
import io.vela4j.dispatch.files.PlacementFile;
import io.vela4j.dispatch.files.PlanWriter;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import io.vela4j.render.RenderResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vela4j dispatch}: plan (and, with vela-dispatch-kube, apply) the delivery of manifests to
 * many clusters through OCM, Karmada or direct apply. The logic lives in vela-dispatch-spi ({@code
 * io.vela4j.dispatch.files}); this class only wires files and streams.
 */
@Command(
    name = "dispatch",
    mixinStandardHelpOptions = true,
    description = "Plan and apply multi-cluster delivery (OCM, Karmada, direct).",
    subcommands = {
      DispatchCommand.Plan.class,
      DispatchApplyCommand.class,
    })
final class DispatchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (plan)");
  }

  /**
   * A plan and the policy its objects are delivered with.
   *
   * @param plan the plan
   * @param policy the delivery policy
   */
  record Planned(DispatchPlan plan, DispatchPolicy policy) {}

  /**
   * Plans the inputs (shared with {@code apply}): plain manifests with {@code --placement} as one
   * request; otherwise every Application, ApplicationRevision and AppDeployment rendered and placed
   * by its policies (revision-only applications are skipped with a message).
   *
   * @param inputs the options
   * @param stdin standard input
   * @param err where messages go
   * @return the plan
   * @throws IOException when a file cannot be read
   * @throws DispatchException when a file is invalid or the plan fails
   * @throws io.vela4j.render.RenderException when an application does not render
   */
  static Planned plan(DispatchInputs inputs, InputStream stdin, PrintWriter err)
      throws IOException {
    var dispatcher = Dispatchers.discover().get(inputs.via);
    if (inputs.placement != null) {
      String placementText = Files.readString(inputs.placement, StandardCharsets.UTF_8);
      PlacementFile pf = PlacementFile.parse(placementText, inputs.placement.toString());
      var objects = new ArrayList<io.vela4j.dispatch.Manifest>();
      for (Path f : inputs.render.files) {
        String text =
            f.toString().equals("-")
                ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(f, StandardCharsets.UTF_8);
        String name = f.toString().equals("-") ? "<stdin>" : f.toString();
        objects.addAll(ManifestFiles.read(text, name, pf.namespace(), ResourceScopes.builtin()));
      }
      DispatchRequest request = pf.request(objects, ResourceScopes.builtin());
      return new Planned(dispatcher.plan(request), request.policy());
    }
    List<RenderResult> results = DryRunCommand.render(inputs.render, err, true);
    var requests = new ArrayList<DispatchRequest>();
    DispatchPolicy policy = DispatchPolicy.defaults();
    for (RenderResult r : results) {
      if (r.revisionOnly()) {
        err.println(
            "application "
                + r.application()
                + " is revision-only (app.oam.dev/revision-only): nothing to dispatch; place its"
                + " revisions with an AppDeployment");
        continue;
      }
      requests.addAll(RenderedDispatch.requests(r, policy, ResourceScopes.builtin()));
    }
    err.flush();
    return new Planned(RenderedDispatch.plan(dispatcher, requests), policy);
  }

  /** Prints diagnostics one per line ({@code file:line:column: severity: path: message}). */
  static void print(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics) {
      err.println(d.format());
    }
    err.flush();
  }

  /**
   * {@code vela4j dispatch plan --via ocm|karmada|direct -f manifests.yaml --placement
   * placement.yaml [-o DIR]}.
   */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "Plan the delivery of Applications, ApplicationRevisions and AppDeployments (rendered and",
        "placed by their policies) or of plain manifests (with --placement), offline.",
        "Without -o the plan goes to standard output (a '# target: ... wave: ...' comment before",
        "each document) and the summary table to standard error; with -o DIR one file per target",
        "(control-plane.yaml, cluster-<name>.yaml) is written and the summary goes to standard",
        "output. Exit status: 0 planned, 1 invalid input, 2 usage error."
      })
  static final class Plan implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DispatchInputs inputs = new DispatchInputs();

    @Option(
        names = {"-o", "--output"},
        paramLabel = "DIR",
        description = "Write one YAML file per target into DIR.")
    @Nullable Path output;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      DispatchPlan plan;
      try {
        plan = plan(inputs, System.in, err).plan();
      } catch (DispatchException e) {
        print(e.diagnostics(), err);
        return 1;
      } catch (io.vela4j.render.RenderException e) {
        print(e.diagnostics(), err);
        return 1;
      } catch (IOException e) {
        err.println("error: cannot read " + e.getMessage());
        err.flush();
        return 2;
      }
      print(plan.diagnostics(), err);
      if (output == null) {
        out.print(PlanWriter.stream(plan));
        out.flush();
        err.print(PlanWriter.summaryTable(plan));
        err.flush();
        return 0;
      }
      try {
        for (Path stale : PlanWriter.write(plan, output)) {
          err.println("removed stale " + stale);
        }
        err.flush();
      } catch (IOException e) {
        err.println("error: cannot write " + e.getMessage());
        err.flush();
        return 1;
      }
      out.print(PlanWriter.summaryTable(plan));
      out.println("plan " + plan.contentHash() + " written to " + output);
      out.flush();
      return 0;
    }
  }
}
