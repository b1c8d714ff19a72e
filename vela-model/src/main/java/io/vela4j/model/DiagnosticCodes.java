package io.vela4j.model;

/**
 * Every diagnostic code of Vela4J: the stable, upper-case identifier of a {@link Diagnostic}
 * ({@link Diagnostic#code()}). Tools and tests should compare codes with these constants (or their
 * values), never parse messages.
 *
 * <p>One scheme for every module. A code names the problem, not the module that found it, and has
 * one of these forms:
 *
 * <ul>
 *   <li>{@code MISSING_<THING>}, {@code EMPTY_<THING>}: a required thing is absent, or present but
 *       empty;
 *   <li>{@code UNKNOWN_<THING>}: a name refers to nothing known (or a field the format lacks);
 *   <li>{@code INVALID_<THING>}: present but malformed, or breaking the thing's own rules;
 *   <li>{@code DUPLICATE_<THING>}: two things with one identity;
 *   <li>{@code UNSUPPORTED_<THING>}, {@code UNEXPECTED_<THING>}, {@code INCOMPLETE_<THING>}: valid
 *       elsewhere but not supported here; present where it is not allowed; not concrete;
 *   <li>{@code <THING>_TOO_LARGE} (or {@code _TOO_LONG}, {@code _TOO_SHORT}, {@code _TOO_DEEP}),
 *       {@code TOO_MANY_<THINGS>}, {@code TOO_FEW_<THINGS>}, {@code <THING>_OUT_OF_RANGE}: a limit;
 *   <li>{@code <OPERATION>_FAILED}: an operation failed (reading, a template, applying);
 *   <li>{@code <THING>_<CONDITION>}: a named condition ({@code _CONFLICT}, {@code _CYCLE}, {@code
 *       _MISMATCH}, {@code _NO_MATCH}, {@code _IGNORED}, ...), mostly warnings.
 * </ul>
 *
 * <p>Each code is declared once, here, whichever module reports it; the table in {@code
 * docs/diagnostic-codes.md} lists them with their severity and the modules that report them (a test
 * keeps both in step). Codes never change meaning; a renamed code is listed in the table's history.
 */
public final class DiagnosticCodes {
  private DiagnosticCodes() {}

  // ---- reading

  /** The input is not valid YAML. Severity: error; reported by vela-model. */
  public static final String INVALID_YAML = "INVALID_YAML";

  /** The input is not valid JSON. Severity: error; reported by vela-model. */
  public static final String INVALID_JSON = "INVALID_JSON";

  /**
   * YAML indentation is wrong, or a {@code :} is missing. Severity: error; reported by vela-model.
   */
  public static final String INVALID_INDENTATION = "INVALID_INDENTATION";

  /** A tab character where YAML needs spaces. Severity: error; reported by vela-model. */
  public static final String UNEXPECTED_TAB = "UNEXPECTED_TAB";

  /** The bytes are not UTF-8. Severity: error; reported by vela-model. */
  public static final String INVALID_ENCODING = "INVALID_ENCODING";

  /** The file or stream could not be read (I/O error). Severity: error; reported by vela-model. */
  public static final String READ_FAILED = "READ_FAILED";

  /**
   * The input is larger than {@code ReadOptions.maxInputBytes}. Severity: error; reported by
   * vela-model.
   */
  public static final String INPUT_TOO_LARGE = "INPUT_TOO_LARGE";

  /**
   * A YAML line is longer than {@code ReadOptions.maxLineLength}. Severity: error; reported by
   * vela-model.
   */
  public static final String LINE_TOO_LONG = "LINE_TOO_LONG";

  /**
   * Nesting deeper than {@code ReadOptions.maxNestingDepth}. Severity: error; reported by
   * vela-model.
   */
  public static final String NESTING_TOO_DEEP = "NESTING_TOO_DEEP";

