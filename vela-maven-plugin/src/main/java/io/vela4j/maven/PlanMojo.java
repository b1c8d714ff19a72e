package io.vela4j.maven;

import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.files.PlanWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code vela:plan} (no default phase: bind it, or run {@code mvn vela:plan -Dvela.via=ocm}):
 * renders every Application under {@code sources}, places it by its own policies and writes the
 * dispatch plan to {@code planDirectory}, one YAML file per target ({@code control-plane.yaml},
 * {@code cluster-<name>.yaml}), exactly as {@code vela4j dispatch plan --via <via> -o <dir>} does;
 * plan files of an earlier run that this plan no longer has are deleted. Revision-only applications
 * are never dispatched (a message says so).
 */
@Mojo(name = "plan", threadSafe = true)
public final class PlanMojo extends VelaMojo {

  /** The dispatcher: {@code ocm}, {@code karmada}, {@code direct}. */
  @Parameter(property = "vela.via", defaultValue = "direct")
  String via = "direct";

  /** Where the plan files go. */
  @Parameter(
      property = "vela.planDirectory",
      defaultValue = "${project.build.directory}/vela/dispatch")
  @Nullable File planDirectory;

  /** Creates the goal (Maven does). */
  public PlanMojo() {}

  @Override
  void execute(VelaProject sources) throws MojoExecutionException, MojoFailureException {
    VelaProject.Renders renders = sources.render();
    report(renders.diagnostics(), false, "Vela applications do not render");
    VelaProject.Planned planned;
    try {
      planned = VelaProject.plan(renders.rendered(), via);
    } catch (DispatchException e) {
      report(e.diagnostics(), false, "The dispatch cannot be planned");
      throw new MojoFailureException("The dispatch cannot be planned", e);
    }
    for (String app : planned.revisionOnly()) {
      getLog()
          .info(
              "Application "
                  + app
                  + " is revision-only (app.oam.dev/revision-only): nothing to dispatch");
    }
    planned.plan().diagnostics().forEach(d -> DiagnosticLines.log(getLog(), d));
    if (planDirectory == null) {
      throw new IllegalStateException("planDirectory is not set");
    }
    Path dir = planDirectory.toPath();
    try {
      for (Path stale : PlanWriter.write(planned.plan(), dir)) {
        getLog().info("Deleted stale " + stale);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write " + dir + ": " + e.getMessage(), e);
    }
    for (String line : PlanWriter.summaryTable(planned.plan()).split("\n")) {
      getLog().info(line);
    }
    getLog().info("Plan " + planned.plan().contentHash() + " (" + via + ") written to " + dir);
  }
}
