package io.vela4j.dispatch;

import java.util.Map;

/**
 * The order in which kinds are applied: the delivery wave of each kind. In dispatch a <em>wave</em>
 * is a stage of one target's deliveries ({@link Delivery#wave()}): an executor finishes a wave
 * before it starts the next. (A rollout's waves, {@code io.vela4j.rollout.ClusterWaves}, are groups
 * of clusters over time; they are a different thing.) Waves follow the kind ranks of OCM's work
 * agent ({@code resourceApplyOrder}, ocm PR #1500), except that unknown kinds (custom resources)
 * come before webhooks and API services, so that webhooks whose backends are not ready yet do not
 * block our own objects:
 *
 * <ol start="0">
 *   <li>{@link #FOUNDATION}: Namespace, CustomResourceDefinition, PriorityClass, StorageClass,
 *       PersistentVolume, PodSecurityPolicy
 *   <li>{@link #RBAC}: Role, RoleBinding, ClusterRole, ClusterRoleBinding
 *   <li>{@link #POLICY}: NetworkPolicy, ResourceQuota, LimitRange, PodDisruptionBudget,
 *       ServiceAccount
 *   <li>{@link #CONFIG}: Secret, ConfigMap, PersistentVolumeClaim
 *   <li>{@link #SERVICES}: Service
 *   <li>{@link #WORKLOADS}: Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
 *       ReplicationController, HorizontalPodAutoscaler, Job, CronJob
 *   <li>{@link #OTHER}: every other kind, including custom resources
 *   <li>{@link #WEBHOOKS}: APIService, Validating/MutatingWebhookConfiguration,
 *       ValidatingAdmissionPolicy(Binding)
 * </ol>
 *
 * Stateless and thread-safe.
 */
public final class ApplyOrder {
  /** Namespaces, CRDs and other cluster foundations. */
  public static final int FOUNDATION = 0;

  /** RBAC. */
  public static final int RBAC = 1;

  /** Namespace policies and service accounts. */
  public static final int POLICY = 2;

  /** Configuration and storage claims. */
  public static final int CONFIG = 3;

  /** Services. */
  public static final int SERVICES = 4;

  /** Workloads. */
  public static final int WORKLOADS = 5;

  /** Unknown kinds and custom resources. */
  public static final int OTHER = 6;

  /** Webhooks and API services. */
  public static final int WEBHOOKS = 7;

  private static final Map<String, Integer> RANKS =
      Map.ofEntries(
          Map.entry("/Namespace", FOUNDATION),
          Map.entry("apiextensions.k8s.io/CustomResourceDefinition", FOUNDATION),
          Map.entry("scheduling.k8s.io/PriorityClass", FOUNDATION),
          Map.entry("storage.k8s.io/StorageClass", FOUNDATION),
          Map.entry("/PersistentVolume", FOUNDATION),
          Map.entry("policy/PodSecurityPolicy", FOUNDATION),
          Map.entry("rbac.authorization.k8s.io/Role", RBAC),
          Map.entry("rbac.authorization.k8s.io/RoleBinding", RBAC),
          Map.entry("rbac.authorization.k8s.io/ClusterRole", RBAC),
          Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", RBAC),
          Map.entry("networking.k8s.io/NetworkPolicy", POLICY),
          Map.entry("/ResourceQuota", POLICY),
          Map.entry("/LimitRange", POLICY),
          Map.entry("policy/PodDisruptionBudget", POLICY),
          Map.entry("/ServiceAccount", POLICY),
          Map.entry("/Secret", CONFIG),
          Map.entry("/ConfigMap", CONFIG),
          Map.entry("/PersistentVolumeClaim", CONFIG),
          Map.entry("/Service", SERVICES),
          Map.entry("/Pod", WORKLOADS),
          Map.entry("apps/Deployment", WORKLOADS),
          Map.entry("apps/StatefulSet", WORKLOADS),
          Map.entry("apps/DaemonSet", WORKLOADS),
          Map.entry("apps/ReplicaSet", WORKLOADS),
          Map.entry("/ReplicationController", WORKLOADS),
          Map.entry("autoscaling/HorizontalPodAutoscaler", WORKLOADS),
          Map.entry("batch/Job", WORKLOADS),
          Map.entry("batch/CronJob", WORKLOADS),
          Map.entry("apiregistration.k8s.io/APIService", WEBHOOKS),
          Map.entry("admissionregistration.k8s.io/ValidatingWebhookConfiguration", WEBHOOKS),
          Map.entry("admissionregistration.k8s.io/MutatingWebhookConfiguration", WEBHOOKS),
          Map.entry("admissionregistration.k8s.io/ValidatingAdmissionPolicy", WEBHOOKS),
          Map.entry("admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding", WEBHOOKS));

  private ApplyOrder() {}

  /**
   * The delivery wave of a key's kind.
   *
   * @param key the object key
   * @return 0 ({@link #FOUNDATION}) to 7 ({@link #WEBHOOKS})
   */
  public static int waveOf(ResourceKey key) {
    return RANKS.getOrDefault(key.group() + "/" + key.kind(), OTHER);
  }

  /**
   * Whether the key is a CustomResourceDefinition.
   *
   * @param key the key
   * @return true for {@code apiextensions.k8s.io} CustomResourceDefinition
   */
  public static boolean isCrd(ResourceKey key) {
    return key.group().equals("apiextensions.k8s.io")
        && key.kind().equals("CustomResourceDefinition");
  }
}
