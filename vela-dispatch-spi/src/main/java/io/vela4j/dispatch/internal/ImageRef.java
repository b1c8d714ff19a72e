package io.vela4j.dispatch.internal;

import org.jspecify.annotations.Nullable;

/**
 * A container image reference split the way Karmada's image overrider splits it: {@code
 * hostname/repository[:tag|@digest]}, where the hostname is everything before the first '/'
 * (Karmada's {@code SplitHostname}; so {@code library/nginx} has hostname {@code library}), and a
 * reference with both a tag and a digest keeps only the tag. Immutable.
 */
public final class ImageRef {
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
    // The grammar of distribution's reference.Parse, checked by hand (hot path of every plan).
    String rest = image;
    String digest = "";
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!isDigest(digest)) {
        return null;
      }
    }
    String tag = "";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!isTag(tag)) {
        return null;
      }
    }
    if (rest.isEmpty() || rest.length() > 255) {
      return null;
    }
    java.util.List<String> parts = Json.split(rest, '/');
    for (int i = 0; i < parts.size(); i++) {
      boolean ok =
          isPathComponent(parts.get(i)) || (i == 0 && parts.size() > 1 && isDomain(parts.get(i)));
      if (!ok) {
        return null;
      }
    }
    int slash = rest.indexOf('/');
    String host = slash < 0 ? "" : rest.substring(0, slash);
    String repo = slash < 0 ? rest : rest.substring(slash + 1);
    return new ImageRef(host, repo, tag, tag.isEmpty() ? digest : "");
  }

  private static boolean alnumLower(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean alnum(char c) {
    return alnumLower(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean word(char c) {
    return alnum(c) || c == '_';
  }

  /** {@code [a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*}. */
  static boolean isPathComponent(String s) {
    int n = s.length();
    if (n == 0 || !alnumLower(s.charAt(0)) || !alnumLower(s.charAt(n - 1))) {
      return false;
    }
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (alnumLower(c)) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !alnumLower(s.charAt(j))) {
        j++;
      }
      String sep = s.substring(i, j);
      boolean valid =
          sep.equals(".")
              || sep.equals("_")
              || sep.equals("__")
              || sep.chars().allMatch(x -> x == '-');
      if (!valid) {
        return false;
      }
      i = j;
    }
    return true;
  }

  /**
   * A domain: dot-separated labels ({@code [a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?}), or an IPv6
   * literal, with an optional port.
   */
  static boolean isDomain(String s) {
    String host = s;
    int colon = s.lastIndexOf(':');
    if (colon >= 0 && colon > s.lastIndexOf(']')) {
      String port = s.substring(colon + 1);
      if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
        return false;
      }
      host = s.substring(0, colon);
    }
    if (host.startsWith("[")) {
      return host.length() > 2
          && host.endsWith("]")
          && host.substring(1, host.length() - 1)
              .chars()
              .allMatch(c -> c == ':' || Character.digit(c, 16) >= 0);
    }
    if (host.isEmpty()) {
      return false;
    }
    for (String label : Json.split(host, '.')) {
      int n = label.length();
      if (n == 0 || !alnum(label.charAt(0)) || !alnum(label.charAt(n - 1))) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!alnum(label.charAt(i)) && label.charAt(i) != '-') {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code [\w][\w.-]{0,127}}. */
  static boolean isTag(String s) {
    if (s.isEmpty() || s.length() > 128 || !word(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!word(c) && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}}. */
  static boolean isDigest(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String hex = s.substring(colon + 1);
    if (hex.length() < 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return false;
    }
    String alg = s.substring(0, colon);
    boolean expectLetter = true;
    for (int i = 0; i < alg.length(); i++) {
      char c = alg.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (expectLetter) {
        if (!letter) {
          return false;
        }
        expectLetter = false;
      } else if (c == '-' || c == '_' || c == '+' || c == '.') {
        expectLetter = true;
      } else if (!alnum(c)) {
        return false;
      }
    }
    return !expectLetter;
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
    if (isTag(v)) {
      return new ImageRef(hostname, repository, v, "");
    }
    if (isDigest(v)) {
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
