package io.vela4j.dispatch;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * A named, versioned set of manifests to dispatch together. Immutable.
 *
 * <p>Rejects what OCM's ManifestWork webhook rejects: duplicate objects (same group, kind,
 * namespace and name, whatever the version) and objects without a name (the latter is enforced by
 * {@link Manifest}).
 *
 * @param id the bundle name, used in generated object names: a DNS-1123 label (lower-case
 *     alphanumerics and '-', at most 63 characters)
 * @param revision the bundle revision (free text, such as {@code 3} or a git hash), recorded on
 *     generated objects
 * @param manifests the objects, in the caller's order (planners sort them)
 */
public record Bundle(String id, String revision, List<Manifest> manifests) {

  /** Validates and copies the components. */
  public Bundle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(revision, "revision");
    manifests = List.copyOf(manifests);
    var problems = new ArrayList<Diagnostic>();
    if (!isDnsLabel(id)) {
      problems.add(
          Diagnostic.error(
                  DiagnosticCodes.INVALID_NAME, "the bundle name is not a DNS-1123 label", "bundle")
              .withFacts(
                  "lower-case alphanumerics and '-', at most 63 characters", "'" + id + "'"));
    }
    var seen = new HashMap<ResourceKey, Integer>();
    for (int i = 0; i < manifests.size(); i++) {
      ResourceKey k = manifests.get(i).key();
      Integer first = seen.putIfAbsent(k, i);
      if (first != null) {
        problems.add(
            Diagnostic.error(
                    DiagnosticCodes.DUPLICATE_OBJECT,
                    k.display()
                        + " appears twice (manifests #"
                        + (first + 1)
                        + " and #"
                        + (i + 1)
                        + ")",
                    "manifests[" + i + "]")
                .withFacts("each group/kind/namespace/name once", k.display()));
      }
    }
    if (!problems.isEmpty()) {
      throw new DispatchException(problems);
    }
  }

  /**
   * A bundle with revision {@code "1"}.
   *
   * @param id the bundle name
   * @param manifests the objects
   * @return the bundle
   */
  public static Bundle of(String id, List<Manifest> manifests) {
    return new Bundle(id, "1", manifests);
  }

  /**
   * Whether {@code s} is a DNS-1123 label.
   *
   * @param s the string
   * @return true for 1 to 63 lower-case alphanumerics or '-', starting and ending alphanumeric
   */
  public static boolean isDnsLabel(String s) {
    if (s.isEmpty() || s.length() > 63) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (c != '-' || i == 0 || i == s.length() - 1)) {
        return false;
      }
    }
    return true;
  }
}