  /** More values than {@code ReadOptions.maxNodes}. Severity: error; reported by vela-model. */
  public static final String TOO_MANY_NODES = "TOO_MANY_NODES";

  /**
   * Expanding YAML aliases would create more values than {@code ReadOptions.maxNodes}. Severity:
   * error; reported by vela-model.
   */
  public static final String ALIAS_EXPANSION_TOO_LARGE = "ALIAS_EXPANSION_TOO_LARGE";

  /**
   * A string longer than {@code ReadOptions.maxStringLength}. Severity: error; reported by
   * vela-model.
   */
  public static final String VALUE_TOO_LARGE = "VALUE_TOO_LARGE";

  /** A YAML alias refers to no anchor before it. Severity: error; reported by vela-model. */
  public static final String UNKNOWN_ALIAS = "UNKNOWN_ALIAS";

  /** A mapping has the same key twice. Severity: error; reported by vela-model. */
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";

  /**
   * A file that holds exactly one document holds another number of documents. Severity: error;
   * reported by vela-model, vela-rollout, vela-dispatch-spi.
   */
  public static final String INVALID_DOCUMENT_COUNT = "INVALID_DOCUMENT_COUNT";

  /** A file that must hold a document is empty. Severity: error; reported by vela-rollout. */
  public static final String EMPTY_DOCUMENT = "EMPTY_DOCUMENT";

  /**
   * A document or rendered object is not a Kubernetes object (a mapping with {@code apiVersion},
   * {@code kind} and {@code metadata}). Severity: error; reported by vela-model, vela-render,
   * vela-dispatch-spi.
   */
  public static final String INVALID_OBJECT = "INVALID_OBJECT";

  /**
   * A known kind with an {@code apiVersion} Vela4J does not serve. Severity: error; reported by
   * vela-model.
   */
  public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";

  /**
   * A document is of another kind than the one asked for. Severity: error; reported by vela-model.
   */
  public static final String UNEXPECTED_KIND = "UNEXPECTED_KIND";

  /**
   * A required field is absent. Severity: error; reported by vela-model, vela-rollout,
   * vela-dispatch-spi.
   */
  public static final String MISSING_FIELD = "MISSING_FIELD";

  /** A required string field is empty. Severity: error; reported by vela-model, vela-rollout. */
  public static final String EMPTY_FIELD = "EMPTY_FIELD";

  /**
   * A field the format does not have (a warning in KubeVela objects unless strict, an error in
   * Vela4J's own file formats). Severity: warning or error; reported by vela-model, vela-rollout,
   * vela-dispatch-spi.
   */
  public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";

  /**
   * A known field that is not allowed together with another one. Severity: error; reported by
   * vela-dispatch-spi.
   */
  public static final String UNEXPECTED_FIELD = "UNEXPECTED_FIELD";

  /**
   * A field of a foreign format that Vela4J does not support. Severity: error; reported by
   * vela-rollout.
   */
  public static final String UNSUPPORTED_FIELD = "UNSUPPORTED_FIELD";

  /**
   * A value of the wrong JSON type (a string where an integer is needed, ...). Severity: error;
   * reported by vela-model, vela-rollout, vela-dispatch-spi.
   */
  public static final String INVALID_TYPE = "INVALID_TYPE";

  /**
   * A value that is not one of the allowed values. Severity: error; reported by vela-model,
   * vela-rollout, vela-dispatch-spi.
   */
  public static final String INVALID_ENUM = "INVALID_ENUM";

  /** A value that cannot be bound to its Java type. Severity: error; reported by vela-model. */
  public static final String INVALID_VALUE = "INVALID_VALUE";

  /**
   * A number below its minimum or above its maximum. Severity: error; reported by vela-model,
   * vela-rollout.
   */
  public static final String VALUE_OUT_OF_RANGE = "VALUE_OUT_OF_RANGE";

  // ---- schemas

  /** No CRD schema is known for the kind. Severity: error; reported by vela-model. */
  public static final String MISSING_SCHEMA = "MISSING_SCHEMA";

