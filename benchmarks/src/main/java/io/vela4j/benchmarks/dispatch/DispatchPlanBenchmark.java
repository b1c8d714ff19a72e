package io.vela4j.benchmarks.dispatch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.Bundle;
import io.vela4j.dispatch.ClusterAssignment;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.DispatchRequest;
import io.vela4j.dispatch.Dispatcher;
import io.vela4j.dispatch.Dispatchers;
import io.vela4j.dispatch.Manifest;
import io.vela4j.dispatch.MemberCluster;
import io.vela4j.dispatch.Overrider;
import io.vela4j.dispatch.Placement;
import io.vela4j.dispatch.ResourceSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plans a 50-object bundle (namespace, CRD and custom resource, RBAC, config, services, 10
 * Deployments, a Job) for N clusters, each with its own replicas and overrides (image tag, label,
 * args, JSON patch), through each planner. Run with {@code -prof gc} for allocations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 2, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class DispatchPlanBenchmark {

  @Param({"10", "100", "1000", "10000"})
  public int clusters;

  @Param({"ocm", "karmada", "direct"})
  public String via;

  private DispatchRequest request;
  private Dispatcher dispatcher;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Builds the bundle and placement. */
  @Setup(Level.Trial)
  public void setUp() {
    request = request(clusters);
    dispatcher = Dispatchers.discover().get(via);
  }

  /** The benchmark bundle: 50 objects. */
  public static Bundle bundle() {
    List<Manifest> ms = new ArrayList<>();
    ms.add(Manifest.of(obj("v1", "Namespace", null, "bench")));
    ObjectNode crd =
        obj("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "gadgets.example.com");
    ObjectNode spec = crd.putObject("spec");
    spec.put("group", "example.com").put("scope", "Namespaced");
    spec.putObject("names").put("kind", "Gadget").put("plural", "gadgets");
    spec.putArray("versions")
        .addObject()
        .put("name", "v1")
        .put("served", true)
        .put("storage", true);
    ms.add(Manifest.of(crd));
    ms.add(Manifest.of(obj("example.com/v1", "Gadget", "bench", "g")));
    ms.add(Manifest.of(obj("rbac.authorization.k8s.io/v1", "ClusterRole", null, "bench-reader")));
    for (int i = 0; i < 10; i++) {
      ms.add(Manifest.of(obj("v1", "ServiceAccount", "bench", "sa-" + i)));
      ObjectNode cm = obj("v1", "ConfigMap", "bench", "cm-" + i);
      cm.putObject("data").put("key", "value-" + i).put("greeting", "hello world ".repeat(10));
      ms.add(Manifest.of(cm));
      ObjectNode svc = obj("v1", "Service", "bench", "svc-" + i);
      svc.putObject("spec").putArray("ports").addObject().put("port", 80).put("targetPort", 8080);
      ms.add(Manifest.of(svc));
      ObjectNode dep = obj("apps/v1", "Deployment", "bench", "app-" + i);
      ObjectNode ds = dep.putObject("spec");
      ds.put("replicas", 2);
      ds.putObject("selector").putObject("matchLabels").put("app", "app-" + i);
      ObjectNode pod = ds.putObject("template");
      pod.putObject("metadata").putObject("labels").put("app", "app-" + i);
      ObjectNode c = pod.putObject("spec").putArray("containers").addObject();
      c.put("name", "main").put("image", "registry.example.com/team/app-" + i + ":1.0");
      c.putArray("args").add("--port=8080");
      ms.add(Manifest.of(dep));
    }
    ObjectNode job = obj("batch/v1", "Job", "bench", "migrate");
    job.putObject("spec")
        .putObject("template")
        .putObject("spec")
        .putArray("containers")
        .addObject()
        .put("name", "m")
        .put("image", "registry.example.com/team/migrate:1.0");
    ms.add(Manifest.of(job));
    while (ms.size() < 50) {
      ms.add(Manifest.of(obj("v1", "Secret", "bench", "secret-" + ms.size())));
    }
    return new Bundle("bench", "1", ms);
  }

  /** The request for {@code n} clusters, each with distinct replicas and overrides. */
  public static DispatchRequest request(int n) {
    List<ClusterAssignment> cs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = String.format("cluster-%05d", i);
      List<Overrider> overrides =
          List.of(
              new Overrider.Image(
                  Overrider.ImageComponent.TAG,
                  Overrider.Operator.REPLACE,
                  "1." + i,
                  new ResourceSelector(null, "Deployment", null, null)),
              new Overrider.Labels(
                  Overrider.Operator.ADD, Map.of("cluster", name), ResourceSelector.ALL),
              new Overrider.ContainerArgs(
                  "main",
                  Overrider.ListOperator.ADD,
                  List.of("--zone=" + (i % 7)),
                  ResourceSelector.ALL),
              new Overrider.JsonPatch(
                  List.of(
                      new Overrider.PatchOp(
                          Overrider.Operator.ADD, "/data/cluster", F.textNode(name))),
                  ResourceSelector.of("ConfigMap", "cm-0")));
      cs.add(new ClusterAssignment(new MemberCluster(name, Map.of()), 1 + i % 5, overrides));
    }
    return DispatchRequest.of(bundle(), new Placement(cs), DispatchPolicy.defaults());
  }

  private static ObjectNode obj(
      String apiVersion, String kind, @org.jspecify.annotations.Nullable String ns, String name) {
    ObjectNode o = F.objectNode();
    o.put("apiVersion", apiVersion).put("kind", kind);
    ObjectNode m = o.putObject("metadata").put("name", name);
    if (ns != null) {
      m.put("namespace", ns);
    }
    return o;
  }

  /** Plans the bundle through the selected planner. */
  @Benchmark
  public DispatchPlan plan() {
    return dispatcher.plan(request);
  }
}
