package io.vela4j.rollout;

import io.vela4j.rollout.internal.PlanJson;
import io.vela4j.rollout.internal.PlanSvg;
import io.vela4j.rollout.internal.PlanTable;
import java.util.Locale;

/**
 * Renders a {@link RolloutPlan} as text. Deterministic (same plan, same bytes) and thread-safe. The
 * JSON schema is documented in the module README and is stable.
 */
public final class RolloutPlanWriter {
  private RolloutPlanWriter() {}

  /** Output formats. */
  public enum OutputFormat {
    /** A readable text table. */
    TABLE,
    /** The stable machine form. */
    JSON,
    /** The JSON form as YAML. */
    YAML,
    /** Stacked bars of new/old replicas per cluster over the steps, pauses marked. */
    SVG;

    /** Parses {@code table}, {@code json}, {@code yaml} or {@code svg}, in any case. */
    public static OutputFormat parse(String text) {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** Renders {@code plan} in {@code format}; the text ends with a newline. */
  public static String write(RolloutPlan plan, OutputFormat format) {
    return switch (format) {
      case TABLE -> PlanTable.render(plan);
      case JSON -> PlanJson.json(plan);
      case YAML -> PlanJson.yaml(plan);
      case SVG -> PlanSvg.render(plan);
    };
  }
}
