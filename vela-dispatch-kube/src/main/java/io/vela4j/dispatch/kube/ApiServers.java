package io.vela4j.dispatch.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vela4j.dispatch.kube.internal.Fabric8ApiServer;
import io.vela4j.dispatch.kube.internal.RetryingApiServer;

/** Factories for {@link ApiServer} implementations. */
public final class ApiServers {
  private ApiServers() {}

  /**
   * An API server backed by a fabric8 client. The caller keeps ownership of the client. For retries
   * to be governed only by {@link #retrying}, build the client with {@link
   * #withoutClientRetries(Config)}.
   */
  public static ApiServer fabric8(KubernetesClient client) {
    return new Fabric8ApiServer(client);
  }

  /** Wraps {@code server} so transient failures are retried with {@code policy}. */
  public static ApiServer retrying(ApiServer server, RetryPolicy policy, Sleeper sleeper) {
    return new RetryingApiServer(server, policy, sleeper);
  }

  /**
   * A copy of {@code config} with fabric8's built-in request retry disabled ({@code
   * requestRetryBackoffLimit=0}), so each logical request is sent once per {@link RetryPolicy}
   * attempt.
   */
  public static Config withoutClientRetries(Config config) {
    return new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
  }

  /** A fabric8 client for {@code config} with the client-side retry disabled. */
  public static KubernetesClient client(Config config) {
    return new KubernetesClientBuilder().withConfig(withoutClientRetries(config)).build();
  }
}
