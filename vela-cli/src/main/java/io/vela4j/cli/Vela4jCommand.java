package io.vela4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vela4j} command: entry point of the CLI jar. */
@Command(
    name = "vela4j",
    mixinStandardHelpOptions = true,
    versionProvider = Vela4jCommand.Version.class,
    description =
        "Render (dry-run) and validate OAM / KubeVela objects, compute revisions, evaluate CUE, plan rollouts, plan and apply dispatch.",
    subcommands = {
      DryRunCommand.class,
      ValidateCommand.class,
      RevisionCommand.class,
      DefCommand.class,
      DispatchCommand.class,
      RolloutCommand.class,
      CueCommand.class,
      WorkflowCommand.class
    })
public final class Vela4jCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  /** Builds the command line with Vela4J's conventions (exit code 2 on usage errors). */
  public static CommandLine commandLine() {
    var cl = new CommandLine(new Vela4jCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpWidth(100); // descriptions are written for 100 columns
    return cl;
  }

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var v = Vela4jCommand.class.getPackage().getImplementationVersion();
      return new String[] {"vela4j " + (v == null ? "dev" : v)};
    }
  }
}
