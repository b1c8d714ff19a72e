package io.vela4j.workflow.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.dispatch.kube.ApiServer;
import io.vela4j.dispatch.kube.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * An API server in memory: applies store the object (a Deployment gets the status a controller
 * would give it once its pods are ready), gets, lists and deletes read and change the store.
 */
final class InMemoryApiServer implements ApiServer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  final Map<String, GenericKubernetesResource> objects = new ConcurrentSkipListMap<>();
  final List<String> calls = new ArrayList<>();
  volatile boolean failReads;

  private static String key(ObjectRef ref) {
    return ref.groupKind()
        + "/"
        + (ref.namespace() == null ? "" : ref.namespace())
        + "/"
        + ref.name();
  }

  @Override
  public synchronized GenericKubernetesResource apply(
      GenericKubernetesResource object, String fieldManager, boolean force) {
    ObjectRef ref = ObjectRef.of(object);
    calls.add("apply " + key(ref) + " by " + fieldManager + (force ? " (force)" : ""));
    ObjectNode tree = MAPPER.valueToTree(object);
    ObjectNode meta = (ObjectNode) tree.get("metadata");
    meta.put("generation", 1);
    meta.put("uid", "uid-" + ref.name());
    if (object.getKind().equals("Deployment")) {
      int replicas = tree.path("spec").path("replicas").asInt(1);
      ObjectNode status = tree.putObject("status");
      status.put("observedGeneration", 1);
      status.put("replicas", replicas);
      status.put("readyReplicas", replicas);
      status.put("updatedReplicas", replicas);
    }
    GenericKubernetesResource stored = MAPPER.convertValue(tree, GenericKubernetesResource.class);
    objects.put(key(ref), stored);
    return stored;
  }

  @Override
  public synchronized Optional<GenericKubernetesResource> get(ObjectRef ref) {
    calls.add("get " + key(ref));
    if (failReads) {
      throw new io.vela4j.dispatch.kube.ApiServerException(
          io.vela4j.dispatch.kube.ApiServerException.Kind.PERMANENT, 403, "reads are forbidden");
    }
    return Optional.ofNullable(objects.get(key(ref)));
  }

  @Override
  public synchronized boolean delete(ObjectRef ref, boolean orphanDependents) {
    calls.add("delete " + key(ref));
    return objects.remove(key(ref)) != null;
  }

  @Override
  public synchronized List<GenericKubernetesResource> list(
      String apiVersion, String kind, @Nullable String namespace, Map<String, String> labels) {
    calls.add("list " + kind);
    var out = new ArrayList<GenericKubernetesResource>();
    for (GenericKubernetesResource o : objects.values()) {
      Map<String, String> have =
          o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
      if (o.getApiVersion().equals(apiVersion)
          && o.getKind().equals(kind)
          && (namespace == null || namespace.equals(o.getMetadata().getNamespace()))
          && have.entrySet().containsAll(labels.entrySet())) {
        out.add(o);
      }
    }
    return out;
  }
}
