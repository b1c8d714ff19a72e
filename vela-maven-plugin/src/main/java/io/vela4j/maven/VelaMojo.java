package io.vela4j.maven;

import io.vela4j.model.Diagnostic;
import io.vela4j.render.RenderOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * The parameters every goal shares (where the sources, definitions and clusters are) and how
 * problems are reported: one {@code file:line:column: path: message} line per problem, then the
 * build fails when any is an error.
 */
abstract class VelaMojo extends AbstractMojo {

  /**
   * Files or directories of Applications and definitions (YAML, JSON, or KubeVela {@code .cue}
   * definition files), searched recursively. Definitions found here are added to the registry after
   * the built-in catalogue and {@code definitions}, so they win. When none exists the goal does
   * nothing, so the plugin can be declared in a parent POM.
   */
  @Parameter(property = "vela.sources", defaultValue = "${project.basedir}/src/main/vela")
  @Nullable List<File> sources;

  /**
   * More definitions (files or directories, YAML or {@code .cue}) for the registry, as {@code
   * vela4j dry-run -d} adds them to the built-in catalogue, which is always there.
   */
  @Parameter(property = "vela.definitions")
  @Nullable List<File> definitions;

  /**
   * The known clusters: a file of {@code cluster.core.oam.dev} Cluster objects, which topology
   * policies select among. Without it, named clusters are accepted unchecked and label selectors
   * are errors.
   */
  @Parameter(property = "vela.clusters")
  @Nullable File clusters;

  /** The Kubernetes version templates see in {@code context.clusterVersion}. */
  @Parameter(property = "vela.clusterVersion", defaultValue = RenderOptions.DEFAULT_CLUSTER_VERSION)
  String clusterVersion = RenderOptions.DEFAULT_CLUSTER_VERSION;

  /** Skips the goal. */
  @Parameter(property = "vela.skip", defaultValue = "false")
  boolean skip;

  /** What relative paths are relative to, whatever directory Maven runs in. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  @Nullable File basedir;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipped (vela.skip)");
      return;
    }
    List<Path> roots = paths(sources);
    if (roots.stream().noneMatch(p -> p.toFile().exists())) {
      getLog().info("No Vela sources in " + roots + ": nothing to do");
      return;
    }
    VelaProject project;
    try {
      project =
          VelaProject.read(
              new VelaProject.Inputs(
                  roots,
                  paths(definitions),
                  clusters == null ? null : absolute(clusters),
                  clusterVersion));
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the Vela sources: " + e.getMessage(), e);
    }
    execute(project);
  }

  /**
   * What the goal does with the sources read.
   *
   * @param project the sources, definitions and clusters
   * @throws MojoExecutionException when a file cannot be written
   * @throws MojoFailureException when the sources have errors
   */
  abstract void execute(VelaProject project) throws MojoExecutionException, MojoFailureException;

  /**
   * Logs every diagnostic, then fails when any is an error (or a warning, when asked to).
   *
   * @param diagnostics the problems, sorted
   * @param failOnWarning whether warnings fail the build too
   * @param what what was checked, for the failure message
   * @throws MojoFailureException when the build must fail
   */
  final void report(List<Diagnostic> diagnostics, boolean failOnWarning, String what)
      throws MojoFailureException {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings =
        diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count();
    diagnostics.forEach(d -> DiagnosticLines.log(getLog(), d));
    if (errors > 0 || (failOnWarning && warnings > 0)) {
      throw new MojoFailureException(
          what
              + ": "
              + count(errors, "error")
              + ", "
              + count(warnings, "warning")
              + (errors == 0 ? " (failOnWarning is set)" : "")
              + "; each is listed above as file:line:column: path: message");
    }
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private List<Path> paths(@Nullable List<File> files) {
    var out = new ArrayList<Path>();
    if (files != null) {
      files.forEach(f -> out.add(absolute(f)));
    }
    return out;
  }

  /** A path as given when absolute, else relative to the project's directory. */
  private Path absolute(File f) {
    return f.isAbsolute() || basedir == null ? f.toPath() : basedir.toPath().resolve(f.toPath());
  }
}
