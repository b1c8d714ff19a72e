package io.vela4j.cli;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.ParsedDocument;
import io.vela4j.model.oam.AppDeployment;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationRevision;
import io.vela4j.render.DryRunWriter;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vela4j dry-run -f FILE... [-d DEFS]... [--revisions DIR] [--clusters FILE]}: renders
 * Applications, ApplicationRevisions and AppDeployments as {@code vela dry-run} does and prints the
 * manifests as multi-document YAML with sorted keys.
 */
@Command(
    name = "dry-run",
    mixinStandardHelpOptions = true,
    description = {
      "Render Applications, ApplicationRevisions and AppDeployments into Kubernetes manifests,",
      "offline, as 'vela dry-run' does. Each document is preceded by a comment naming the",
      "application, the component (and the cluster when a deploy step places it); trait objects",
      "also by '## From the trait <type>'. The built-in catalogue is always available; -d adds",
      "or overrides definitions. Exit status: 0 rendered, 1 invalid input, 2 usage error."
    })
final class DryRunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RenderInputs inputs = new RenderInputs();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<RenderResult> results = render(inputs, err, false);
      for (RenderResult r : results) {
        out.print(DryRunWriter.write(r)); // the text vela:render writes too
      }
      out.flush();
      return 0;
    } catch (RenderException e) {
      DispatchCommand.print(e.diagnostics(), err);
      return 1;
    } catch (IOException e) {
      err.println("error: cannot read " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  /**
   * Renders every Application, ApplicationRevision and AppDeployment of the inputs; other kinds are
   * reported as warnings and skipped.
   */
  static List<RenderResult> render(RenderInputs inputs, PrintWriter err, boolean strict)
      throws IOException {
    List<ParsedDocument> docs = inputs.documents(System.in);
    Renderer renderer = inputs.renderer(inputs.registry());
    List<ApplicationRevision> revisions = inputs.revisions(docs);
    var results = new ArrayList<RenderResult>();
    var problems = new ArrayList<Diagnostic>();
    for (ParsedDocument d : docs) {
      try {
        if (d.object() instanceof Application app) {
          results.add(renderer.render(app, inputs.options().withSourceMap(d.sourceMap())));
        } else if (d.object() instanceof ApplicationRevision rev) {
          results.add(renderer.render(rev, inputs.options()));
        } else if (d.object() instanceof AppDeployment ad) {
          results.add(
              renderer.render(ad, revisions, inputs.options().withSourceMap(d.sourceMap())));
        } else {
          var loc = d.sourceMap().locate("");
          Diagnostic notRendered =
              new Diagnostic(
                  strict ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                  "NOT_RENDERED",
                  d.object().getKind()
                      + " "
                      + d.object().getMetadata().getName()
                      + " is not rendered"
                      + (strict ? ": plain manifests need --placement" : ""),
                  loc.source(),
                  loc.line(),
                  loc.column(),
                  null,
                  "an Application, ApplicationRevision or AppDeployment",
                  d.object().getKind());
          if (strict) {
            problems.add(notRendered);
          } else {
            err.println(notRendered.format());
          }
        }
      } catch (RenderException e) {
        for (Diagnostic x : e.diagnostics()) {
          problems.add(x.source() == null && x.path() != null ? d.sourceMap().locate(x) : x);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    for (RenderResult r : results) {
      DispatchCommand.print(r.warnings(), err);
    }
    return results;
  }
}
