package io.vela4j.dispatch.kube.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.kube.ApiServer;
import io.vela4j.dispatch.kube.ApiServerException;
import io.vela4j.dispatch.kube.ObjectRef;
import io.vela4j.dispatch.kube.RetryPolicy;
import io.vela4j.dispatch.kube.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decorates an {@link ApiServer}: a call that fails with a {@linkplain
 * ApiServerException#isTransient transient} error is repeated after the {@link RetryPolicy}'s
 * delay, up to its attempt limit. Server-side apply, get, list and delete are all idempotent, so
 * repeating them is safe. Other errors are thrown at once.
 */
public final class RetryingApiServer implements ApiServer {
  private final ApiServer delegate;
  private final RetryPolicy policy;
  private final Sleeper sleeper;

  /** Retries calls to {@code delegate} with {@code policy}, waiting with {@code sleeper}. */
  public RetryingApiServer(ApiServer delegate, RetryPolicy policy, Sleeper sleeper) {
    this.delegate = delegate;
    this.policy = policy;
    this.sleeper = sleeper;
  }

  @Override
  public GenericKubernetesResource apply(
      GenericKubernetesResource object, String fieldManager, boolean force) {
    return retry(() -> delegate.apply(object, fieldManager, force));
  }

  @Override
  public Optional<GenericKubernetesResource> get(ObjectRef ref) {
    return retry(() -> delegate.get(ref));
  }

  @Override
  public boolean delete(ObjectRef ref, boolean orphanDependents) {
    return retry(() -> delegate.delete(ref, orphanDependents));
  }

  @Override
  public List<GenericKubernetesResource> list(
      String apiVersion, String kind, @Nullable String namespace, Map<String, String> labels) {
    return retry(() -> delegate.list(apiVersion, kind, namespace, labels));
  }

  @Override
  public boolean crdEstablished(String name) {
    return retry(() -> delegate.crdEstablished(name));
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  private <T> T retry(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ApiServerException e) {
        if (!e.isTransient() || attempt >= policy.maxAttempts()) {
          if (attempt > 1) {
            e.addSuppressed(new RetriesExhausted(attempt));
          }
          throw e;
        }
        var delay = policy.delayAfter(attempt);
        var requested = e.retryAfter().orElse(Duration.ZERO);
        if (requested.compareTo(delay) > 0) {
          delay = requested.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : requested;
        }
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new ApiServerException(
              ApiServerException.Kind.PERMANENT, 0, "interrupted while retrying", null, e);
        }
      }
    }
  }

  /** Attached as a suppressed exception: how many attempts were made. */
  static final class RetriesExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetriesExhausted(int attempts) {
      super("gave up after " + attempts + " attempts", null, false, false);
    }
  }
}