  /** {@code null} where the schema does not allow it. Severity: error; reported by vela-model. */
  public static final String UNEXPECTED_NULL = "UNEXPECTED_NULL";

  /**
   * A string shorter than the schema's {@code minLength}. Severity: error; reported by vela-model.
   */
  public static final String VALUE_TOO_SHORT = "VALUE_TOO_SHORT";

  /**
   * A string longer than the schema's {@code maxLength}. Severity: error; reported by vela-model.
   */
  public static final String VALUE_TOO_LONG = "VALUE_TOO_LONG";

  /**
   * A string that does not match the schema's {@code pattern}. Severity: error; reported by
   * vela-model.
   */
  public static final String PATTERN_MISMATCH = "PATTERN_MISMATCH";

  /** A list shorter than the schema's {@code minItems}. Severity: error; reported by vela-model. */
  public static final String TOO_FEW_ITEMS = "TOO_FEW_ITEMS";

  /** A list longer than the schema's {@code maxItems}. Severity: error; reported by vela-model. */
  public static final String TOO_MANY_ITEMS = "TOO_MANY_ITEMS";

  /**
   * A mapping with fewer entries than the schema's {@code minProperties}. Severity: error; reported
   * by vela-model.
   */
  public static final String TOO_FEW_PROPERTIES = "TOO_FEW_PROPERTIES";

  /**
   * A mapping with more entries than the schema's {@code maxProperties}. Severity: error; reported
   * by vela-model.
   */
  public static final String TOO_MANY_PROPERTIES = "TOO_MANY_PROPERTIES";

  /**
   * A value matches none of the schema's {@code anyOf}. Severity: error; reported by vela-model.
   */
  public static final String SCHEMA_ANY_OF_MISMATCH = "SCHEMA_ANY_OF_MISMATCH";

  /**
   * A value matches not exactly one of the schema's {@code oneOf}. Severity: error; reported by
   * vela-model.
   */
  public static final String SCHEMA_ONE_OF_MISMATCH = "SCHEMA_ONE_OF_MISMATCH";

  /** A value matches the schema's {@code not}. Severity: error; reported by vela-model. */
  public static final String SCHEMA_NOT_MISMATCH = "SCHEMA_NOT_MISMATCH";

  /**
   * A list whose items are not unique although the schema's {@code uniqueItems} says they must be.
   * Severity: error; reported by vela-model.
   */
  public static final String DUPLICATE_ITEMS = "DUPLICATE_ITEMS";

  /**
   * A definition's parameter schema that the property check does not understand; the properties of
   * that type are not checked. Severity: warning; reported by vela-model.
   */
  public static final String UNSUPPORTED_SCHEMA = "UNSUPPORTED_SCHEMA";

  // ---- application validation

  /** An Application without components. Severity: error; reported by vela-model. */
  public static final String MISSING_COMPONENTS = "MISSING_COMPONENTS";

  /**
   * A name that is not a DNS-1123 label (component, policy, step, bundle, cluster, namespace).
   * Severity: error; reported by vela-model, vela-dispatch-spi.
   */
  public static final String INVALID_NAME = "INVALID_NAME";

  /**
   * Two components, policies or steps with the same name. Severity: error; reported by vela-model.
   */
  public static final String DUPLICATE_NAME = "DUPLICATE_NAME";

  /** {@code dependsOn} forms a cycle. Severity: error; reported by vela-model. */
  public static final String DEPENDS_ON_CYCLE = "DEPENDS_ON_CYCLE";

  /** {@code dependsOn} names nothing. Severity: error; reported by vela-model. */
  public static final String UNKNOWN_DEPENDENCY = "UNKNOWN_DEPENDENCY";

  /**
   * An input {@code from} names an output no component or step produces. Severity: error; reported
   * by vela-model.
   */
  public static final String UNKNOWN_INPUT = "UNKNOWN_INPUT";

