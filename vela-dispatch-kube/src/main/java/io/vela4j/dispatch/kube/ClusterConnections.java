package io.vela4j.dispatch.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchException;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How to reach each target of a plan: one {@link ApiServer} per member cluster (by name) and
 * optionally one for the control plane. Build it from a kubeconfig file (each context becomes a
 * cluster of the same name), from explicit fabric8 clients, or from any {@link ApiServer}.
 *
 * <p>Clients created from a kubeconfig are created lazily, on first use, with fabric8's own request
 * retry disabled (the applier retries), and are closed by {@link #close()}; clients passed in stay
 * owned by the caller. Thread-safe.
 */
public final class ClusterConnections implements AutoCloseable {
  private final Map<String, Lazy> clusters;
  private final @Nullable Lazy controlPlane;
  private final @Nullable String source;

  private ClusterConnections(
      Map<String, Lazy> clusters, @Nullable Lazy controlPlane, @Nullable String source) {
    this.clusters = Map.copyOf(clusters);
    this.controlPlane = controlPlane;
    this.source = source;
  }

  /**
   * Every context of a kubeconfig file as a cluster named after the context.
   *
   * @throws DispatchException when the file is missing, unreadable or has no contexts
   */
  public static ClusterConnections fromKubeconfig(Path file) {
    return builder().kubeconfig(file).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The API server for a target, or empty when none was configured. */
  public Optional<ApiServer> server(DeliveryTarget target) {
    Lazy lazy = target instanceof DeliveryTarget.Cluster c ? clusters.get(c.name()) : controlPlane;
    return lazy == null ? Optional.empty() : Optional.of(lazy.get());
  }

  /** The configured cluster names, sorted. */
  public Set<String> clusterNames() {
    return java.util.Collections.unmodifiableSet(new TreeSet<>(clusters.keySet()));
  }

  /** Whether a control-plane connection was configured. */
  public boolean hasControlPlane() {
    return controlPlane != null;
  }

  /** Why a target has no connection, for messages. */
  String missing(DeliveryTarget target) {
    var from = source == null ? "" : " in " + source;
    if (target instanceof DeliveryTarget.Cluster c) {
      return "no connection for cluster "
          + c.name()
          + from
          + " (known clusters: "
          + (clusters.isEmpty() ? "none" : String.join(", ", clusterNames()))
          + ")";
    }
    return "no control-plane connection configured" + from;
  }

  /** Closes the clients this object created (not the ones passed in). */
  @Override
  public void close() {
    clusters.values().forEach(Lazy::close);
    if (controlPlane != null) {
      controlPlane.close();
    }
  }

  /** Builds {@link ClusterConnections}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Lazy> clusters = new LinkedHashMap<>();
    private @Nullable Lazy controlPlane;
    private @Nullable String source;

    private Builder() {}

    /** Adds every context of a kubeconfig file as a cluster of the same name. */
    public Builder kubeconfig(Path file) {
      for (var context : contexts(file)) {
        clusters.put(context, fromContext(file, context));
      }
      source = file.toString();
      return this;
    }

    /** Adds one kubeconfig context as cluster {@code clusterName}. */
    public Builder kubeconfigContext(Path file, String context, String clusterName) {
      requireContext(file, context);
      clusters.put(clusterName, fromContext(file, context));
      return this;
    }

    /**
     * Uses one kubeconfig context as the control plane (OCM hub or Karmada API server). The context
     * is also kept as a cluster if {@link #kubeconfig} added it; remove it with {@link
     * #withoutCluster}.
     */
    public Builder controlPlaneContext(Path file, String context) {
      requireContext(file, context);
      controlPlane = fromContext(file, context);
      return this;
    }

    /** Removes a cluster (for example the hub context of a kubeconfig). */
    public Builder withoutCluster(String name) {
      clusters.remove(name);
      return this;
    }

    /** Adds a cluster reached through a caller-owned fabric8 client. */
    public Builder cluster(String name, KubernetesClient client) {
      clusters.put(name, Lazy.of(ApiServers.fabric8(client)));
      return this;
    }

    /** Adds a cluster reached through any {@link ApiServer}. */
    public Builder cluster(String name, ApiServer server) {
      clusters.put(name, Lazy.of(server));
      return this;
    }

    /** Sets the control plane to a caller-owned fabric8 client. */
    public Builder controlPlane(KubernetesClient client) {
      controlPlane = Lazy.of(ApiServers.fabric8(client));
      return this;
    }

    /** Sets the control plane to any {@link ApiServer}. */
    public Builder controlPlane(ApiServer server) {
      controlPlane = Lazy.of(server);
      return this;
    }

    /** The connections. */
    public ClusterConnections build() {
      return new ClusterConnections(clusters, controlPlane, source);
    }

    private static Lazy fromContext(Path file, String context) {
      return new Lazy(
          () -> {
            Config config;
            try {
              config = Config.fromKubeconfig(context, file.toFile());
            } catch (KubernetesClientException e) {
              throw new ApiServerException(
                  ApiServerException.Kind.PERMANENT,
                  0,
                  "cannot use context " + context + " of " + file + ": " + e.getMessage(),
                  null,
                  e);
            }
            return ApiServers.client(config);
          });
    }

    private static void requireContext(Path file, String context) {
      var known = contexts(file);
      if (!known.contains(context)) {
        throw new DispatchException(
            new Diagnostic(
                Diagnostic.Severity.ERROR,
                DiagnosticCodes.UNKNOWN_CONTEXT,
                "the kubeconfig has no context " + context,
                file.toString(),
                0,
                0,
                "contexts",
                String.join(", ", known),
                context));
      }
    }
  }

  /**
   * The {@code current-context} of a kubeconfig file.
   *
   * @throws DispatchException when the file is missing or invalid, or has no current context
   */
  public static String currentContext(Path file) {
    contexts(file);
    var config = Config.fromKubeconfig((String) null, new File(file.toString()));
    if (config.getCurrentContext() == null || config.getCurrentContext().getName() == null) {
      throw new DispatchException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              DiagnosticCodes.MISSING_CURRENT_CONTEXT,
              "the kubeconfig has no current-context",
              file.toString(),
              0,
              0,
              "current-context",
              "a context name",
              "none"));
    }
    return config.getCurrentContext().getName();
  }

  /** The context names of a kubeconfig file, in file order. */
  static List<String> contexts(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DispatchException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              DiagnosticCodes.MISSING_KUBECONFIG,
              "kubeconfig file not found",
              file.toString(),
              0,
              0,
              null,
              "a readable kubeconfig file",
              "no such file"));
    }
    Config config;
    try {
      config = Config.fromKubeconfig((String) null, new File(file.toString()));
    } catch (RuntimeException e) {
      throw new DispatchException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              DiagnosticCodes.INVALID_KUBECONFIG,
              "cannot read kubeconfig: " + e.getMessage(),
              file.toString(),
              0,
              0,
              null,
              null,
              null));
    }
    var names = new ArrayList<String>();
    if (config.getContexts() != null) {
      config.getContexts().forEach(c -> names.add(c.getName()));
    }
    if (names.isEmpty()) {
      throw new DispatchException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              DiagnosticCodes.MISSING_CONTEXTS,
              "the kubeconfig has no contexts",
              file.toString(),
              0,
              0,
              "contexts",
              "at least one context",
              "none"));
    }
    return names;
  }

  /** A server created on first use; closes the client it created. */
  private static final class Lazy {
    private final @Nullable Supplier<KubernetesClient> factory;
    private @Nullable KubernetesClient created;
    private @Nullable ApiServer server;

    Lazy(Supplier<KubernetesClient> factory) {
      this.factory = factory;
    }

    private Lazy(ApiServer server) {
      this.factory = null;
      this.server = server;
    }

    static Lazy of(ApiServer server) {
      return new Lazy(server);
    }

    synchronized ApiServer get() {
      if (server == null) {
        created = factory.get();
        server = ApiServers.fabric8(created);
      }
      return server;
    }

    synchronized void close() {
      if (created != null) {
        created.close();
        created = null;
        server = null;
      }
    }
  }
}
