package io.vela4j.maven;

import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.DispatchRequest;
import io.vela4j.dispatch.Dispatcher;
import io.vela4j.dispatch.Dispatchers;
import io.vela4j.dispatch.RenderedDispatch;
import io.vela4j.model.ApplicationValidator;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.ParseResult;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.SourceMap;
import io.vela4j.model.VelaJson;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.kube.ResourceScopes;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The Vela sources of one Maven project, read once: every YAML/JSON file under the source roots
 * parsed with positions, a registry made of the built-in catalogue, the {@code definitions} paths
 * and the definitions found among the sources (later ones win, so the project's own win), and the
 * known clusters. Reading never throws for bad input: every problem becomes a located {@link
 * Diagnostic}.
 *
 * <p>This class knows nothing of Maven, so that it is unit-tested without a Maven run; the goals
 * only log its diagnostics and write its results. What a goal checks:
 *
 * <ul>
 *   <li>{@link #validate}: the read diagnostics (YAML syntax, schema, unknown fields, definition
 *       templates that do not compile, clusters), the rules of {@link ApplicationValidator}, then a
 *       render of every application that passed them (unknown types, parameters a template rejects,
 *       patch conflicts, policies), each located in the file that is wrong.
 *   <li>{@link #render}: the read diagnostics and the renders.
 *   <li>{@link #plan}: a dispatch plan of the renders.
 * </ul>
 *
 * Immutable after {@link #read}.
 */
final class VelaProject {

  /** Code of two applications with the same name: {@code vela:render} writes one file per name. */
  static final String DUPLICATE_APPLICATION = "DUPLICATE_APPLICATION";

  /**
   * What to read.
   *
   * @param sources files or directories of Applications and definitions (searched for {@code
   *     *.yaml}, {@code *.yml}, {@code *.json} and {@code *.cue}); missing ones are skipped
   * @param definitions more definition files or directories, added to the built-in catalogue before
   *     the definitions of the sources
   * @param clusters the known clusters ({@code Cluster} objects), or {@code null}
   * @param clusterVersion the Kubernetes version templates see in {@code context.clusterVersion}
   */
  record Inputs(
      List<Path> sources, List<Path> definitions, @Nullable Path clusters, String clusterVersion) {
    /** Copies the lists. */
    Inputs {
      sources = List.copyOf(sources);
      definitions = List.copyOf(definitions);
      Objects.requireNonNull(clusterVersion, "clusterVersion");
    }
  }

  /**
   * One Application of the sources.
   *
   * @param file the file it was read from
   * @param document the parsed document (object, tree and source map)
   */
  record SourceApplication(Path file, ParsedDocument document) {
    Application app() {
      return document.as(Application.class);
    }

    String name() {
      return app().getMetadata().getName();
    }
  }

  /**
   * One application rendered.
   *
   * @param source where it comes from
   * @param result what it became
   */
  record Rendered(SourceApplication source, RenderResult result) {}

  /**
   * The renders that succeeded and every problem found on the way (every application is tried).
   *
   * @param rendered the applications that rendered, in source order
   * @param diagnostics errors and warnings, located
   */
  record Renders(List<Rendered> rendered, List<Diagnostic> diagnostics) {
    /** Copies the lists. */
    Renders {
      rendered = List.copyOf(rendered);
      diagnostics = List.copyOf(diagnostics);
    }

    boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * A dispatch plan and the applications it leaves out.
   *
   * @param plan the plan of every application that is dispatched
   * @param revisionOnly the names of the revision-only applications, which are never dispatched
   */
  record Planned(DispatchPlan plan, List<String> revisionOnly) {
    /** Copies the list. */
    Planned {
      revisionOnly = List.copyOf(revisionOnly);
    }
  }

  private final Inputs inputs;
  private final List<Path> files;
  private final List<SourceApplication> applications;
  private final List<ParsedDocument> rejectedApplications;
  private final List<Diagnostic> readDiagnostics;
  private final @Nullable Renderer renderer;

  private VelaProject(
      Inputs inputs,
      List<Path> files,
      List<SourceApplication> applications,
      List<ParsedDocument> rejectedApplications,
      List<Diagnostic> readDiagnostics,
      @Nullable Renderer renderer) {
    this.inputs = inputs;
    this.files = List.copyOf(files);
    this.applications = List.copyOf(applications);
    this.rejectedApplications = List.copyOf(rejectedApplications);
    this.readDiagnostics = List.copyOf(readDiagnostics);
    this.renderer = renderer;
  }

  /**
   * Reads the sources, the definitions and the clusters.
   *
   * @param inputs what to read
   * @return the project; problems are in {@link #readDiagnostics()}
   * @throws IOException when a source directory cannot be listed
   */
  static VelaProject read(Inputs inputs) throws IOException {
    List<Path> files = sourceFiles(inputs.sources());
    var diagnostics = new ArrayList<Diagnostic>();
    var applications = new ArrayList<SourceApplication>();
    var rejected = new ArrayList<ParsedDocument>();
    var registry = DefinitionRegistry.builder().catalogue();
    inputs.definitions().forEach(registry::load);
    for (Path f : files) {
      if (extension(f).equals("cue")) {
        registry.load(f); // a KubeVela `vela def` file: read, and reported, by the registry
        continue;
      }
      ParseResult r = parse(f);
      diagnostics.addAll(r.diagnostics());
      for (ParsedDocument d : r.documents()) {
        if (d.object() instanceof Application) {
          applications.add(new SourceApplication(f, d));
        }
      }
      r.rejected().stream().filter(d -> d.object() instanceof Application).forEach(rejected::add);
      if (!r.hasErrors()) {
        registry.load(f); // the definitions among the file's documents; other kinds are ignored
      }
    }
    Renderer renderer = null;
    try {
      var builder = Renderer.builder().registry(registry.build());
      List<Cluster> clusters = clusters(inputs.clusters(), diagnostics);
      if (clusters != null) {
        builder.clusters(clusters);
      }
      renderer = builder.build();
    } catch (RenderException e) {
      diagnostics.addAll(e.diagnostics());
    }
    return new VelaProject(inputs, files, applications, rejected, diagnostics, renderer);
  }

  /** The registry (catalogue, definitions, the sources' definitions), or null when it failed. */
  @Nullable DefinitionRegistry registry() {
    return renderer == null ? null : renderer.registry();
  }

  /** The files read under the source roots, sorted per root. */
  List<Path> files() {
    return files;
  }

  /** The Applications of the sources that parsed without error, in file order. */
  List<SourceApplication> applications() {
    return applications;
  }

  /** The problems found while reading sources, definitions and clusters. */
  List<Diagnostic> readDiagnostics() {
    return sorted(readDiagnostics);
  }

  /**
   * Everything {@code vela:validate} reports.
   *
   * @param validator the rules checked on each Application before it is rendered (see {@code
   *     ValidateMojo.applicationValidator})
   * @return errors and warnings, sorted by file, line and column
   */
  List<Diagnostic> validate(ApplicationValidator validator) {
    var out = new ArrayList<>(readDiagnostics);
    var reported = new HashSet<String>();
    readDiagnostics.forEach(d -> reported.add(d.source() + "|" + d.path()));
    var valid = new ArrayList<SourceApplication>();
    for (SourceApplication a : applications) {
      List<Diagnostic> found = validator.validate(a.document());
      out.addAll(found);
      if (found.stream().noneMatch(Diagnostic::isError)) {
        valid.add(a);
      }
    }
    for (ParsedDocument d : rejectedApplications) {
      // a rejected document was reported where its schema is broken: add the problems elsewhere
      validator.validate(d).stream()
          .filter(v -> !reported.contains(v.source() + "|" + v.path()))
          .forEach(out::add);
    }
    out.addAll(render(valid).diagnostics());
    return sorted(out);
  }

  /**
   * Renders every Application of the sources.
   *
   * @return the renders and the problems (read diagnostics included)
   */
  Renders render() {
    Renders r = render(applications);
    var all = new ArrayList<>(readDiagnostics);
    all.addAll(r.diagnostics());
    return new Renders(r.rendered(), sorted(all));
  }

  private Renders render(List<SourceApplication> apps) {
    if (renderer == null) {
      return new Renders(List.of(), List.of()); // the registry's problems are already reported
    }
    var out = new ArrayList<Rendered>();
    var problems = new ArrayList<Diagnostic>();
    var names = new LinkedHashMap<String, SourceApplication>();
    RenderOptions options = RenderOptions.defaults().withClusterVersion(inputs.clusterVersion());
    for (SourceApplication a : apps) {
      SourceMap map = a.document().sourceMap();
      SourceApplication first = names.putIfAbsent(a.name(), a);
      if (first != null) {
        var at = first.document().sourceMap().locate("metadata.name");
        problems.add(
            map.locate(
                Diagnostic.error(
                        DUPLICATE_APPLICATION,
                        "another application is named "
                            + a.name()
                            + " ("
                            + at.source()
                            + ":"
                            + at.line()
                            + "); vela:render writes one <name>.yaml per application",
                        "metadata.name")
                    .withFacts("a name no other application has", a.name())));
        continue;
      }
      try {
        RenderResult result = renderer.render(a.app(), options.withSourceMap(map));
        result.warnings().forEach(w -> problems.add(locate(w, map)));
        out.add(new Rendered(a, result));
      } catch (RenderException e) {
        e.diagnostics().forEach(d -> problems.add(locate(d, map)));
      }
    }
    return new Renders(out, problems);
  }

  /**
   * Plans the dispatch of renders, as {@code vela4j dispatch plan} does: one request per deploy
   * step and group of identical placements, with the default policy, merged into one plan.
   *
   * @param rendered the renders
   * @param via the dispatcher id ({@code ocm}, {@code karmada}, {@code direct}, or any other found
   *     with {@link java.util.ServiceLoader})
   * @return the plan
   * @throws DispatchException when the dispatcher is unknown or a request cannot be planned
   */
  static Planned plan(List<Rendered> rendered, String via) {
    Dispatcher dispatcher = Dispatchers.discover().get(via);
    var requests = new ArrayList<DispatchRequest>();
    var revisionOnly = new ArrayList<String>();
    for (Rendered r : rendered) {
      if (r.result().revisionOnly()) {
        revisionOnly.add(r.result().application());
        continue;
      }
      requests.addAll(
          RenderedDispatch.requests(
              r.result(), DispatchPolicy.defaults(), ResourceScopes.builtin()));
    }
    return new Planned(RenderedDispatch.plan(dispatcher, requests), revisionOnly);
  }

  /** A render problem located in the application's file when the renderer gave only a path. */
  private static Diagnostic locate(Diagnostic d, SourceMap map) {
    return d.source() == null && d.path() != null ? map.locate(d) : d;
  }

  private static @Nullable List<Cluster> clusters(
      @Nullable Path file, List<Diagnostic> diagnostics) {
    if (file == null) {
      return null;
    }
    ParseResult r = parse(file);
    diagnostics.addAll(r.diagnostics());
    return r.documents().stream()
        .map(ParsedDocument::object)
        .filter(Cluster.class::isInstance)
        .map(Cluster.class::cast)
        .toList();
  }

  private static ParseResult parse(Path f) {
    return extension(f).equals("json") ? VelaJson.reader().parse(f) : VelaYaml.reader().parse(f);
  }

  private static List<Path> sourceFiles(List<Path> roots) throws IOException {
    Set<Path> out = new LinkedHashSet<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        out.add(root);
      } else if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> Set.of("yaml", "yml", "json", "cue").contains(extension(f)))
              .sorted()
              .forEach(out::add);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
    }
    return List.copyOf(out);
  }

  private static String extension(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }

  /**
   * Without duplicates (a definition file's problem can be found by the parser and the registry),
   * sorted by file, line and column; problems without a file last, in the order found.
   */
  private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    var unique = new ArrayList<>(new LinkedHashSet<>(diagnostics));
    unique.sort(
        Comparator.comparing((Diagnostic d) -> d.source() == null)
            .thenComparing(d -> d.source() == null ? "" : d.source())
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column));
    return List.copyOf(unique);
  }
}