  /** Two outputs with the same name. Severity: error; reported by vela-model. */
  public static final String DUPLICATE_OUTPUT = "DUPLICATE_OUTPUT";

  /**
   * A timeout or duration that is not a Go duration such as {@code 30s} or {@code 1h30m}. Severity:
   * error; reported by vela-model.
   */
  public static final String INVALID_DURATION = "INVALID_DURATION";

  /**
   * A workflow with both {@code ref} and {@code steps}. Severity: error; reported by vela-model.
   */
  public static final String WORKFLOW_REF_CONFLICT = "WORKFLOW_REF_CONFLICT";

  /** A step group inside a step group. Severity: error; reported by vela-model. */
  public static final String SUB_STEPS_NESTED = "SUB_STEPS_NESTED";

  /**
   * {@code subSteps} on a step that is not a {@code step-group}. Severity: warning; reported by
   * vela-model.
   */
  public static final String SUB_STEPS_IGNORED = "SUB_STEPS_IGNORED";

  // ---- rendering

  /**
   * A component, trait, policy or step type names no definition. Severity: error; reported by
   * vela-model, vela-render.
   */
  public static final String UNKNOWN_DEFINITION = "UNKNOWN_DEFINITION";

  /**
   * A definition object or file is malformed (no template, bad metadata, duplicate name). Severity:
   * error; reported by vela-render.
   */
  public static final String INVALID_DEFINITION = "INVALID_DEFINITION";

  /**
   * A template does not compile or evaluate (a CUE error that is not an incomplete value, or its
   * {@code errs}). Severity: error; reported by vela-render, vela-workflow.
   */
  public static final String TEMPLATE_FAILED = "TEMPLATE_FAILED";

  /**
   * A template value that must be concrete (the workload, an output) is not. Severity: error;
   * reported by vela-render.
   */
  public static final String INCOMPLETE_OUTPUT = "INCOMPLETE_OUTPUT";

  /** A component template has no {@code output}. Severity: error; reported by vela-render. */
  public static final String MISSING_OUTPUT = "MISSING_OUTPUT";

  /**
   * A trait patch conflicts with its target, or a JSON patch operation fails. Severity: error;
   * reported by vela-render.
   */
  public static final String PATCH_CONFLICT = "PATCH_CONFLICT";

  /**
   * The parameters of a {@code kube} schematic are missing, unknown or of the wrong type. Severity:
   * error; reported by vela-render.
   */
  public static final String INVALID_PARAMETER = "INVALID_PARAMETER";

  /**
   * A policy's properties are invalid, or it cannot be applied (no cluster matches). Severity:
   * error; reported by vela-render.
   */
  public static final String INVALID_POLICY = "INVALID_POLICY";

  /**
   * A workflow step names a policy the Application does not have. Severity: error; reported by
   * vela-render.
   */
  public static final String UNKNOWN_POLICY = "UNKNOWN_POLICY";

  /**
   * A cluster name that is not among the known clusters. Severity: error; reported by vela-render,
   * vela-rollout.
   */
  public static final String UNKNOWN_CLUSTER = "UNKNOWN_CLUSTER";

  /**
   * An AppDeployment names a revision that was not supplied. Severity: error; reported by
   * vela-render.
   */
  public static final String UNKNOWN_REVISION = "UNKNOWN_REVISION";

  /**
   * An AppDeployment cluster selector matches no cluster, or its name and labels disagree.
   * Severity: error; reported by vela-render.
   */
  public static final String PLACEMENT_MISMATCH = "PLACEMENT_MISMATCH";

  /**
   * An AppDeployment revision without placement (it goes to the control plane). Severity: warning;
   * reported by vela-render.
   */
  public static final String MISSING_PLACEMENT = "MISSING_PLACEMENT";

  /**
   * Two objects of one placement or bundle with the same group, kind, namespace and name. Severity:
   * error; reported by vela-render, vela-dispatch-spi.
   */
  public static final String DUPLICATE_OBJECT = "DUPLICATE_OBJECT";

