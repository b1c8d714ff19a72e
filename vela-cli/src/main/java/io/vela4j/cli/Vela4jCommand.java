package io.vela4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vela4j} command: entry point of the CLI jar. */
@Command(
    name = "vela4j",
    mixinStandardHelpOptions = true,
    versionProvider = Vela4jCommand.Version.class,
    description =
        "Render (dry-run) and validate OAM / KubeVela objects, compute revisions, evaluate CUE, plan rollouts, plan and apply dispatch.")
public final class Vela4jCommand implements Runnable {

  /**
   * The subcommands by name, in the order that the help lists them. They are added to the command
   * line in {@link #commandLine(String...)} rather than named in the {@code @Command} annotation so
   * that a run of one subcommand builds the picocli model of that one alone: building all of them
   * (reflection over every option of every command, and the static state of their classes, such as
   * the workflow command's Jackson mapper) took about half of a short run's time.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    var m = new LinkedHashMap<String, Class<?>>();
    m.put("dry-run", DryRunCommand.class);
    m.put("validate", ValidateCommand.class);
    m.put("revision", RevisionCommand.class);
    m.put("def", DefCommand.class);
    m.put("dispatch", DispatchCommand.class);
    m.put("rollout", RolloutCommand.class);
    m.put("cue", CueCommand.class);
    m.put("workflow", WorkflowCommand.class);
    return m;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  /**
   * Builds the command line with every subcommand and Vela4J's conventions (exit code 2 on usage
   * errors).
   *
   * @return the command line
   */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * Builds the command line for these arguments: when the first one names a subcommand, with that
   * subcommand alone (the others could not run anyway), else with all of them (help, version and
   * the usage errors list them).
   *
   * @param args the arguments the command line will execute
   * @return the command line
   */
  public static CommandLine commandLine(String... args) {
    var cl = new CommandLine(new Vela4jCommand());
    var only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    if (only != null) {
      cl.addSubcommand(args[0], only);
    } else {
      for (var e : SUBCOMMANDS.entrySet()) {
        cl.addSubcommand(e.getKey(), e.getValue());
      }
    }
    // these settings reach the subcommands added before them
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpWidth(100); // descriptions are written for 100 columns
    return cl;
  }

  /**
   * Runs the CLI with picocli and exits with its exit code ({@link Main} is the jar's entry point).
   *
   * @param args the command line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /**
   * The usage error of a command run without its subcommand, typed as a {@link RuntimeException} so
   * that a command class that throws it does not name picocli's exception: verifying such a class
   * loads picocli's classes, which a run that parses its arguments without picocli (see {@link
   * Main}) does not need.
   *
   * @param spec the command
   * @return the exception to throw
   */
  static RuntimeException missingSubcommand(CommandLine.Model.CommandSpec spec) {
    return new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var v = Vela4jCommand.class.getPackage().getImplementationVersion();
      return new String[] {"vela4j " + (v == null ? "dev" : v)};
    }
  }
}
