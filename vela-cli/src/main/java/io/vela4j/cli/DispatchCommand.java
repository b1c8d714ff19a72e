package io.vela4j.cli;

import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchRequest;
import io.vela4j.dispatch.Dispatchers;
import io.vela4j.dispatch.files.ManifestFiles;
import io.vela4j.dispatch.files.PlacementFile;
import io.vela4j.dispatch.files.PlanWriter;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
   * Reads the manifests and placement files and builds the request (shared with {@code apply}).
   *
   * @param manifests the manifests file, or {@code -} for standard input
   * @param placement the placement file
   * @param stdin standard input
   * @return the request
   * @throws IOException when a file cannot be read
   * @throws DispatchException when a file is invalid
   */
  static DispatchRequest readRequest(Path manifests, Path placement, InputStream stdin)
      throws IOException {
    String placementText = Files.readString(placement, StandardCharsets.UTF_8);
    PlacementFile pf = PlacementFile.parse(placementText, placement.toString());
    String manifestText =
        manifests.toString().equals("-")
            ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(manifests, StandardCharsets.UTF_8);
    String name = manifests.toString().equals("-") ? "<stdin>" : manifests.toString();
    var objects = ManifestFiles.read(manifestText, name, pf.namespace(), ResourceScopes.builtin());
    return pf.request(objects, ResourceScopes.builtin());
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
        "Plan the delivery of manifests to the clusters of a placement, offline.",
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
        var dispatcher = Dispatchers.discover().get(inputs.via);
        DispatchRequest request = readRequest(inputs.manifests, inputs.placement, System.in);
        plan = dispatcher.plan(request);
      } catch (DispatchException e) {
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
        Files.createDirectories(output);
        Map<String, String> files = PlanWriter.files(plan);
        removeStale(output, files.keySet(), err);
        for (var e : files.entrySet()) {
          Files.writeString(output.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
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

    /** Deletes plan files of an earlier run (our naming only) that this plan no longer has. */
    private static void removeStale(Path dir, java.util.Set<String> keep, PrintWriter err)
        throws IOException {
      List<Path> stale = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(
                p -> {
                  String n = p.getFileName().toString();
                  return (n.equals("control-plane.yaml")
                          || (n.startsWith("cluster-") && n.endsWith(".yaml")))
                      && !keep.contains(n);
                })
            .sorted()
            .forEach(stale::add);
      }
      for (Path p : stale) {
        Files.delete(p);
        err.println("removed stale " + p);
      }
      err.flush();
    }
  }
}
