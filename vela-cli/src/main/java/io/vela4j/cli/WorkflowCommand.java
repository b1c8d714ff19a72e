package io.vela4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.kube.ClusterConnections;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaException;
import io.vela4j.model.oam.Application;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.NotificationRecord;
import io.vela4j.workflow.RolloutProgress;
import io.vela4j.workflow.StepStatus;
import io.vela4j.workflow.WorkflowEngine;
import io.vela4j.workflow.WorkflowListener;
import io.vela4j.workflow.WorkflowOptions;
import io.vela4j.workflow.WorkflowRun;
import io.vela4j.workflow.live.LiveProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vela4j workflow run|resume}: runs an Application's workflow (vela-workflow), offline by
 * default, and writes the run as JSON so that it can be resumed.
 */
@Command(
    name = "workflow",
    mixinStandardHelpOptions = true,
    description = {
      "Run an Application's workflow as KubeVela's workflow engine runs it: built-in steps and",
      "custom WorkflowStepDefinitions with vela/op, vela/kube, vela/builtin and vela/util",
      "actions. Offline by default: every apply is recorded in a plan per target (the hub or a",
      "managed cluster), reads are answered from --state and from what earlier steps applied."
    },
    subcommands = {WorkflowCommand.Run.class, WorkflowCommand.Resume.class})
