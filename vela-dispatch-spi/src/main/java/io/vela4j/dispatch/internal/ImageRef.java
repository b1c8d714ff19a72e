package io.vela4j.dispatch.internal;

import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A container image reference split the way Karmada's image overrider splits it: {@code
 * hostname/repository[:tag|@digest]}, where the hostname is everything before the first '/'
 * (Karmada's {@code SplitHostname}; so {@code library/nginx} has hostname {@code library}), and a
 * reference with both a tag and a digest keeps only the tag. Immutable.
 */
public final class ImageRef {
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN =
      "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
          + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "^((?:"
              + DOMAIN
              + "/)?"
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*)(?::("
              + TAG
              + "))?(?:@("
              + DIGEST
              + "))?$");
  private static final Pattern ANCHORED_TAG = Pattern.compile("^" + TAG + "$");
  private static final Pattern ANCHORED_DIGEST = Pattern.compile("^" + DIGEST + "$");

  private final String hostname;
  private final String repository;
  private final String tag;
  private final String digest;

  private ImageRef(String hostname, String repository, String tag, String digest) {
    this.hostname = hostname;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses an image reference.
   *
   * @param image the reference, such as {@code registry.k8s.io/pause:3.9}
   * @return the parts, or {@code null} when it is not a valid reference
   */
  public static @Nullable ImageRef parse(String image) {
    var m = REFERENCE.matcher(image);
    if (!m.matches() || m.group(1).length() > 255) {
      return null;
    }
    String name = m.group(1);
    int slash = name.indexOf('/');
    String host = slash < 0 ? "" : name.substring(0, slash);
    String repo = slash < 0 ? name : name.substring(slash + 1);
    String tag = m.group(2) == null ? "" : m.group(2);
    String digest = tag.isEmpty() && m.group(3) != null ? m.group(3) : "";
    return new ImageRef(host, repo, tag, digest);
  }

  /** The hostname (registry), possibly empty. */
  public String hostname() {
    return hostname;
  }

  /** The repository without hostname. */
  public String repository() {
    return repository;
  }

  /** The tag, or the digest when there is no tag, possibly empty. */
  public String tagOrDigest() {
    return tag.isEmpty() ? digest : tag;
  }

  /** A copy with another hostname. */
  public ImageRef withHostname(String h) {
    return new ImageRef(h, repository, tag, digest);
  }

  /** A copy with another repository. */
  public ImageRef withRepository(String r) {
    return new ImageRef(hostname, r, tag, digest);
  }

  /**
   * A copy with the tag or digest set from {@code v}; a value that is neither a valid tag nor a
   * valid digest leaves the reference unchanged (Karmada's {@code SetTagOrDigest}).
   */
  public ImageRef withTagOrDigest(String v) {
    if (ANCHORED_TAG.matcher(v).matches()) {
      return new ImageRef(hostname, repository, v, "");
    }
    if (ANCHORED_DIGEST.matcher(v).matches()) {
      return new ImageRef(hostname, repository, "", v);
    }
    return this;
  }

  /** A copy without tag (or, when there is no tag, without digest). */
  public ImageRef withoutTagOrDigest() {
    return tag.isEmpty()
        ? new ImageRef(hostname, repository, "", "")
        : new ImageRef(hostname, repository, "", digest);
  }

  @java.lang.Override
  public String toString() {
    String full = hostname.isEmpty() ? repository : hostname + "/" + repository;
    if (!tag.isEmpty()) {
      return full + ":" + tag;
    }
    return digest.isEmpty() ? full : full + "@" + digest;
  }
}
