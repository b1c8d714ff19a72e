package io.vela4j.maven;

import io.vela4j.model.ApplicationValidator;
import io.vela4j.model.Diagnostic;
import io.vela4j.render.DefinitionRegistry;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code vela:validate} (phase {@code validate}): checks every Application and definition under
 * {@code sources} and fails the build on any error, each printed as {@code file:line:column: path:
 * message}.
 *
 * <p>What is checked, every problem at once: YAML/JSON syntax and the KubeVela schema of every
 * object (unknown fields are warnings), the definitions' templates (of {@code sources} and {@code
 * definitions}), the clusters file, the rules KubeVela enforces on an Application ({@link
 * ApplicationValidator}: unique DNS names, {@code dependsOn} without cycles, inputs produced by
 * outputs, workflow modes and timeouts), then a render of every Application that passed them with
 * the registry (unknown types, properties a template rejects, patch conflicts, policies and
 * clusters), located in the application's file or in the definition's template.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends VelaMojo {

  /** Fails the build on warnings too (unknown fields, render warnings). */
  @Parameter(property = "vela.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /** Creates the goal (Maven does). */
  public ValidateMojo() {}

  @Override
  void execute(VelaProject project) throws MojoFailureException {
    List<Diagnostic> found = project.validate(applicationValidator(project.registry()));
    report(found, failOnWarning, "Vela sources are invalid");
    getLog()
        .info(
            "Vela sources valid: "
                + count(project.files().size(), "file")
                + ", "
                + count(project.applications().size(), "application")
                + ", "
                + count(
                    found.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count(),
                    "warning"));
  }

  /**
   * The rules checked on each Application before it is rendered. This is the seam where
   * parameter-schema validation plugs in (issue 11, section 3): component, trait and policy {@code
   * properties} checked against the JSON Schema of their definition's {@code parameter}, with the
   * registry the sources are rendered with, each problem at the property's own line and column.
   * Until then: KubeVela's structural rules; properties are checked by the render that follows.
   *
   * @param registry the registry of the built-in catalogue, {@code definitions} and the sources'
   *     definitions, or {@code null} when it could not be built (its problems are reported)
   * @return the validator
   */
  static ApplicationValidator applicationValidator(@Nullable DefinitionRegistry registry) {
    return ApplicationValidator.create();
  }
}
