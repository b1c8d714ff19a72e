package io.vela4j.rollout.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.VelaYaml;
import io.vela4j.rollout.RolloutPlan;
import io.vela4j.rollout.RolloutPlan.Counts;
import java.io.UncheckedIOException;

/** The stable JSON (and YAML) form of a plan. */
public final class PlanJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private PlanJson() {}

  /** The plan as a tree, keys in schema order. */
  public static ObjectNode tree(RolloutPlan plan) {
    var f = JsonNodeFactory.instance;
    var root = f.objectNode();
    var steps = root.putArray("steps");
    for (var s : plan.steps()) {
      var o = steps.addObject();
      o.put("index", s.index());
      o.put("kind", s.kind().name());
      o.put("newReplicas", s.newReplicas());
      o.put("oldReplicas", s.oldReplicas());
      if (s.pause() == null) {
        o.putNull("pause");
      } else {
        o.put("pause", s.pause().toString());
      }
      o.put("gated", s.gated());
      var clusters = o.putObject("clusters");
      for (var e : s.clusters().entrySet()) {
        counts(clusters.putObject(e.getKey()), e.getValue());
      }
      var transitions = o.putArray("transitions");
      for (var t : s.transitions()) {
        counts(transitions.addObject(), t);
      }
    }
    var warnings = root.putArray("warnings");
    for (var w : plan.warnings()) {
      warnings.add(warning(w));
    }
    return root;
  }

  /** {@code path: message}, or just the message. */
  public static String warning(Diagnostic w) {
    return w.path() == null || w.path().isEmpty() ? w.message() : w.path() + ": " + w.message();
  }

  private static void counts(ObjectNode o, Counts c) {
    o.put("newReplicas", c.newReplicas());
    o.put("oldReplicas", c.oldReplicas());
  }

  /** Pretty JSON, two-space indent, ending with a newline. */
  public static String json(RolloutPlan plan) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(tree(plan)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same tree as YAML, written by the SDK's one writer ({@link VelaYaml#writeTree}). */
  public static String yaml(RolloutPlan plan) {
    return VelaYaml.writeTree(tree(plan));
  }
}
