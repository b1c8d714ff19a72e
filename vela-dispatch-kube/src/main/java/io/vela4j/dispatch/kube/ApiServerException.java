package io.vela4j.dispatch.kube;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request to an API server failed. Carries the HTTP status (0 when no response arrived), the
 * server's reason, a {@link Kind classification} that decides whether the request is retried, and
 * an optional server-requested delay ({@code Retry-After}).
 */
public class ApiServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How a failure is handled. */
  public enum Kind {
    /** 429, 5xx (except 501), timeouts and connection resets: retried with backoff. */
    TRANSIENT,
    /** 409: a server-side apply field conflict (or another writer won a race). */
    CONFLICT,
    /** 404: the object, its namespace or its kind does not exist. */
    NOT_FOUND,
    /** Anything else (400, 403, 422, ...): not retried. */
    PERMANENT
  }

  private final Kind kind;
  private final int code;
  private final @Nullable Duration retryAfter;

  /** An exception with a classification, HTTP code (0 if none), message and optional cause. */
  public ApiServerException(
      Kind kind,
      int code,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** An exception without a cause or retry hint. */
  public ApiServerException(Kind kind, int code, String message) {
    this(kind, code, message, null, null);
  }

  /** The classification. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status code, or 0 when no response arrived (timeout, reset). */
  public int code() {
    return code;
  }

  /** The delay the server asked for before a retry, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the request may succeed when retried. */
  public boolean isTransient() {
    return kind == Kind.TRANSIENT;
  }

  /** The classification of an HTTP status code: 429/5xx transient (but 501), 409, 404, others. */
  public static Kind classify(int code) {
    if (code == 429 || (code >= 500 && code <= 599 && code != 501)) {
      return Kind.TRANSIENT;
    }
    if (code == 409) {
      return Kind.CONFLICT;
    }
    if (code == 404) {
      return Kind.NOT_FOUND;
    }
    return Kind.PERMANENT;
  }
}