  /**
   * A health or status template failed against a live object. Severity: error; reported by
   * vela-render.
   */
  public static final String STATUS_FAILED = "STATUS_FAILED";

  /**
   * {@code spec.workflow.ref} names an external Workflow, which is not loaded offline. Severity:
   * warning; reported by vela-render.
   */
  public static final String UNSUPPORTED_WORKFLOW_REF = "UNSUPPORTED_WORKFLOW_REF";

  // ---- rollouts

  /** Not an integer or a whole percentage. Severity: error; reported by vela-rollout. */
  public static final String INVALID_AMOUNT = "INVALID_AMOUNT";

  /**
   * Not a pause ({@code MANUAL}, a duration, or seconds). Severity: error; reported by
   * vela-rollout.
   */
  public static final String INVALID_PAUSE = "INVALID_PAUSE";

  /** An explicit, empty list of steps. Severity: error; reported by vela-rollout. */
  public static final String EMPTY_STEPS = "EMPTY_STEPS";

  /**
   * {@code numBatches} differs from the number of steps. Severity: error; reported by vela-rollout.
   */
  public static final String NUM_BATCHES_MISMATCH = "NUM_BATCHES_MISMATCH";

  /**
   * Clusters are required (waves, a placement) but none are listed. Severity: error; reported by
   * vela-rollout, vela-dispatch-spi.
   */
  public static final String MISSING_CLUSTERS = "MISSING_CLUSTERS";

  /**
   * Incremental percentages that add up to more than 100%. Severity: error; reported by
   * vela-rollout.
   */
  public static final String INCREMENTS_TOO_LARGE = "INCREMENTS_TOO_LARGE";

  /** Cumulative steps that decrease. Severity: error; reported by vela-rollout. */
  public static final String INVALID_STEP_ORDER = "INVALID_STEP_ORDER";

  /**
   * A cluster listed twice (in clusters, in wave groups, in a placement). Severity: error; reported
   * by vela-rollout, vela-dispatch-spi.
   */
  public static final String DUPLICATE_CLUSTER = "DUPLICATE_CLUSTER";

  /**
   * A cluster with both or neither of {@code replicas} and {@code weight}. Severity: error;
   * reported by vela-rollout.
   */
  public static final String INVALID_CLUSTER_SIZE = "INVALID_CLUSTER_SIZE";

  /**
   * Some clusters have {@code replicas} and others a {@code weight}. Severity: error; reported by
   * vela-rollout.
   */
  public static final String CLUSTER_SIZE_MISMATCH = "CLUSTER_SIZE_MISMATCH";

  /**
   * Cluster replicas that do not add up to {@code targetReplicas}. Severity: error; reported by
   * vela-rollout.
   */
  public static final String CLUSTER_SUM_MISMATCH = "CLUSTER_SUM_MISMATCH";

  /** A wave group without clusters. Severity: error; reported by vela-rollout. */
  public static final String EMPTY_GROUP = "EMPTY_GROUP";

  /**
   * A rollout state, a workflow run or a cluster state that is malformed or does not fit the plan.
   * Severity: error; reported by vela-rollout, vela-workflow.
   */
  public static final String INVALID_STATE = "INVALID_STATE";

  /**
   * {@code waves} is given but {@code clusterMode} is not {@code WAVES}. Severity: warning;
   * reported by vela-rollout.
   */
  public static final String WAVES_IGNORED = "WAVES_IGNORED";

  /**
   * Fewer replicas than batches: batches are merged. Severity: warning; reported by vela-rollout.
   */
  public static final String BATCHES_MERGED = "BATCHES_MERGED";

  /** A cluster's first batches move no replica. Severity: warning; reported by vela-rollout. */
  public static final String EMPTY_BATCHES = "EMPTY_BATCHES";

