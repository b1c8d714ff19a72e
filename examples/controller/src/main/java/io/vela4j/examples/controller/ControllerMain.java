package io.vela4j.examples.controller;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.vela4j.dispatch.kube.ApiServers;
import io.vela4j.dispatch.kube.ClusterConnections;
import io.vela4j.dispatch.kube.KubeApplier;
import io.vela4j.model.VelaYaml;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs the controller until the JVM stops.
 *
 * <pre>
 * ControllerMain [--kubeconfig FILE] [--context NAME] [--namespace NS]...
 *                [--definitions PATH]... [--clusters FILE] [--members KUBECONFIG]
 * </pre>
 *
 * <ul>
 *   <li>{@code --kubeconfig}, {@code --context}: the cluster to watch and to apply {@code local}
 *       placements to (default: fabric8's usual lookup: {@code $KUBECONFIG}, {@code
 *       ~/.kube/config}, or the service account when running in a pod);
 *   <li>{@code --namespace}: watch only these namespaces (default: all);
 *   <li>{@code --definitions}: definition files or directories added to the built-in catalogue, as
 *       {@code vela4j dry-run -d} adds them;
 *   <li>{@code --clusters}: the {@code Cluster} objects that topology policies select among;
 *   <li>{@code --members}: a kubeconfig whose contexts are the member clusters those policies name
 *       (a context per cluster name).
 * </ul>
 */
public final class ControllerMain {
  private ControllerMain() {}

  /**
   * Starts the controller.
   *
   * @param args the options above
   */
  public static void main(String[] args) {
    Options o = Options.parse(args);

    // The registry compiles every template once; the renderer is immutable and thread-safe.
    var definitions = DefinitionRegistry.builder().catalogue();
    o.definitions.forEach(definitions::load);
    var renderer = Renderer.builder().registry(definitions.build());
    if (o.clusters != null) {
      renderer.clusters(
          VelaYaml.reader().readAll(o.clusters).stream().map(Cluster.class::cast).toList());
    }

    // Two clients for the watched cluster: JOSDK's (fabric8's defaults: it retries requests itself)
    // and the applier's, whose retries are the applier's own (ApiServers.client disables
    // fabric8's, so that they do not multiply).
    Config config =
        o.kubeconfig == null
            ? Config.autoConfigure(null)
            : Config.fromKubeconfig(o.context, o.kubeconfig.toFile());
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    var connections = ClusterConnections.builder();
    if (o.members != null) {
      connections.kubeconfig(o.members); // a cluster per context, clients created on first use
    }
    connections.cluster(ApplicationReconciler.LOCAL, ApiServers.client(config));

    var reconciler =
        new ApplicationReconciler(
            renderer.build(),
            connections.build(),
            Clock.systemUTC(),
            policy -> KubeApplier.builder().policy(policy).build());
    Operator operator = new Operator(c -> c.withKubernetesClient(client));
    operator.register(
        reconciler,
        c -> {
          if (!o.namespaces.isEmpty()) {
            c.settingNamespaces(o.namespaces.toArray(String[]::new));
          }
        });
    operator.installShutdownHook(java.time.Duration.ofSeconds(10));
    operator.start();
  }

  /** The command line. */
  static final class Options {
    @Nullable Path kubeconfig;
    @Nullable String context;
    final List<String> namespaces = new ArrayList<>();
    final List<Path> definitions = new ArrayList<>();
    @Nullable Path clusters;
    @Nullable Path members;

    static Options parse(String[] args) {
      var o = new Options();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw usage("missing value after " + name);
        }
        String value = args[++i];
        switch (name) {
          case "--kubeconfig" -> o.kubeconfig = file(value);
          case "--context" -> o.context = value;
          case "--namespace" -> o.namespaces.add(value);
          case "--definitions" -> o.definitions.add(Path.of(value));
          case "--clusters" -> o.clusters = file(value);
          case "--members" -> o.members = file(value);
          default -> throw usage("unknown option " + name);
        }
      }
      return o;
    }

    private static Path file(String value) {
      Path p = Path.of(value);
      if (!Files.isRegularFile(p)) {
        throw usage("no such file: " + value);
      }
      return p;
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(
          problem
              + "\nusage: ControllerMain [--kubeconfig FILE] [--context NAME] [--namespace NS]..."
              + " [--definitions PATH]... [--clusters FILE] [--members KUBECONFIG]");
    }
  }
}
