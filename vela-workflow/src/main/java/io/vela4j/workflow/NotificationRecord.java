package io.vela4j.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A notification or webhook call a step would make. Vela4J records it and never sends it.
 *
 * @param step the step that made it
 * @param channel {@code slack}, {@code dingding}, {@code lark}, {@code email} or {@code webhook}
 * @param destination the URL (or the secret that holds it, as {@code secret:<name>/<key>}), or the
 *     e-mail recipients
 * @param message what would be sent
 */
public record NotificationRecord(
    String step, String channel, String destination, JsonNode message) {
  /** Validates and copies. */
  public NotificationRecord {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(destination, "destination");
    message = message.deepCopy();
  }

  /** What would be sent (a copy). */
  @Override
  public JsonNode message() {
    return message.deepCopy();
  }
}
