package io.vela4j.dispatch;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import io.vela4j.render.RenderResult;
import io.vela4j.render.RenderResult.PlacementDecision;
import io.vela4j.render.RenderResult.RenderedObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * From a render to dispatch: the objects of a {@link RenderResult} become {@link DispatchRequest}s
 * without being written out and read back (trees stay trees).
 *
 * <p>One request per deploy step and per group of that step's placements that received identical
 * objects (a topology over three clusters with one override for one of them gives two requests).
 * The bundle is named after the application ({@code <app>}, or {@code <app>-<step>[-<n>]} when the
 * result needs several requests), its revision is the application revision, and each placement's
 * cluster receives the objects unchanged (replicas and namespaces were set by the render). A
 * revision-only application gives no request.
 */
public final class RenderedDispatch {
  private RenderedDispatch() {}

  /**
   * The requests that deliver a render.
   *
   * @param result the render
   * @param policy how to deliver
   * @param scopes the kind table
   * @return the requests, in step order; empty for a revision-only application
   * @throws DispatchException when the objects cannot form a bundle (duplicates, bad names)
   */
  public static List<DispatchRequest> requests(
      RenderResult result, DispatchPolicy policy, ResourceScopes scopes) {
    if (result.revisionOnly()) {
      return List.of();
    }
    record Group(String step, List<Manifest> manifests, List<String> clusters) {}
    var groups = new ArrayList<Group>();
    for (RenderResult.Step step : result.steps()) {
      var byContent = new LinkedHashMap<String, Group>();
      for (PlacementDecision p : step.placements()) {
        var manifests = new ArrayList<Manifest>();
        for (RenderedObject o : p.objects()) {
          manifests.add(Manifest.of(o.object(), scopes));
        }
        String content =
            String.join("\n", manifests.stream().map(Manifest::canonicalJson).toList());
        Group g =
            byContent.computeIfAbsent(
                content, k -> new Group(step.name(), manifests, new ArrayList<>()));
        if (!g.clusters().contains(p.cluster())) {
          g.clusters().add(p.cluster());
        }
      }
      groups.addAll(byContent.values());
    }
    var out = new ArrayList<DispatchRequest>();
    var used = new LinkedHashMap<String, Integer>();
    String app = dnsLabel(result.application());
    String revision = result.revision().isEmpty() ? "1" : result.revision();
    for (Group g : groups) {
      String id = groups.size() == 1 ? app : dnsLabel(app + "-" + g.step());
      int n = used.merge(id, 1, Integer::sum);
      if (n > 1) {
        id = dnsLabel(id + "-" + n);
      }
      var placement = new Placement(g.clusters().stream().map(ClusterAssignment::of).toList());
      out.add(
          new DispatchRequest(
              new Bundle(id, revision, g.manifests()), placement, policy, scopes, Map.of()));
    }
    return out;
  }

  /**
   * Plans every request with one dispatcher and merges the plans: deliveries in target order
   * (control plane first, then clusters by name), each target's deliveries in request order.
   *
   * @param dispatcher the dispatcher
   * @param requests the requests
   * @return the merged plan
   * @throws DispatchException listing the errors of every request
   */
  public static DispatchPlan plan(Dispatcher dispatcher, List<DispatchRequest> requests) {
    var deliveries = new ArrayList<Delivery>();
    var diagnostics = new ArrayList<Diagnostic>();
    var errors = new ArrayList<Diagnostic>();
    for (DispatchRequest r : requests) {
      try {
        DispatchPlan p = dispatcher.plan(r);
        deliveries.addAll(p.deliveries());
        diagnostics.addAll(p.diagnostics());
      } catch (DispatchException e) {
        errors.addAll(e.diagnostics());
      }
    }
    if (!errors.isEmpty()) {
      throw new DispatchException(errors);
    }
    deliveries.sort(Comparator.comparing(Delivery::target));
    // requests of one application share kinds: say each warning once
    return DispatchPlan.of(
        dispatcher.id(), deliveries, List.copyOf(new java.util.LinkedHashSet<>(diagnostics)));
  }

  /** A DNS-1123 label made of {@code s}: lower case, invalid characters as '-', at most 63. */
  static String dnsLabel(String s) {
    var sb = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
    }
    String out = sb.toString();
    if (out.length() > 63) {
      String hash = Integer.toHexString(s.hashCode() & 0x7fffffff);
      out = out.substring(0, 62 - hash.length()) + "-" + hash;
    }
    while (out.startsWith("-")) {
      out = out.substring(1);
    }
    while (out.endsWith("-")) {
      out = out.substring(0, out.length() - 1);
    }
    return out.isEmpty() ? "bundle" : out;
  }
}
