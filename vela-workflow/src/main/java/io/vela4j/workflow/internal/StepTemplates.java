package io.vela4j.workflow.internal;

import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueProgram;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.workflow.WorkflowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a step type's implementation comes from, and its compiled template. Thread-safe: templates
 * are compiled once, on first use.
 *
 * <p>Types resolve as KubeVela resolves them: {@code suspend} and {@code step-group} are the
 * engine's own; otherwise a WorkflowStepDefinition of the registry; otherwise Vela4J's built-ins:
 * {@code deploy}, {@code apply-component}, {@code notification} and {@code webhook} in Java, {@code
 * apply-object}, {@code read-object} and {@code print-message-in-status} as CUE templates written
 * for Vela4J ({@code io/vela4j/workflow/steps/}).
 */
public final class StepTemplates {

  /** How a step type is run. */
  public enum Kind {
    /** {@code suspend}, {@code step-group}: the scheduler itself. */
    ENGINE,
    /** A WorkflowStepDefinition's CUE template. */
    DEFINITION,
    /** A built-in written in Java. */
    JAVA,
    /** A built-in CUE template. */
    BUILTIN_CUE,
    /** Unknown. */
    UNKNOWN
  }

  static final Set<String> ENGINE_TYPES = Set.of("suspend", "step-group");
  static final Set<String> JAVA_TYPES =
      Set.of("deploy", "apply-component", "notification", "webhook");
  static final Set<String> CUE_TYPES =
      Set.of("apply-object", "read-object", "print-message-in-status");

  /** Compiled once per JVM: the built-in CUE steps. */
  private static final ConcurrentHashMap<String, CompiledStep> BUILTINS = new ConcurrentHashMap<>();

  private final DefinitionRegistry registry;
  private final ConcurrentHashMap<Definition, CompiledStep> compiled = new ConcurrentHashMap<>();

  /**
   * Templates of a registry.
   *
   * @param registry the registry whose WorkflowStepDefinitions steps may name
   */
  public StepTemplates(DefinitionRegistry registry) {
    this.registry = registry;
  }

  /**
   * How a type is run.
   *
   * @param type a step type
   * @return its kind
   */
  public Kind kind(String type) {
    if (ENGINE_TYPES.contains(type)) {
      return Kind.ENGINE;
    }
    if (registry.find(Definition.Kind.WORKFLOW_STEP, type).isPresent()) {
      return Kind.DEFINITION;
    }
    if (JAVA_TYPES.contains(type)) {
      return Kind.JAVA;
    }
    if (CUE_TYPES.contains(type)) {
      return Kind.BUILTIN_CUE;
    }
    return Kind.UNKNOWN;
  }

  /**
   * The compiled template of a CUE step type.
   *
   * @param type a type of kind {@link Kind#DEFINITION} or {@link Kind#BUILTIN_CUE}
   * @return the template
   * @throws WorkflowException when it does not compile or imports an unknown package
   */
  public CompiledStep template(String type) {
    Optional<Definition> d = registry.find(Definition.Kind.WORKFLOW_STEP, type);
    if (d.isPresent()) {
      return compiled.computeIfAbsent(d.get(), StepTemplates::compile);
    }
    return BUILTINS.computeIfAbsent(type, StepTemplates::builtin);
  }

  private static CompiledStep compile(Definition d) {
    String text = d.cueTemplate();
    String source = d.location().source() != null ? d.location().source() : d.display();
    if (text == null) {
      throw new WorkflowException(
          io.vela4j.model.Diagnostic.error(
                  WorkflowException.TEMPLATE_ERROR,
                  d.display() + " has no CUE template (schematic.cue.template)",
                  null)
              .withSource(source)
              .at(d.location().line(), d.location().column()));
    }
    return compile(text, source, d.display());
  }

  private static CompiledStep builtin(String type) {
    String res = "/io/vela4j/workflow/steps/" + type + ".cue";
    try (InputStream in = StepTemplates.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + res);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return compile(text, "builtin:" + type + ".cue", "WorkflowStepDefinition/" + type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles a step template with KubeVela's packages and the context/parameter declarations. */
  static CompiledStep compile(String template, String source, String what) {
    String prepared = Packages.prepare(template, source, what) + "\ncontext: _\nparameter: _\n";
    try {
      CueProgram program = CueCompiler.create().compile(source, prepared);
      return new CompiledStep(what, source, prepared, program);
    } catch (CueException e) {
      throw new WorkflowException(
          CueDiagnostics.of(
              e, WorkflowException.TEMPLATE_ERROR, what + ": the template does not compile", null));
    }
  }

  /**
   * A compiled step template.
   *
   * @param what the definition ({@code WorkflowStepDefinition/x})
   * @param source the file its positions refer to
   * @param text the text compiled
   * @param program the program
   */
  public record CompiledStep(String what, String source, String text, CueProgram program) {}
}