  /**
   * The last step always reaches every replica; its value is not used. Severity: warning; reported
   * by vela-rollout.
   */
  public static final String LAST_STEP_VALUE_IGNORED = "LAST_STEP_VALUE_IGNORED";

  /**
   * A step asks for more replicas than there are; it is clamped. Severity: warning; reported by
   * vela-rollout.
   */
  public static final String STEP_CLAMPED = "STEP_CLAMPED";

  /**
   * A step rounds up to all replicas; one old replica is kept ({@code keepOneOld}). Severity:
   * warning; reported by vela-rollout.
   */
  public static final String OLD_REPLICA_KEPT = "OLD_REPLICA_KEPT";

  /** {@code batchPartition} is after the last step. Severity: warning; reported by vela-rollout. */
  public static final String PARTITION_BEYOND_END = "PARTITION_BEYOND_END";

  /** A step changes nothing. Severity: warning; reported by vela-rollout. */
  public static final String STEP_NOOP = "STEP_NOOP";

  /**
   * Replanning from a complete state: nothing is left to do. Severity: warning; reported by
   * vela-rollout.
   */
  public static final String ROLLOUT_COMPLETE = "ROLLOUT_COMPLETE";

  /**
   * The final step completed but the state is not final: it runs again. Severity: warning; reported
   * by vela-rollout.
   */
  public static final String FINAL_STEP_REPEATED = "FINAL_STEP_REPEATED";

  /**
   * The state has more new replicas than the plan has room for: the extra ones are removed.
   * Severity: warning; reported by vela-rollout.
   */
  public static final String NEW_REPLICAS_UNDONE = "NEW_REPLICAS_UNDONE";

  /**
   * Steps that plan fewer new replicas than already run keep the ones already new. Severity:
   * warning; reported by vela-rollout.
   */
  public static final String COMPLETED_WORK_KEPT = "COMPLETED_WORK_KEPT";

  // ---- dispatch planning

  /**
   * A placement file that is not a mapping, or a placement that cannot be built. Severity: error;
   * reported by vela-dispatch-spi.
   */
  public static final String INVALID_PLACEMENT = "INVALID_PLACEMENT";

  /**
   * An overrider entry with not exactly one kind. Severity: error; reported by vela-dispatch-spi.
   */
  public static final String INVALID_OVERRIDER = "INVALID_OVERRIDER";

  /**
   * A JSON patch path that is not a JSON pointer. Severity: error; reported by vela-dispatch-spi.
   */
  public static final String INVALID_POINTER = "INVALID_POINTER";

  /**
   * A field manager that is not 1 to 128 printable ASCII characters. Severity: error; reported by
   * vela-dispatch-spi.
   */
  public static final String INVALID_FIELD_MANAGER = "INVALID_FIELD_MANAGER";

  /**
   * A feedback rule with only one of {@code name} and {@code jsonPath}, or a path not starting with
   * {@code .}. Severity: error; reported by vela-dispatch-spi.
   */
  public static final String INVALID_FEEDBACK = "INVALID_FEEDBACK";

  /** A malformed {@code apiVersion}. Severity: error; reported by vela-dispatch-spi. */
  public static final String INVALID_API_VERSION = "INVALID_API_VERSION";

  /** A planner option with an invalid value. Severity: error; reported by vela-dispatch-spi. */
  public static final String INVALID_OPTION = "INVALID_OPTION";

  /**
   * A planner option the planner does not have. Severity: warning; reported by vela-dispatch-spi.
   */
  public static final String UNKNOWN_OPTION = "UNKNOWN_OPTION";

  /**
   * An object with {@code metadata.generateName} (dispatched objects need a fixed name). Severity:
   * error; reported by vela-dispatch-spi.
   */
  public static final String UNSUPPORTED_GENERATE_NAME = "UNSUPPORTED_GENERATE_NAME";

