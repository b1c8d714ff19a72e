package io.vela4j.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.ParseResult;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaJson;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.ApplicationRevision;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.Renderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The inputs every rendering command shares ({@code dry-run}, {@code revision}, {@code def render},
 * {@code dispatch plan|apply}): files of objects, definitions, earlier revisions, the known
 * clusters and the cluster version templates see.
 */
final class RenderInputs {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description =
          "YAML or JSON files (or directories of them) of Applications, ApplicationRevisions or"
              + " AppDeployments ('-' for standard input).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = {"-d", "--definitions"},
      paramLabel = "PATH",
      description =
          "Definitions (YAML/JSON definition objects or KubeVela .cue definition files, or"
              + " directories of them) added to the built-in catalogue; they win over it.")
  List<Path> definitions = new ArrayList<>();

  @Option(
      names = "--revisions",
      paramLabel = "DIR",
      description = "A directory of ApplicationRevision files (*.yaml, *.yml, *.json).")
  @Nullable Path revisions;

  @Option(
      names = "--clusters",
      paramLabel = "FILE",
      description = "The known clusters (cluster.core.oam.dev Cluster objects).")
  @Nullable Path clusters;

  @Option(
      names = "--cluster-version",
      paramLabel = "VERSION",
      defaultValue = RenderOptions.DEFAULT_CLUSTER_VERSION,
      description =
          "Kubernetes version templates see in context.clusterVersion (default ${DEFAULT-VALUE}).")
  String clusterVersion = RenderOptions.DEFAULT_CLUSTER_VERSION;

  /** Parsed documents of the {@code -f} files, in file order. */
  List<ParsedDocument> documents(InputStream stdin) throws IOException {
    var out = new ArrayList<ParsedDocument>();
    var errors = new ArrayList<Diagnostic>();
    var expanded = new ArrayList<Path>();
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        List<Path> inside =
            ValidateCommand.expand(
                List.of(f), new java.io.PrintWriter(java.io.Writer.nullWriter()));
        expanded.addAll(inside == null ? List.of() : inside);
      } else {
        expanded.add(f);
      }
    }
    for (Path f : expanded) {
      ParseResult r = parse(f, stdin);
      r.diagnostics().stream().filter(Diagnostic::isError).forEach(errors::add);
      out.addAll(r.documents());
    }
    if (!errors.isEmpty()) {
      throw new RenderException(errors);
    }
    return out;
  }

  static ParseResult parse(Path f, InputStream stdin) throws IOException {
    if (f.toString().equals("-")) {
      String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      return VelaYaml.reader().parse("<stdin>", text);
    }
    if (!Files.isRegularFile(f)) {
      throw new IOException(f + " (no such file)");
    }
    return f.toString().endsWith(".json") ? VelaJson.reader().parse(f) : VelaYaml.reader().parse(f);
  }

  DefinitionRegistry registry() {
    var b = DefinitionRegistry.builder().catalogue();
    definitions.forEach(b::load);
    return b.build();
  }

  Renderer renderer(DefinitionRegistry registry) throws IOException {
    var b = Renderer.builder().registry(registry);
    List<Cluster> known = knownClusters();
    if (known != null) {
      b.clusters(known);
    }
    return b.build();
  }

  @Nullable List<Cluster> knownClusters() throws IOException {
    if (clusters == null) {
      return null;
    }
    return objects(List.of(clusters), Cluster.class);
  }

  /** The revisions of {@code --revisions} and of the {@code -f} documents. */
  List<ApplicationRevision> revisions(List<ParsedDocument> documents) throws IOException {
    var out = new ArrayList<ApplicationRevision>();
    if (revisions != null && Files.isDirectory(revisions)) {
      List<Path> files =
          ValidateCommand.expand(
              List.of(revisions), new java.io.PrintWriter(java.io.Writer.nullWriter()));
      out.addAll(objects(files == null ? List.of() : files, ApplicationRevision.class));
    }
    for (ParsedDocument d : documents) {
      if (d.object() instanceof ApplicationRevision r) {
        out.add(r);
      }
    }
    return out;
  }

  RenderOptions options() {
    return RenderOptions.defaults().withClusterVersion(clusterVersion);
  }

  private static <T extends HasMetadata> List<T> objects(List<Path> files, Class<T> type)
      throws IOException {
    var out = new ArrayList<T>();
    var errors = new ArrayList<Diagnostic>();
    for (Path f : files) {
      ParseResult r = parse(f, InputStream.nullInputStream());
      r.diagnostics().stream().filter(Diagnostic::isError).forEach(errors::add);
      for (ParsedDocument d : r.documents()) {
        if (type.isInstance(d.object())) {
          out.add(type.cast(d.object()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RenderException(errors);
    }
    return out;
  }
}
