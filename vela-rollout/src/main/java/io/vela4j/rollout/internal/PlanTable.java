package io.vela4j.rollout.internal;

import io.vela4j.rollout.RolloutPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The readable text table of a plan. */
public final class PlanTable {
  private PlanTable() {}

  /** Renders the table, then the warnings. */
  public static String render(RolloutPlan plan) {
    var header = new ArrayList<String>(List.of("STEP", "KIND", "NEW", "OLD", "PAUSE", "GATED"));
    for (var c : plan.clusters()) {
      header.add(c + " (new/old)");
    }
    header.add("TRANSITIONS (new/old)");
    var rows = new ArrayList<List<String>>();
    rows.add(header);
    for (var s : plan.steps()) {
      var row = new ArrayList<String>();
      row.add(Integer.toString(s.index()));
      row.add(s.kind().name());
      row.add(Integer.toString(s.newReplicas()));
      row.add(Integer.toString(s.oldReplicas()));
      row.add(s.pause() == null ? "-" : s.pause().toString());
      row.add(s.gated() ? "gated" : "-");
      for (var c : plan.clusters()) {
        var counts = s.clusters().get(c);
        row.add(counts == null ? "-" : counts.newReplicas() + "/" + counts.oldReplicas());
      }
      row.add(
          s.transitions().isEmpty()
              ? "-"
              : s.transitions().stream()
                  .map(t -> t.newReplicas() + "/" + t.oldReplicas())
                  .collect(Collectors.joining(" > ")));
      rows.add(row);
    }
    int cols = header.size();
    var width = new int[cols];
    for (var r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    var sb = new StringBuilder();
    for (var r : rows) {
      var line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        var cell = r.get(i);
        boolean numeric = i >= 2 && i <= 3;
        if (numeric) {
          line.append(" ".repeat(width[i] - cell.length())).append(cell);
        } else {
          line.append(cell);
          if (i < cols - 1) {
            line.append(" ".repeat(width[i] - cell.length()));
          }
        }
        if (i < cols - 1) {
          line.append("  ");
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    if (plan.steps().isEmpty()) {
      sb.append("(no steps left)\n");
    }
    for (var w : plan.warnings()) {
      sb.append("warning: ").append(PlanJson.warning(w)).append('\n');
    }
    return sb.toString();
  }
}