  /**
   * A kind that is neither built in nor defined by a CRD in the bundle (assumed namespaced).
   * Severity: warning; reported by vela-dispatch-spi.
   */
  public static final String UNKNOWN_KIND = "UNKNOWN_KIND";

  /** No dispatcher has the id. Severity: error; reported by vela-dispatch-spi. */
  public static final String UNKNOWN_DISPATCHER = "UNKNOWN_DISPATCHER";

  /**
   * Two dispatchers have one id; the first wins. Severity: warning; reported by vela-dispatch-spi.
   */
  public static final String DUPLICATE_DISPATCHER = "DUPLICATE_DISPATCHER";

  /**
   * A cluster gets 0 replicas: its workloads are delivered scaled to zero. Severity: warning;
   * reported by vela-dispatch-spi.
   */
  public static final String CLUSTER_ZERO_REPLICAS = "CLUSTER_ZERO_REPLICAS";

  /**
   * An overrider or a replica count matches no object it can change. Severity: warning; reported by
   * vela-dispatch-spi.
   */
  public static final String OVERRIDER_NO_MATCH = "OVERRIDER_NO_MATCH";

  /**
   * An overrider cannot be applied to an object. Severity: error; reported by vela-dispatch-spi.
   */
  public static final String OVERRIDER_FAILED = "OVERRIDER_FAILED";

  /**
   * Overriders change an object's apiVersion, kind, namespace or name. Severity: error; reported by
   * vela-dispatch-spi.
   */
  public static final String OVERRIDER_CHANGED_IDENTITY = "OVERRIDER_CHANGED_IDENTITY";

  /**
   * The replicas of all clusters add up to more than an int. Severity: error; reported by
   * vela-dispatch-spi.
   */
  public static final String REPLICAS_TOO_LARGE = "REPLICAS_TOO_LARGE";

  /**
   * An object larger than {@code policy.maxPayloadBytes}. Severity: error; reported by
   * vela-dispatch-spi.
   */
  public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

  /**
   * A generated name longer than the target system allows. Severity: error; reported by
   * vela-dispatch-spi.
   */
  public static final String NAME_TOO_LONG = "NAME_TOO_LONG";

  /**
   * The inventory namespace is not created by the bundle; it must already exist. Severity: warning;
   * reported by vela-dispatch-spi.
   */
  public static final String INVENTORY_NAMESPACE_OUTSIDE_BUNDLE =
      "INVENTORY_NAMESPACE_OUTSIDE_BUNDLE";

  /**
   * A feedback rule for a kind the bundle lacks. Severity: warning; reported by vela-dispatch-spi.
   */
  public static final String FEEDBACK_NO_MATCH = "FEEDBACK_NO_MATCH";

  /**
   * {@code ocm.scheduling=placement} with objects that differ between clusters
   * (ManifestWorkReplicaSet has no per-cluster overrides). Severity: error; reported by
   * vela-dispatch-spi.
   */
  public static final String UNSUPPORTED_PER_CLUSTER_CHANGES = "UNSUPPORTED_PER_CLUSTER_CHANGES";

  /**
   * An OCM Placement without {@code clusterSets}. Severity: warning; reported by vela-dispatch-spi.
   */
  public static final String MISSING_CLUSTER_SETS = "MISSING_CLUSTER_SETS";

  /**
   * The plan needs a feature gate that is off by default (OCM ManifestWorkReplicaSet). Severity:
   * warning; reported by vela-dispatch-spi.
   */
  public static final String FEATURE_GATE_REQUIRED = "FEATURE_GATE_REQUIRED";

  // ---- applying

  /**
   * Server-side apply found a field owned by another manager. Severity: error; reported by
   * vela-dispatch-kube.
   */
  public static final String APPLY_CONFLICT = "APPLY_CONFLICT";

  /** Applying an object failed. Severity: error; reported by vela-dispatch-kube. */
  public static final String APPLY_FAILED = "APPLY_FAILED";

