package io.vela4j.cli;

import io.vela4j.model.ParsedDocument;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationRevision;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderException;
import io.vela4j.render.Revisions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vela4j revision -f APP.yaml [-d DEFS]... --revisions DIR}: the ApplicationRevision of each
 * Application against the revisions in DIR, as KubeVela's controller decides it.
 */
@Command(
    name = "revision",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the ApplicationRevision of each Application against the revisions in --revisions.",
      "An unchanged application reuses its latest revision (or an earlier one with the same",
      "content): its name is printed. Otherwise DIR/<app>-v<N>.yaml is written and its name",
      "printed. The last line of standard output is the name alone; details go to standard",
      "error. Exit status: 0 done, 1 invalid input, 2 usage error."
    })
final class RevisionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RenderInputs inputs = new RenderInputs();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = inputs.revisions;
    if (dir == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--revisions DIR is required");
    }
    try {
      List<ParsedDocument> docs = inputs.documents(System.in);
      DefinitionRegistry registry = inputs.registry();
      List<ApplicationRevision> existing = new ArrayList<>(inputs.revisions(List.of()));
      int apps = 0;
      for (ParsedDocument d : docs) {
        if (!(d.object() instanceof Application app)) {
          continue;
        }
        apps++;
        Revisions.Decision decision = Revisions.next(app, registry, existing);
        if (decision.reused()) {
          err.println(app.getMetadata().getName() + ": unchanged, reuses " + decision.name());
        } else {
          Files.createDirectories(dir);
          Path file = dir.resolve(decision.name() + ".yaml");
          Files.writeString(file, VelaYaml.write(decision.revision()), StandardCharsets.UTF_8);
          existing.add(decision.revision());
          err.println(app.getMetadata().getName() + ": new revision written to " + file);
        }
        err.flush();
        out.println(decision.name());
      }
      if (apps == 0) {
        err.println("error: no Application in " + inputs.files);
        err.flush();
        return 1;
      }
      out.flush();
      return 0;
    } catch (RenderException e) {
      DispatchCommand.print(e.diagnostics(), err);
      return 1;
    }
  }
}
