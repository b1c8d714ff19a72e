package io.vela4j.dispatch.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a {@link DispatchPlan} as YAML, deterministically (sorted keys, delivery order), and
 * summarizes it. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link #files}: one YAML text per target, named {@code control-plane.yaml} or {@code
 *       cluster-<name>.yaml}; each document is preceded by {@code # wave: W action: A}.
 *   <li>{@link #write}: those files into a directory, stale plan files of an earlier run removed.
 *   <li>{@link #stream}: everything in one text, each document preceded by {@code # target: T wave:
 *       W action: A}.
 * </ul>
 */
public final class PlanWriter {

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  private PlanWriter() {}

  /**
   * One YAML document for a JSON tree, without the {@code ---} marker.
   *
   * @param node the tree (keys are written in their order)
   * @return the YAML text ending with a newline
   */
  public static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The plan as one YAML file per target.
   *
   * @param plan the plan
   * @return file name → content, in target order
   */
  public static Map<String, String> files(DispatchPlan plan) {
    var out = new LinkedHashMap<String, String>();
    for (var e : plan.byTarget().entrySet()) {
      var sb = new StringBuilder();
      for (Delivery d : e.getValue()) {
        sb.append("---\n# wave: ")
            .append(d.wave())
            .append(" action: ")
            .append(d.action())
            .append('\n')
            .append(yaml(d.body()));
      }
      out.put(e.getKey().fileStem() + ".yaml", sb.toString());
    }
    return out;
  }

  /**
   * Writes {@link #files} into a directory (created when missing) and deletes the plan files of an
   * earlier run ({@code control-plane.yaml}, {@code cluster-*.yaml}) that this plan no longer has,
   * so the directory always holds exactly this plan. Other files are left alone. This is what
   * {@code vela4j dispatch plan -o DIR} and the Maven plugin's {@code vela:plan} write.
   *
   * @param plan the plan
   * @param dir the directory
   * @return the stale files deleted, sorted
   * @throws IOException when the directory cannot be listed or a file cannot be written or deleted
   */
  public static List<Path> write(DispatchPlan plan, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, String> files = files(plan);
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(
              p -> {
                String n = p.getFileName().toString();
                return (n.equals("control-plane.yaml")
                        || (n.startsWith("cluster-") && n.endsWith(".yaml")))
                    && !files.containsKey(n);
              })
          .sorted()
          .forEach(stale::add);
    }
    for (Path p : stale) {
      Files.delete(p);
    }
    for (var e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
    return List.copyOf(stale);
  }

  /**
   * The plan as one YAML stream.
   *
   * @param plan the plan
   * @return the YAML text
   */
  public static String stream(DispatchPlan plan) {
    var sb = new StringBuilder();
    sb.append("# dispatcher: ")
        .append(plan.dispatcher())
        .append(" hash: ")
        .append(plan.contentHash())
        .append('\n');
    for (Delivery d : plan.deliveries()) {
      sb.append("---\n# target: ")
          .append(d.target().display())
          .append(" wave: ")
          .append(d.wave())
          .append(" action: ")
          .append(d.action())
          .append('\n')
          .append(yaml(d.body()));
    }
    return sb.toString();
  }

  /**
   * One row of the summary table.
   *
   * @param cluster the cluster name, or {@code control-plane} for shared control-plane objects
   * @param objects the number of Kubernetes objects applied for it (the manifests inside an OCM
   *     ManifestWork count individually)
   * @param bytes the serialized size of its deliveries
   * @param waves the waves it is delivered in
   */
  public record SummaryRow(String cluster, int objects, long bytes, List<Integer> waves) {}

  /**
   * Summarizes a plan per cluster. Control-plane deliveries labelled {@code
   * dispatch.vela4j.io/cluster} (OCM ManifestWorks) count for that cluster; other control-plane
   * deliveries form the {@code control-plane} row.
   *
   * @param plan the plan
   * @return the rows, control plane first, then clusters by name
   */
  public static List<SummaryRow> summary(DispatchPlan plan) {
    var objects = new TreeMap<String, Integer>();
    var bytes = new TreeMap<String, Long>();
    var waves = new TreeMap<String, TreeSet<Integer>>();
    for (Delivery d : plan.deliveries()) {
      String row;
      int count = 0;
      if (d.target() instanceof DeliveryTarget.Cluster c) {
        row = c.name();
      } else {
        JsonNode body = d.body();
        String label =
            body.path("metadata").path("labels").path("dispatch.vela4j.io/cluster").asText("");
        row = label.isEmpty() ? "" : label;
        if (d.action() == Delivery.Action.APPLY && d.key().kind().equals("ManifestWork")) {
          count = body.path("spec").path("workload").path("manifests").size() - 1;
        }
      }
      if (d.action() == Delivery.Action.APPLY) {
        objects.merge(row, count + 1, Integer::sum);
        bytes.merge(row, (long) d.sizeBytes(), Long::sum);
      }
      waves.computeIfAbsent(row, k -> new TreeSet<>()).add(d.wave());
    }
    var rows = new ArrayList<SummaryRow>();
    for (String k : waves.keySet()) {
      rows.add(
          new SummaryRow(
              k.isEmpty() ? "control-plane" : k,
              objects.getOrDefault(k, 0),
              bytes.getOrDefault(k, 0L),
              List.copyOf(waves.get(k))));
    }
    return rows;
  }

  /**
   * The summary as an aligned text table with a header ({@code CLUSTER OBJECTS BYTES WAVES}) and a
   * total line.
   *
   * @param plan the plan
   * @return the table
   */
  public static String summaryTable(DispatchPlan plan) {
    List<SummaryRow> rows = summary(plan);
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"CLUSTER", "OBJECTS", "BYTES", "WAVES"});
    int totalObjects = 0;
    long totalBytes = 0;
    for (SummaryRow r : rows) {
      cells.add(
          new String[] {
            r.cluster(), Integer.toString(r.objects()), Long.toString(r.bytes()), waves(r.waves())
          });
      totalObjects += r.objects();
      totalBytes += r.bytes();
    }
    cells.add(
        new String[] {"total", Integer.toString(totalObjects), Long.toString(totalBytes), ""});
    int[] w = new int[4];
    for (String[] c : cells) {
      for (int i = 0; i < 4; i++) {
        w[i] = Math.max(w[i], c[i].length());
      }
    }
    var sb = new StringBuilder();
    for (String[] c : cells) {
      String line =
          String.format(
              Locale.ROOT,
              "%-" + w[0] + "s  %" + w[1] + "s  %" + w[2] + "s  %s",
              c[0],
              c[1],
              c[2],
              c[3]);
      sb.append(line.stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String waves(List<Integer> waves) {
    var sb = new StringBuilder();
    for (int i = 0; i < waves.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(waves.get(i));
    }
    return sb.toString();
  }
}
