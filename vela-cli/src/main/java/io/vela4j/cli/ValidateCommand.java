package io.vela4j.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.ApplicationValidator;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.KnownTypes;
import io.vela4j.model.ParseResult;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.ReadOptions;
import io.vela4j.model.VelaJson;
import io.vela4j.model.VelaYaml;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.ParameterSchema;
import io.vela4j.render.RenderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vela4j validate [--strict] [--definitions PATH]... FILE|DIR...}: prints {@code
 * file:line:column: severity: path: message} per diagnostic; exits 0 when valid, 1 on any error, 2
 * on usage errors. Component, trait and policy properties are checked against the parameter schemas
 * of the built-in catalogue and {@code --definitions} (as {@code dry-run} builds its registry).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate KubeVela objects in YAML or JSON files and directories.",
      "Directories are searched for *.yaml, *.yml and *.json.",
      "Component, trait and policy properties are checked against the parameter schemas of",
      "the built-in catalogue and of --definitions.",
      "Exit status: 0 valid, 1 errors found, 2 usage error."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--strict", description = "Report unknown fields as errors, not warnings.")
  boolean strict;

  @Option(
      names = {"-d", "--definitions"},
      paramLabel = "PATH",
      description =
          "Definitions (files or directories, YAML or vela def .cue); enables the unknown-type"
              + " check: component, trait, policy and step types must name one of these or of the"
              + " built-in catalogue. Their parameter schemas are used with the catalogue's.")
  List<Path> definitions = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "Print errors only, no warnings or summary.")
  boolean quiet;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files or directories.")
  List<Path> paths = new ArrayList<>();

  /**
   * Prints each diagnostic (warnings unless quiet) and counts it in {@code tally}: errors,
   * warnings.
   */
  private void report(List<Diagnostic> diagnostics, PrintWriter out, int[] tally) {
    for (Diagnostic d : diagnostics) {
      tally[d.isError() ? 0 : 1]++;
      if (d.isError() || !quiet) {
        out.println(d.format());
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var options = ReadOptions.DEFAULTS.withStrict(strict);
    List<Path> files = expand(paths, err);
    if (files == null) {
      return 2;
    }
    var validator = ApplicationValidator.create();
    List<HasMetadata> defs = new ArrayList<>();
    if (!definitions.isEmpty()) {
      List<Path> defFiles = expand(definitions, err);
      if (defFiles == null) {
        return 2;
      }
      for (Path f : defFiles) {
        parse(f, options).documents().forEach(d -> defs.add(d.object()));
      }
    }
    int[] tally = new int[2]; // errors, warnings
    int objects = 0;
    DefinitionRegistry registry;
    try {
      registry = DefCommand.registry(definitions);
      validator = validator.withPropertySchemas(ParameterSchema.lookup(registry));
    } catch (RenderException e) {
      // definitions that do not load: reported, and properties are not checked against schemas
      registry = DefinitionRegistry.catalogue();
      report(e.diagnostics(), out, tally);
    }
    if (!definitions.isEmpty()) {
      // the types the renderer would find: the catalogue's and those of --definitions
      validator = validator.withKnownTypes(KnownTypes.from(defs).plus(knownTypes(registry)));
    }
    for (Path f : files) {
      ParseResult r = parse(f, options);
      List<Diagnostic> all = new ArrayList<>(r.diagnostics());
      for (ParsedDocument d : r.documents()) {
        objects++;
        all.addAll(validator.validate(d));
      }
      for (ParsedDocument d : r.rejected()) {
        objects++;
        // a rejected document was already reported where its schema is broken: add only the
        // problems found elsewhere
        var reported =
            r.diagnostics().stream()
                .map(Diagnostic::path)
                .collect(java.util.stream.Collectors.toSet());
        validator.validate(d).stream().filter(v -> !reported.contains(v.path())).forEach(all::add);
      }
      all.sort(
          java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
      report(all, out, tally);
    }
    int errors = tally[0];
    int warnings = tally[1];
    if (!quiet) {
      err.printf(
          "%d file%s, %d object%s: %d error%s, %d warning%s%n",
          files.size(),
          files.size() == 1 ? "" : "s",
          objects,
          objects == 1 ? "" : "s",
          errors,
          errors == 1 ? "" : "s",
          warnings,
          warnings == 1 ? "" : "s");
    }
    out.flush();
    return errors > 0 ? 1 : 0;
  }

  private static ParseResult parse(Path f, ReadOptions options) {
    return f.toString().endsWith(".json")
        ? VelaJson.reader(options).parse(f)
        : VelaYaml.reader(options).parse(f);
  }

  /** Files to read, in a stable order; {@code null} (after a message) when a path is missing. */
  static @Nullable List<Path> expand(List<Path> paths, PrintWriter err) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                  })
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        err.println("vela4j: no such file or directory: " + p);
        return null;
      }
    }
    return files;
  }

  /** The names of a registry's definitions (a WorkloadDefinition names a component type). */
  static KnownTypes knownTypes(DefinitionRegistry registry) {
    java.util.Map<Definition.Kind, java.util.Set<String>> names =
        new java.util.EnumMap<>(Definition.Kind.class);
    for (Definition.Kind k : Definition.Kind.values()) {
      names.put(k, new java.util.LinkedHashSet<>());
    }
    for (Definition d : registry.definitions()) {
      names
          .get(d.kind() == Definition.Kind.WORKLOAD ? Definition.Kind.COMPONENT : d.kind())
          .add(d.name());
    }
    return new KnownTypes(
        names.get(Definition.Kind.COMPONENT),
        names.get(Definition.Kind.TRAIT),
        names.get(Definition.Kind.POLICY),
        names.get(Definition.Kind.WORKFLOW_STEP));
  }
}