final class WorkflowCommand implements Runnable {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: run or resume");
  }

  /** Options shared by run and resume. */
  static final class Common {
    @Option(
        names = "--state",
        paramLabel = "FILE",
        description =
            "What the clusters hold (YAML or JSON: time, clusters: {<name>: [objects]}; 'local' is"
                + " the hub). Reads, conditions and health checks see it.")
    @Nullable Path state;

    @Option(
        names = "--time",
        paramLabel = "TIME",
        description = "The time of the run, such as 2026-01-02T10:00:00Z (default: now).")
    @Nullable String time;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Where to write the run as JSON (every applied object in full).")
    @Nullable Path output;

    @Option(
        names = "--live",
        description = "Run against the clusters of --kubeconfig instead of offline.")
    boolean live;

    @Option(
        names = "--kubeconfig",
        paramLabel = "FILE",
        description = "With --live: every context is a managed cluster named after it.")
    @Nullable Path kubeconfig;

    @Option(
        names = "--hub-context",
        paramLabel = "CONTEXT",
        description = "With --live: the context of the hub (default: the current context).")
    @Nullable String hubContext;

    @Option(
        names = "--objects",
        description = "Also print every object of the plan, in full, as YAML.")
    boolean objects;

    @Option(
        names = "--strict-health",
        description =
            "Offline: components whose objects --state does not hold are unhealthy (deploy steps"
                + " wait for them), instead of assumed healthy.")
    boolean strictHealth;

    Instant time() {
      if (time == null) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
      }
      try {
        return Instant.parse(time);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--time must be a time such as 2026-01-02T10:00:00Z");
      }
    }

    @Nullable ClusterState state() throws IOException {
      if (state == null) {
        return null;
      }
      if (!Files.isRegularFile(state)) {
        throw new IOException(state + " (no such file)");
      }
      return ClusterState.of(new YAMLMapper().readTree(state.toFile()));
    }

    @Nullable ClusterConnections connections() {
      if (!live) {
        return null;
      }
      if (kubeconfig == null) {
        throw new IllegalArgumentException("--live needs --kubeconfig");
      }
      return ClusterConnections.builder()
          .kubeconfig(kubeconfig)
          .controlPlaneContext(
              kubeconfig,
              hubContext != null ? hubContext : ClusterConnections.currentContext(kubeconfig))
          .build();
    }
  }

  /** {@code vela4j workflow run -f app.yaml [-d DEFS]... [--state FILE] [-o run.json]}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Run the workflow of the Application in -f (its spec.workflow, or the one KubeVela",
        "derives). Prints a row per step as it runs (step, type, phase, duration, objects",
        "applied, target), then the plan per target. Exit status: 0 succeeded, suspended or",
        "waiting; 1 failed or invalid input; 2 usage error."
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RenderInputs inputs = new RenderInputs();

    @Mixin Common common = new Common();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ParsedDocument doc = null;
      try (ClusterConnections connections = common.connections()) {
        List<ParsedDocument> docs = inputs.documents(System.in);
        doc =
            docs.stream()
                .filter(d -> d.object() instanceof Application)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("-f holds no Application"));
        Application app = doc.as(Application.class);
        Renderer renderer = inputs.renderer(inputs.registry());
        RenderOptions ro = inputs.options().withSourceMap(doc.sourceMap());
        RenderResult rendered = renderer.render(app, ro);
        ClusterState state = common.state();
        WorkflowOptions options =
            WorkflowOptions.of(app)
                .withRenderOptions(ro)
                .withState(state == null ? ClusterState.empty() : state)
                .withTime(common.time())
                .withStrictHealth(common.strictHealth);
        Table table = new Table(out);
        WorkflowRun run = engine(renderer, connections, table).run(rendered, options);
        return finish(run, inputsJson(inputs), common, out, err, doc);
      } catch (VelaException e) {
        DispatchCommand.print(located(e.diagnostics(), doc), err);
        return 1;
      } catch (IOException e) {
        err.println("error: cannot read " + e.getMessage());
        err.flush();
        return 2;
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        err.flush();
        return 2;
      }
    }
  }

  /** {@code vela4j workflow resume run.json [--state FILE] [-o FILE]}. */
  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = {
        "Resume a run written by 'workflow run -o': steps whose timeout has passed time out,",
        "suspended steps are resumed, and the workflow goes on against --state (default: the",
        "state the run saw). The definitions and clusters are those the run recorded. Writes",
        "the run back to the file unless -o says otherwise."
      })
  static final class Resume implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "RUN",
        description = "The run, as 'workflow run -o' wrote it.")
    Path runFile;

    @Mixin Common common = new Common();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (ClusterConnections connections = common.connections()) {
        if (!Files.isRegularFile(runFile)) {
          throw new IOException(runFile + " (no such file)");
        }
        JsonNode tree = JSON.readTree(runFile.toFile());
        WorkflowRun run = WorkflowRun.fromJson(tree);
        RenderInputs inputs = inputs(tree.path("inputs"));
        Renderer renderer = inputs.renderer(inputs.registry());
        ClusterState state = common.state();
        Instant time =
            common.time == null && state != null && state.time() != null
                ? state.time()
                : common.time();
        if (state == null) {
          state = run.state();
        }
        if (state.time() == null || common.time != null) {
          state = state.withTime(time);
        }
        if (common.output == null) {
          common.output = runFile;
        }
        Table table = new Table(out);
        WorkflowRun resumed = engine(renderer, connections, table).resume(run, state);
        return finish(resumed, tree.path("inputs"), common, out, err, null);
      } catch (VelaException e) {
        DispatchCommand.print(e.diagnostics(), err);
        return 1;
      } catch (IOException e) {
        err.println("error: cannot read " + e.getMessage());
        err.flush();
        return 2;
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        err.flush();
        return 2;
      }
    }

    private static RenderInputs inputs(JsonNode json) {
      RenderInputs in = new RenderInputs();
      json.path("files").forEach(f -> in.files.add(Path.of(f.asText())));
      json.path("definitions").forEach(f -> in.definitions.add(Path.of(f.asText())));
      if (json.hasNonNull("clusters")) {
        in.clusters = Path.of(json.get("clusters").asText());
      }
      if (json.hasNonNull("revisions")) {
        in.revisions = Path.of(json.get("revisions").asText());
      }
      in.clusterVersion = json.path("clusterVersion").asText(RenderOptions.DEFAULT_CLUSTER_VERSION);
      return in;
    }
  }

  private static WorkflowEngine engine(
      Renderer renderer, @Nullable ClusterConnections connections, Table table) {
    var b = WorkflowEngine.builder().renderer(renderer).listener(table);
    if (connections != null) {
      b.provider(LiveProvider.of(connections));
    }
    table.header();
    return b.build();
  }

  private static ObjectNode inputsJson(RenderInputs inputs) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode files = o.putArray("files");
    inputs.files.forEach(f -> files.add(f.toString()));
    ArrayNode defs = o.putArray("definitions");
    inputs.definitions.forEach(f -> defs.add(f.toString()));
    if (inputs.clusters != null) {
      o.put("clusters", inputs.clusters.toString());
    }
    if (inputs.revisions != null) {
      o.put("revisions", inputs.revisions.toString());
    }
    o.put("clusterVersion", inputs.clusterVersion);
    return o;
  }

  /** Diagnostics with a field path located in the application's file. */
  private static List<io.vela4j.model.Diagnostic> located(
      List<io.vela4j.model.Diagnostic> ds, @Nullable ParsedDocument doc) {
    if (doc == null) {
      return ds;
    }
    return ds.stream()
        .map(d -> d.source() == null && d.path() != null ? doc.sourceMap().locate(d) : d)
        .toList();
  }

  private static int finish(
      WorkflowRun run,
      JsonNode inputs,
      Common common,
      PrintWriter out,
      PrintWriter err,
      @Nullable ParsedDocument doc)
      throws IOException {
    out.println();
    out.println(
        "run " + run.phase().label() + (run.message().isEmpty() ? "" : ": " + run.message()));
    for (Map.Entry<DeliveryTarget, List<ObjectNode>> e : run.plan().entrySet()) {
      out.println(
          (e.getKey() instanceof DeliveryTarget.Cluster c ? "cluster " + c.name() : "hub") + ":");
      for (ObjectNode o : e.getValue()) {
        String ns = o.path("metadata").path("namespace").asText("");
        out.println(
            "  "
                + o.path("kind").asText()
                + " "
                + (ns.isEmpty() ? "" : ns + "/")
                + o.path("metadata").path("name").asText());
      }
    }
    if (common.objects) {
      for (Map.Entry<DeliveryTarget, List<ObjectNode>> e : run.plan().entrySet()) {
        for (ObjectNode o : e.getValue()) {
          out.print("---\n# " + e.getKey().display() + "\n" + io.vela4j.model.VelaYaml.write(o));
        }
      }
    }
    for (RolloutProgress r : run.rollouts()) {
      out.println("rollout " + r.describe());
    }
    for (NotificationRecord n : run.notifications()) {
      out.println(
          "notification " + n.channel() + " to " + n.destination() + " (recorded, not sent)");
    }
    if (common.output != null) {
      ObjectNode json = run.toJson();
      json.set("inputs", inputs);
      // sorted keys: the file does not depend on the order CUE evaluates fields in
      Object sorted = JSON.convertValue(json, Object.class);
      Files.writeString(
          common.output,
          JSON.copy()
                  .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                  .writeValueAsString(sorted)
              + "\n");
      out.println("wrote " + common.output);
      if (run.phase() == WorkflowRun.Phase.SUSPENDED || run.phase() == WorkflowRun.Phase.WAITING) {
        out.println("resume with: vela4j workflow resume " + common.output);
      }
    }
    out.flush();
    if (run.phase() == WorkflowRun.Phase.FAILED) {
      run.failure().ifPresent(f -> DispatchCommand.print(located(f.diagnostics(), doc), err));
      return 1;
    }
    return 0;
  }

  /** Prints a row per step as it runs. */
  static final class Table implements WorkflowListener {
    private static final String FORMAT = "%-24s %-24s %-10s %8s %7s  %s%n";
    private final PrintWriter out;
    private final Map<String, Long> started = new HashMap<>();

    Table(PrintWriter out) {
      this.out = out;
    }

    void header() {
      out.printf(FORMAT, "STEP", "TYPE", "PHASE", "DURATION", "OBJECTS", "TARGET");
      out.flush();
    }

    @Override
    public void stepStarted(String name, String type) {
      started.put(name, System.nanoTime());
    }

    @Override
    public void stepFinished(StepStatus s) {
      long t0 = started.getOrDefault(s.name(), System.nanoTime());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      var targets = new ArrayList<String>(s.targets());
      out.printf(
          FORMAT,
          s.name(),
          s.type(),
          s.phase().label(),
          ms + "ms",
          s.applied().size(),
          targets.isEmpty() ? "-" : String.join(",", targets));
      out.flush();
    }
  }
}
