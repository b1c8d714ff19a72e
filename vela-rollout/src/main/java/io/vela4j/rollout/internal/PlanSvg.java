package io.vela4j.rollout.internal;

import io.vela4j.rollout.RolloutPlan;
import io.vela4j.rollout.RolloutPlan.Counts;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a plan as SVG: for every step a group of stacked bars (one per cluster, or one for the
 * whole workload), new replicas at the bottom and old ones on top; a dashed line and a label after
 * each step that pauses; gated steps faded. Integer coordinates only, so the text is deterministic.
 */
public final class PlanSvg {
  private static final int LEFT = 56;
  private static final int TOP = 48;
  private static final int CHART = 200;
  private static final int BAR = 16;
  private static final int BAR_GAP = 2;
  private static final int GROUP_GAP = 28;
  private static final String NEW_COLOR = "#2e7d32";
  private static final String OLD_COLOR = "#b0bec5";

  private PlanSvg() {}

  /** The SVG document, ending with a newline. */
  public static String render(RolloutPlan plan) {
    var series = plan.clusters().isEmpty() ? List.of("all") : plan.clusters();
    int k = series.size();
    int groupWidth = k * BAR + (k - 1) * BAR_GAP;
    int steps = plan.steps().size();
    int width =
        Math.max(
            560,
            LEFT + Math.max(1, steps) * (groupWidth + GROUP_GAP) + 24); // the title needs ~500px
    int height = TOP + CHART + 96;
    long max = 1;
    var values = new ArrayList<List<Counts>>();
    for (var s : plan.steps()) {
      var row = new ArrayList<Counts>();
      if (plan.clusters().isEmpty()) {
        row.add(s.counts());
      } else {
        for (var c : plan.clusters()) {
          var v = s.clusters().get(c);
          row.add(v == null ? new Counts(0, 0) : v);
        }
      }
      for (var v : row) {
        max = Math.max(max, (long) v.newReplicas() + v.oldReplicas());
      }
      values.add(row);
    }
    var sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
    sb.append("  <title>Rollout plan</title>\n");
    sb.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    sb.append("  <text x=\"")
        .append(LEFT)
        .append("\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Rollout plan: ")
        .append(steps)
        .append(steps == 1 ? " step" : " steps")
        .append(", replicas per ")
        .append(plan.clusters().isEmpty() ? "step" : "cluster and step")
        .append("</text>\n");
    int base = TOP + CHART;
    sb.append("  <line x1=\"")
        .append(LEFT - 6)
        .append("\" y1=\"")
        .append(base)
        .append("\" x2=\"")
        .append(width - 12)
        .append("\" y2=\"")
        .append(base)
        .append("\" stroke=\"#455a64\"/>\n");
    sb.append("  <text x=\"")
        .append(LEFT - 10)
        .append("\" y=\"")
        .append(TOP + 4)
        .append("\" text-anchor=\"end\">")
        .append(max)
        .append("</text>\n");
    sb.append("  <text x=\"")
        .append(LEFT - 10)
        .append("\" y=\"")
        .append(base + 4)
        .append("\" text-anchor=\"end\">0</text>\n");
    for (int g = 0; g < steps; g++) {
      var s = plan.steps().get(g);
      int x0 = LEFT + g * (groupWidth + GROUP_GAP);
      sb.append("  <g id=\"step-")
          .append(s.index())
          .append('"')
          .append(s.gated() ? " opacity=\"0.4\"" : "")
          .append(">\n");
      for (int i = 0; i < k; i++) {
        var v = values.get(g).get(i);
        int x = x0 + i * (BAR + BAR_GAP);
        int hNew = scale(v.newReplicas(), max);
        int hAll = scale((long) v.newReplicas() + v.oldReplicas(), max);
        int hOld = hAll - hNew;
        var tip =
            "step "
                + s.index()
                + (plan.clusters().isEmpty() ? "" : ", " + series.get(i))
                + ": "
                + v.newReplicas()
                + " new, "
                + v.oldReplicas()
                + " old";
        if (hOld > 0) {
          rect(sb, x, base - hAll, hOld, OLD_COLOR, tip);
        }
        if (hNew > 0) {
          rect(sb, x, base - hNew, hNew, NEW_COLOR, tip);
        }
      }
      sb.append("    <text x=\"")
          .append(x0 + groupWidth / 2)
          .append("\" y=\"")
          .append(base + 16)
          .append("\" text-anchor=\"middle\">")
          .append(s.index())
          .append("</text>\n");
      var label =
          (s.kind() == RolloutPlan.StepKind.BATCH
                  ? ""
                  : s.kind().name().toLowerCase(java.util.Locale.ROOT))
              + (s.gated() ? " gated" : "");
      if (!label.isEmpty()) {
        sb.append("    <text x=\"")
            .append(x0 + groupWidth / 2)
            .append("\" y=\"")
            .append(base + 30)
            .append("\" text-anchor=\"middle\" fill=\"#607d8b\">")
            .append(label.strip())
            .append("</text>\n");
      }
      sb.append("  </g>\n");
      if (s.pause() != null) {
        int px = x0 + groupWidth + GROUP_GAP / 2;
        sb.append("  <line class=\"pause\" x1=\"")
            .append(px)
            .append("\" y1=\"")
            .append(TOP - 6)
            .append("\" x2=\"")
            .append(px)
            .append("\" y2=\"")
            .append(base)
            .append("\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>\n");
        sb.append("  <text x=\"")
            .append(px)
            .append("\" y=\"")
            .append(TOP - 10)
            .append("\" text-anchor=\"middle\" fill=\"#c62828\">pause ")
            .append(escape(s.pause().toString()))
            .append("</text>\n");
      }
    }
    int ly = base + 56;
    sb.append("  <rect x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(ly - 9)
        .append("\" width=\"10\" height=\"10\" fill=\"")
        .append(NEW_COLOR)
        .append("\"/>\n");
    sb.append("  <text x=\"")
        .append(LEFT + 14)
        .append("\" y=\"")
        .append(ly)
        .append("\">new</text>\n");
    sb.append("  <rect x=\"")
        .append(LEFT + 50)
        .append("\" y=\"")
        .append(ly - 9)
        .append("\" width=\"10\" height=\"10\" fill=\"")
        .append(OLD_COLOR)
        .append("\"/>\n");
    sb.append("  <text x=\"")
        .append(LEFT + 64)
        .append("\" y=\"")
        .append(ly)
        .append("\">old</text>\n");
    if (!plan.clusters().isEmpty()) {
      sb.append("  <text x=\"")
          .append(LEFT)
          .append("\" y=\"")
          .append(ly + 18)
          .append("\">bars in each step, left to right: ")
          .append(escape(String.join(", ", plan.clusters())))
          .append("</text>\n");
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static int scale(long count, long max) {
    return (int) ((2 * count * CHART + max) / (2 * max));
  }

  private static void rect(StringBuilder sb, int x, int y, int h, String color, String tip) {
    sb.append("    <rect x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"")
        .append(BAR)
        .append("\" height=\"")
        .append(h)
        .append("\" fill=\"")
        .append(color)
        .append("\"><title>")
        .append(escape(tip))
        .append("</title></rect>\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
