package io.vela4j.cli;

import io.vela4j.rollout.RolloutException;
import io.vela4j.rollout.RolloutPlanWriter;
import io.vela4j.rollout.RolloutPlanner;
import io.vela4j.rollout.RolloutSpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vela4j rollout}: plan progressive rollouts. Reading, planning and formatting live in
 * vela-rollout; this class only wires the file and the streams.
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description = "Plan progressive rollouts (batches, canaries, cluster waves).",
    subcommands = {RolloutCommand.Plan.class})
final class RolloutCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (plan)");
  }

  /** {@code vela4j rollout plan -f spec.yaml [--output table|json|yaml|svg]}. */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "Print every step of a rollout spec (YAML or JSON): new/old replicas per cluster,",
        "transitions, pauses and partition gates. Exit 1 with one line per problem if invalid."
      })
  static final class Plan implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-f", "--file"},
        required = true,
        paramLabel = "FILE",
        description = "The rollout spec file.")
    Path file;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "table",
        paramLabel = "FORMAT",
        description = "table (default), json, yaml or svg.")
    RolloutPlanWriter.OutputFormat output;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      var err = spec.commandLine().getErr();
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println(file + ": error: cannot read the file: " + e.getMessage());
        err.flush();
        return 1;
      }
      try {
        var plan = RolloutPlanner.plan(RolloutSpecReader.read(text, file.toString()));
        out.print(RolloutPlanWriter.write(plan, output));
        out.flush();
        return 0;
      } catch (RolloutException e) {
        err.print(RolloutSpecReader.describe(e));
        err.flush();
        return 1;
      }
    }
  }
}
