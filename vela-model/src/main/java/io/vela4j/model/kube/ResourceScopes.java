package io.vela4j.model.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An offline table of kind → (plural resource, namespaced): the built-in Kubernetes kinds, extended
 * by the CustomResourceDefinitions found in a bundle and by explicit registration. Planning needs
 * it without a cluster: OCM's {@code resourceIdentifier} uses plural resources, and cluster-scoped
 * objects must not carry a namespace. Immutable and thread-safe; {@code with...} methods return new
 * instances.
 */
public final class ResourceScopes {

  private static final ResourceScopes BUILTIN = new ResourceScopes(builtinTable());

  private final Map<String, ResourceScope> byGroupKind;

  private ResourceScopes(Map<String, ResourceScope> byGroupKind) {
    this.byGroupKind = byGroupKind;
  }

  /** The built-in Kubernetes kinds (core, apps, batch, RBAC, networking, storage, ...). */
  public static ResourceScopes builtin() {
    return BUILTIN;
  }

  /**
   * A copy with one more (or a replaced) kind.
   *
   * @param scope the kind's scope
   * @return the new table
   */
  public ResourceScopes with(ResourceScope scope) {
    var m = new HashMap<>(byGroupKind);
    m.put(key(scope.group(), scope.kind()), scope);
    return new ResourceScopes(Collections.unmodifiableMap(m));
  }

  /**
   * A copy that also knows the kinds defined by the CustomResourceDefinitions among {@code objects}
   * ({@code spec.group}, {@code spec.names.kind}, {@code spec.names.plural}, {@code spec.scope}).
   * Other objects and incomplete CRDs are ignored.
   *
   * @param objects the Kubernetes objects to scan, as JSON trees
   * @return the new table, or this table when no CRD was found
   */
  public ResourceScopes withCrds(Collection<? extends JsonNode> objects) {
    Map<String, ResourceScope> m = null;
    for (JsonNode object : objects) {
      if (!isCrd(object)) {
        continue;
      }
      JsonNode spec = object.path("spec");
      String group = spec.path("group").asText("");
      String kind = spec.path("names").path("kind").asText("");
      String plural = spec.path("names").path("plural").asText("");
      if (group.isEmpty() || kind.isEmpty() || plural.isEmpty()) {
        continue;
      }
      boolean namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
      if (m == null) {
        m = new HashMap<>(byGroupKind);
      }
      m.put(key(group, kind), new ResourceScope(group, kind, plural, namespaced));
    }
    return m == null ? this : new ResourceScopes(Collections.unmodifiableMap(m));
  }

  /**
   * Whether an object is a CustomResourceDefinition ({@code apiextensions.k8s.io}).
   *
   * @param object a Kubernetes object
   * @return true for a CRD
   */
  public static boolean isCrd(JsonNode object) {
    return object.path("kind").asText("").equals("CustomResourceDefinition")
        && object.path("apiVersion").asText("").startsWith("apiextensions.k8s.io/");
  }

  /**
   * Whether objects of a kind are cluster-scoped. Unknown kinds are taken as namespaced.
   *
   * @param apiVersion the object's {@code apiVersion} ({@code apps/v1}, {@code v1})
   * @param kind the kind
   * @return true when the table knows the kind as cluster-scoped
   */
  public boolean isClusterScoped(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    ResourceScope s = byGroupKind.get(key(group, kind));
    return s != null && !s.namespaced();
  }

  /**
   * The scope of a kind.
   *
   * @param group the API group ({@code ""} for core)
   * @param kind the kind
   * @return the scope, or empty when the kind is unknown
   */
  public Optional<ResourceScope> find(String group, String kind) {
    return Optional.ofNullable(byGroupKind.get(key(group, kind)));
  }

  /**
   * The plural resource of a kind, or a guess (lower-case English plural of the kind) when it is
   * unknown; callers report unknown kinds separately.
   *
   * @param group the API group
   * @param kind the kind
   * @return the plural resource name
   */
  public String pluralOrGuess(String group, String kind) {
    @Nullable ResourceScope s = byGroupKind.get(key(group, kind));
    return s != null ? s.plural() : guessPlural(kind);
  }

  /** Every known scope, sorted by group then kind. */
  public List<ResourceScope> all() {
    return byGroupKind.values().stream()
        .sorted(
            java.util.Comparator.comparing(ResourceScope::group).thenComparing(ResourceScope::kind))
        .toList();
  }

