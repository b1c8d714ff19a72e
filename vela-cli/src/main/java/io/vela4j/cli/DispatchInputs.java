package io.vela4j.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code dispatch plan} and {@code dispatch apply} share: what to deliver and how.
 * Applications, ApplicationRevisions and AppDeployments are rendered and placed by their own
 * policies; plain manifests need {@code --placement}.
 */
final class DispatchInputs {
  @Option(
      names = "--via",
      required = true,
      paramLabel = "ocm|karmada|direct",
      description = "The dispatcher (any discovered with ServiceLoader).")
  String via = "";

  @Mixin RenderInputs render = new RenderInputs();

  @Option(
      names = "--placement",
      paramLabel = "FILE",
      description =
          "The placement file (bundle, namespace, clusters, policy) for plain manifests (or"
              + " vela4j dry-run output) given with -f; not used for Applications and AppDeployments,"
              + " which are placed by their policies.")
  @Nullable Path placement;
}
