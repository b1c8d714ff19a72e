package io.vela4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.LocatedTree;
import io.vela4j.model.TreeResult;
import io.vela4j.model.VelaYaml;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.ParameterSchema;
import io.vela4j.render.RenderException;
import io.vela4j.render.spi.TemplateContext;
import io.vela4j.render.spi.TemplateResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vela4j def}: the definitions a render can use. */
@Command(
    name = "def",
    mixinStandardHelpOptions = true,
    description =
        "List definitions, render one with parameters, or print the schema of its parameters.",
    subcommands = {DefCommand.ListDefs.class, DefCommand.Render.class, DefCommand.Schema.class})
final class DefCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand (list, render, schema)");
  }

  /**
   * The definition named {@code name} (of {@code kind} when given, else the first kind that has the
   * name, in {@link Definition.Kind} order) in the catalogue plus {@code definitions}; {@code null}
   * after printing why when there is none. An unknown kind is a usage error.
   */
  static @Nullable Definition find(
      CommandSpec spec, DefinitionRegistry r, String name, @Nullable String kind, PrintWriter err) {
    if (kind != null
        && java.util.Arrays.stream(Definition.Kind.values())
            .noneMatch(k -> k.label().equals(kind))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "unknown --kind '" + kind + "' (expected component, trait, policy or workflow-step)");
    }
    for (Definition.Kind k : Definition.Kind.values()) {
      if (kind == null || k.label().equals(kind)) {
        var found = r.find(k, name);
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    err.println(
        "error: no definition named '" + name + "'" + (kind == null ? "" : " of kind " + kind));
    err.flush();
    return null;
  }

  static DefinitionRegistry registry(List<Path> definitions) {
    var b = DefinitionRegistry.builder().catalogue();
    definitions.forEach(b::load);
    return b.build();
  }

  /** {@code vela4j def list [-d DEFS]...}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the definitions of the catalogue (and of -d): kind, name, description.")
  static final class ListDefs implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-d", "--definitions"},
        paramLabel = "PATH",
        description = "More definitions.")
    List<Path> definitions = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        DefinitionRegistry r = registry(definitions);
        for (Definition.Kind k : Definition.Kind.values()) {
          for (Definition d : r.definitions()) {
            if (d.kind() == k && r.find(k, d.name()).orElse(null) == d) {
              out.printf("%-14s %-26s %s%n", k.label(), d.name(), d.description());
            }
          }
        }
        out.flush();
        return 0;
      } catch (RenderException e) {
        DispatchCommand.print(e.diagnostics(), spec.commandLine().getErr());
        return 1;
      }
    }
  }

  /** {@code vela4j def render NAME [-p params.yaml] [-d DEFS]...}. */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = {
        "Evaluate one definition's template with parameters and print what it produces: a",
        "component's output and outputs, a trait's outputs and patch (over --workload when given).",
        "The context is that of a component named --name in application --app."
      })
  static final class Render implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The definition (type) to render.")
    String name = "";

    @Option(
        names = {"-p", "--parameters"},
        paramLabel = "FILE",
        description = "Parameters (YAML or JSON).")
    @Nullable Path parameters;

    @Option(
        names = {"-d", "--definitions"},
        paramLabel = "PATH",
        description = "More definitions.")
    List<Path> definitions = new ArrayList<>();

    @Option(
        names = "--kind",
        paramLabel = "component|trait|policy|workflow-step",
        description =
            "Which kind, when several have the name (default: the first found in that order).")
    @Nullable String kind;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "context.name (default: the definition's name).")
    @Nullable String componentName;

    @Option(
        names = "--app",
        paramLabel = "APP",
        defaultValue = "app",
        description = "context.appName (default: ${DEFAULT-VALUE}).")
    String app = "app";

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NS",
        defaultValue = "default",
        description = "context.namespace (default: ${DEFAULT-VALUE}).")
    String namespace = "default";

    @Option(
        names = "--workload",
        paramLabel = "FILE",
        description = "For traits: the workload to patch (context.output).")
    @Nullable Path workload;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        DefinitionRegistry r = registry(definitions);
        Definition def = find(spec, r, name, kind, err);
        if (def == null) {
          return 1;
        }
        JsonNode params =
            parameters == null ? JsonNodeFactory.instance.objectNode() : read(parameters);
        String comp = componentName == null ? def.name() : componentName;
        ObjectNode context = TemplateContext.forComponent(comp, app, namespace).json();
        if (def.kind() == Definition.Kind.TRAIT) {
          context.set(
              "output", workload == null ? JsonNodeFactory.instance.objectNode() : read(workload));
          context.put("componentType", "");
        }
        var template = r.template(def);
        if (template.isEmpty()) {
          err.println("error: " + def.display() + " has no template Vela4J can render");
          err.flush();
          return 1;
        }
        TemplateResult result = template.get().evaluate(params, context);
        if (!result.errors().isEmpty()) {
          String what = def.display();
          result.errors().forEach(e -> err.println("error: " + what + ": " + e));
          err.flush();
          return 1;
        }
        var docs = new ArrayList<String>();
        if (result.output() != null) {
          docs.add("# output\n" + VelaYaml.write(result.output()));
        }
        result.outputs().forEach((k, v) -> docs.add("# outputs." + k + "\n" + VelaYaml.write(v)));
        if (result.patch() != null) {
          docs.add(
              "# patch ("
                  + result.patch().strategy().name().toLowerCase(java.util.Locale.ROOT)
                  + ")\n"
                  + VelaYaml.write(result.patch().value()));
        }
        result
            .patchOutputs()
            .forEach((k, v) -> docs.add("# patchOutputs." + k + "\n" + VelaYaml.write(v.value())));
        if (docs.isEmpty()) {
          err.println(
              def.display() + ": the parameters are valid; the template produces no objects");
        }
        out.print(String.join("---\n", docs));
        out.flush();
        err.flush();
        return 0;
      } catch (RenderException e) {
        DispatchCommand.print(e.diagnostics(), err);
        return 1;
      }
    }

    private static JsonNode read(Path file) throws IOException {
      TreeResult t = VelaYaml.reader().readTrees(file);
      List<Diagnostic> errors = t.diagnostics().stream().filter(Diagnostic::isError).toList();
      if (!errors.isEmpty()) {
        throw new RenderException(errors);
      }
      List<LocatedTree> trees = t.trees();
      return trees.isEmpty() ? JsonNodeFactory.instance.objectNode() : trees.get(0).root();
    }
  }

  /** {@code vela4j def schema NAME [--kind KIND] [-d DEFS]...}. */
  @Command(
      name = "schema",
      mixinStandardHelpOptions = true,
      description = {
        "Print the JSON Schema (draft 2020-12) of one definition's parameters, as KubeVela",
        "generates it for UIs: +usage comments as descriptions, property names as titles.",
        "Definitions without a CUE template or kube parameters print the empty schema."
      })
  static final class Schema implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The definition (type).")
    String name = "";

    @Option(
        names = {"-d", "--definitions"},
        paramLabel = "PATH",
        description = "More definitions.")
    List<Path> definitions = new ArrayList<>();

    @Option(
        names = "--kind",
        paramLabel = "component|trait|policy|workflow-step",
        description =
            "Which kind, when several have the name (default: the first found in that order).")
    @Nullable String kind;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        DefinitionRegistry r = registry(definitions);
        Definition def = find(spec, r, name, kind, err);
        if (def == null) {
          return 1;
        }
        out.print(ParameterSchema.of(def).toJson());
        out.flush();
        return 0;
      } catch (RenderException e) {
        DispatchCommand.print(e.diagnostics(), err);
        return 1;
      }
    }
  }
}
