package io.vela4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code dispatch plan} and {@code dispatch apply} share: what to plan, and how. */
final class DispatchInputs {
  @Option(
      names = "--via",
      required = true,
      paramLabel = "ocm|karmada|direct",
      description = "The dispatcher (any discovered with ServiceLoader).")
  String via = "";

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "Multi-document YAML manifests (or vela4j dry-run output); '-' for stdin.")
  Path manifests = Path.of("-");

  @Option(
      names = "--placement",
      required = true,
      paramLabel = "FILE",
      description = "The placement file (bundle, namespace, clusters, policy).")
  Path placement = Path.of("placement.yaml");
}
