package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code context} a step template sees, as KubeVela's workflow builds it from the application:
 * {@code name} and {@code appName} (the application), {@code namespace}, {@code appRevision},
 * {@code appRevisionNum}, {@code appLabels}, {@code appAnnotations}, {@code workflowName}, {@code
 * publishVersion}, {@code stepName} and {@code stepSessionID} (deterministic here: a hash of the
 * application and step names, where KubeVela draws a random one).
 */
final class ContextJson {
  private ContextJson() {}

  static ObjectNode of(RunState rs, StepSpec spec) {
    ObjectMeta meta = rs.app.getMetadata();
    String name = meta == null || meta.getName() == null ? rs.render.application() : meta.getName();
    Map<String, String> labels =
        meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
    Map<String, String> annotations =
        meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    ObjectNode c = Json.object();
    c.put("name", name);
    c.put("namespace", rs.render.namespace());
    c.put("appName", name);
    c.put("appRevision", rs.render.revision());
    c.put("appRevisionNum", revisionNumber(rs.render.revision()));
    ObjectNode l = c.putObject("appLabels");
    new TreeMap<>(labels).forEach(l::put);
    ObjectNode a = c.putObject("appAnnotations");
    new TreeMap<>(annotations).forEach(a::put);
    c.put("workflowName", annotations.getOrDefault("app.oam.dev/workflowName", ""));
    c.put("publishVersion", annotations.getOrDefault("app.oam.dev/publishVersion", ""));
    c.put("stepName", spec.name());
    c.put("stepSessionID", sessionId(name, spec.name()));
    return c;
  }

  static int revisionNumber(String revision) {
    int v = revision.lastIndexOf("-v");
    if (v < 0) {
      return 0;
    }
    try {
      return Integer.parseInt(revision.substring(v + 2));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String sessionId(String app, String step) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((app + "/" + step).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