  /** Deleting an object failed. Severity: error; reported by vela-dispatch-kube. */
  public static final String DELETE_FAILED = "DELETE_FAILED";

  /**
   * An awaited object (a CRD, a ManifestWork) did not become ready in time. Severity: error;
   * reported by vela-dispatch-kube.
   */
  public static final String OBJECT_NOT_READY = "OBJECT_NOT_READY";

  /**
   * Pruning an object that left the plan failed. Severity: error; reported by vela-dispatch-kube.
   */
  public static final String PRUNE_FAILED = "PRUNE_FAILED";

  /** Writing the ApplySet inventory failed. Severity: error; reported by vela-dispatch-kube. */
  public static final String INVENTORY_FAILED = "INVENTORY_FAILED";

  /**
   * A target failed as a whole (no connection, an unexpected error). Severity: error; reported by
   * vela-dispatch-kube.
   */
  public static final String TARGET_FAILED = "TARGET_FAILED";

  /** The kubeconfig file does not exist. Severity: error; reported by vela-dispatch-kube. */
  public static final String MISSING_KUBECONFIG = "MISSING_KUBECONFIG";

  /** The kubeconfig cannot be parsed. Severity: error; reported by vela-dispatch-kube. */
  public static final String INVALID_KUBECONFIG = "INVALID_KUBECONFIG";

  /** The kubeconfig has no contexts. Severity: error; reported by vela-dispatch-kube. */
  public static final String MISSING_CONTEXTS = "MISSING_CONTEXTS";

  /**
   * The kubeconfig has no current context and none was named. Severity: error; reported by
   * vela-dispatch-kube.
   */
  public static final String MISSING_CURRENT_CONTEXT = "MISSING_CURRENT_CONTEXT";

  /**
   * The kubeconfig has no context of that name. Severity: error; reported by vela-dispatch-kube.
   */
  public static final String UNKNOWN_CONTEXT = "UNKNOWN_CONTEXT";

  // ---- workflows

  /**
   * Malformed steps: duplicate names, an unknown {@code dependsOn}, a bad mode or timeout.
   * Severity: error; reported by vela-workflow.
   */
  public static final String INVALID_WORKFLOW = "INVALID_WORKFLOW";

  /**
   * A step type names no built-in step and no WorkflowStepDefinition. Severity: error; reported by
   * vela-workflow.
   */
  public static final String UNKNOWN_STEP_TYPE = "UNKNOWN_STEP_TYPE";

  /**
   * A step template uses an action no provider handles. Severity: error; reported by vela-workflow.
   */
  public static final String UNKNOWN_ACTION = "UNKNOWN_ACTION";

  /**
   * A step template imports a {@code vela/...} package Vela4J does not provide. Severity: error;
   * reported by vela-workflow.
   */
  public static final String UNKNOWN_PACKAGE = "UNKNOWN_PACKAGE";

  /** An action's inputs never became concrete. Severity: error; reported by vela-workflow. */
  public static final String INCOMPLETE_ACTION = "INCOMPLETE_ACTION";

  /**
   * An action failed: a {@code #Fail}, or a provider error. Severity: error; reported by
   * vela-workflow.
   */
  public static final String ACTION_FAILED = "ACTION_FAILED";

  /** A step's {@code timeout} passed. Severity: error; reported by vela-workflow. */
  public static final String STEP_TIMED_OUT = "STEP_TIMED_OUT";

  // ---- tools

  /**
   * {@code vela4j dry-run} was given a plain manifest, which it passes through unrendered (an error
   * with {@code --strict}). Severity: warning or error; reported by vela-cli.
   */
  public static final String OBJECT_NOT_RENDERED = "OBJECT_NOT_RENDERED";

  /**
   * Two Applications with one name ({@code vela:render} writes one file per name). Severity: error;
   * reported by vela-maven-plugin.
   */
  public static final String DUPLICATE_APPLICATION = "DUPLICATE_APPLICATION";
}