  /**
   * The lower-case English plural of a kind, as Kubernetes' {@code UnsafeGuessKindToResource} makes
   * it ({@code Policy} → {@code policies}, {@code Ingress} → {@code ingresses}).
   *
   * @param kind the kind
   * @return the guessed plural resource name
   */
  public static String guessPlural(String kind) {
    String k = kind.toLowerCase(java.util.Locale.ROOT);
    if (k.isEmpty()) {
      return k;
    }
    if (k.endsWith("s")
        || k.endsWith("x")
        || k.endsWith("z")
        || k.endsWith("ch")
        || k.endsWith("sh")) {
      return k + "es";
    }
    if (k.endsWith("y") && k.length() > 1 && "aeiou".indexOf(k.charAt(k.length() - 2)) < 0) {
      return k.substring(0, k.length() - 1) + "ies";
    }
    return k + "s";
  }

  private static String key(String group, String kind) {
    return group + "/" + kind;
  }

  private static Map<String, ResourceScope> builtinTable() {
    var m = new HashMap<String, ResourceScope>();
    Object[][] rows = {
      // group, kind, plural, namespaced
      {"", "Namespace", "namespaces", false},
      {"", "Node", "nodes", false},
      {"", "PersistentVolume", "persistentvolumes", false},
      {"", "Pod", "pods", true},
      {"", "PodTemplate", "podtemplates", true},
      {"", "Service", "services", true},
      {"", "ServiceAccount", "serviceaccounts", true},
      {"", "ConfigMap", "configmaps", true},
      {"", "Secret", "secrets", true},
      {"", "PersistentVolumeClaim", "persistentvolumeclaims", true},
      {"", "Endpoints", "endpoints", true},
      {"", "Event", "events", true},
      {"", "LimitRange", "limitranges", true},
      {"", "ResourceQuota", "resourcequotas", true},
      {"", "ReplicationController", "replicationcontrollers", true},
      {"apps", "Deployment", "deployments", true},
      {"apps", "StatefulSet", "statefulsets", true},
      {"apps", "DaemonSet", "daemonsets", true},
      {"apps", "ReplicaSet", "replicasets", true},
      {"apps", "ControllerRevision", "controllerrevisions", true},
      {"batch", "Job", "jobs", true},
      {"batch", "CronJob", "cronjobs", true},
      {"autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true},
      {"policy", "PodDisruptionBudget", "poddisruptionbudgets", true},
      {"policy", "PodSecurityPolicy", "podsecuritypolicies", false},
      {"networking.k8s.io", "NetworkPolicy", "networkpolicies", true},
      {"networking.k8s.io", "Ingress", "ingresses", true},
      {"networking.k8s.io", "IngressClass", "ingressclasses", false},
      {"discovery.k8s.io", "EndpointSlice", "endpointslices", true},
      {"coordination.k8s.io", "Lease", "leases", true},
      {"rbac.authorization.k8s.io", "Role", "roles", true},
      {"rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true},
      {"rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false},
      {"rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false},
      {"apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", false},
      {"apiregistration.k8s.io", "APIService", "apiservices", false},
      {
        "admissionregistration.k8s.io",
        "ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations",
        false
      },
      {
        "admissionregistration.k8s.io",
        "MutatingWebhookConfiguration",
        "mutatingwebhookconfigurations",
        false
      },
      {
        "admissionregistration.k8s.io",
        "ValidatingAdmissionPolicy",
        "validatingadmissionpolicies",
        false
      },
      {
        "admissionregistration.k8s.io",
        "ValidatingAdmissionPolicyBinding",
        "validatingadmissionpolicybindings",
        false
      },
      {"storage.k8s.io", "StorageClass", "storageclasses", false},
      {"storage.k8s.io", "CSIDriver", "csidrivers", false},
      {"storage.k8s.io", "VolumeAttachment", "volumeattachments", false},
      {"scheduling.k8s.io", "PriorityClass", "priorityclasses", false},
      {"node.k8s.io", "RuntimeClass", "runtimeclasses", false},
      {"certificates.k8s.io", "CertificateSigningRequest", "certificatesigningrequests", false},
    };
    for (Object[] r : rows) {
      var s = new ResourceScope((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3]);
      m.put(key(s.group(), s.kind()), s);
    }
    return Collections.unmodifiableMap(m);
  }
}
