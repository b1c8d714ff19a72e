package io.vela4j.maven;

import io.vela4j.render.DryRunWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.jspecify.annotations.Nullable;

/**
 * {@code vela:render} (phase {@code generate-resources}): renders each Application under {@code
 * sources} to {@code <outputDirectory>/<application>.yaml}, exactly the text {@code vela4j dry-run}
 * prints for it (one document per object, each after a {@code # Application(app) -- Component(c)}
 * comment, sorted keys). Files of an earlier run whose application is gone are deleted. Nothing is
 * attached to the project unless {@code attach} is set. Problems are reported as {@code
 * vela:validate} reports them and fail the build.
 */
@Mojo(name = "render", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class RenderMojo extends VelaMojo {

  /** Where the rendered files go. */
  @Parameter(property = "vela.outputDirectory", defaultValue = "${project.build.directory}/vela")
  @Nullable File outputDirectory;

  /**
   * Attaches each rendered file to the project as an artifact of type {@code yaml} and classifier
   * {@code vela-<application>}, so that {@code install} and {@code deploy} publish it.
   */
  @Parameter(property = "vela.attach", defaultValue = "false")
  boolean attach;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  @Nullable MavenProject project;

  @Inject @Nullable MavenProjectHelper projectHelper;

  /** Creates the goal (Maven does). */
  public RenderMojo() {}

  @Override
  void execute(VelaProject sources) throws MojoExecutionException, MojoFailureException {
    VelaProject.Renders renders = sources.render();
    report(renders.diagnostics(), false, "Vela applications do not render");
    Path dir = outputDirectory().toPath();
    var written = new ArrayList<Path>();
    try {
      Files.createDirectories(dir);
      var names = new HashSet<String>();
      for (VelaProject.Rendered r : renders.rendered()) {
        Path file = dir.resolve(r.result().application() + ".yaml");
        names.add(file.getFileName().toString());
        Files.writeString(file, DryRunWriter.write(r.result()), StandardCharsets.UTF_8);
        written.add(file);
        getLog()
            .info(
                "Rendered "
                    + r.result().application()
                    + " ("
                    + count(r.result().objects().size(), "object")
                    + ") to "
                    + file);
      }
      for (Path stale : stale(dir, names)) {
        Files.delete(stale);
        getLog().info("Deleted " + stale + ": its application is gone");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write " + dir + ": " + e.getMessage(), e);
    }
    if (attach) {
      for (Path file : written) {
        String name = file.getFileName().toString();
        String app = name.substring(0, name.length() - ".yaml".length());
        projectHelper().attachArtifact(project(), "yaml", "vela-" + app, file.toFile());
      }
    }
  }

  /** Files of an earlier run: {@code *.yaml} written by this goal, not written this time. */
  private static List<Path> stale(Path dir, Set<String> keep) throws IOException {
    var out = new ArrayList<Path>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (Files.isRegularFile(p) && n.endsWith(".yaml") && !keep.contains(n) && ours(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** Whether a file starts as the dry-run text does. */
  private static boolean ours(Path p) throws IOException {
    try (var in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      String second = in.readLine();
      return "---".equals(first)
          && second != null
          && second.startsWith(DryRunWriter.APPLICATION_HEADER);
    }
  }

  private File outputDirectory() {
    if (outputDirectory == null) {
      throw new IllegalStateException("outputDirectory is not set");
    }
    return outputDirectory;
  }

  private MavenProject project() {
    if (project == null) {
      throw new IllegalStateException("no Maven project");
    }
    return project;
  }

  private MavenProjectHelper projectHelper() {
    if (projectHelper == null) {
      throw new IllegalStateException("no MavenProjectHelper");
    }
    return projectHelper;
  }
}
