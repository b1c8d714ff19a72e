package io.vela4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vela4j validate [--strict] FILE|DIR...}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate KubeVela objects in YAML or JSON files (directories are searched).")
final class ValidateCommand implements Callable<Integer> {

  @Option(names = "--strict", description = "Treat unknown fields as errors.")
  boolean strict;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
  List<Path> paths = List.of();

  @Override
  public Integer call() {
    return 0;
  }
}
