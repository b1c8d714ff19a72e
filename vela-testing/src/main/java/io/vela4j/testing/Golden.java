package io.vela4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: expected output kept next to the tests, compared byte for byte. A missing file is
 * written on the first run (and the test fails, so that it is reviewed and committed); with the
 * system property {@value #UPDATE} set to {@code true} every compared file is rewritten. A mismatch
 * fails with a unified diff.
 *
 * <pre>{@code
 * Golden.assertMatches("render/shop.yaml", yaml);   // src/test/resources/golden/render/shop.yaml
 * }</pre>
 */
public final class Golden {
  /** The system property that rewrites golden files: {@code -Dvela4j.golden.update=true}. */
  public static final String UPDATE = "vela4j.golden.update";

  private static final Path DEFAULT_DIR = Path.of("src", "test", "resources", "golden");
  private static final int CONTEXT = 3;

  private Golden() {}

  /**
   * Compares {@code actual} with {@code src/test/resources/golden/<name>}.
   *
   * @param name the file's path below the golden directory
   * @param actual the output
   * @throws AssertionFailedError when they differ (with a unified diff) or the file was missing
   */
  public static void assertMatches(String name, String actual) {
    assertMatches(DEFAULT_DIR.resolve(name), actual);
  }

  /**
   * Compares {@code actual} with a golden file.
   *
   * @param file the golden file
   * @param actual the output
   * @throws AssertionFailedError when they differ (with a unified diff) or the file was missing
   */
  public static void assertMatches(Path file, String actual) {
    try {
      boolean update = Boolean.getBoolean(UPDATE);
      if (update || !Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        if (!update) {
          throw new AssertionFailedError(
              "golden file " + file + " did not exist: it was written; review and commit it");
        }
        return;
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        throw new AssertionFailedError(
            "output differs from golden file "
                + file
                + " (rewrite it with -D"
                + UPDATE
                + "=true):\n"
                + diff(expected, actual, file.toString()),
            expected,
            actual);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unified diff (three lines of context) from {@code expected} to {@code actual}. */
  static String diff(String expected, String actual, String name) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    // longest common subsequence, enough for test outputs of a few thousand lines
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    record Line(char op, String text, int ai, int bi) {}
    var lines = new ArrayList<Line>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        lines.add(new Line(' ', a.get(i), i++, j++));
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        lines.add(new Line('-', a.get(i), i++, j));
      } else {
        lines.add(new Line('+', b.get(j), i, j++));
      }
    }
    var sb = new StringBuilder("--- ").append(name).append("\n+++ actual\n");
    int k = 0;
    while (k < lines.size()) {
      if (lines.get(k).op() == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      int quiet = 0;
      while (end < lines.size() && quiet <= 2 * CONTEXT) {
        quiet = lines.get(end).op() == ' ' ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(lines.size(), end - Math.max(0, quiet - CONTEXT));
      Line first = lines.get(start);
      int aCount = 0;
      int bCount = 0;
      for (int x = start; x < end; x++) {
        if (lines.get(x).op() != '+') {
          aCount++;
        }
        if (lines.get(x).op() != '-') {
          bCount++;
        }
      }
      sb.append("@@ -")
          .append(first.ai() + 1)
          .append(',')
          .append(aCount)
          .append(" +")
          .append(first.bi() + 1)
          .append(',')
          .append(bCount)
          .append(" @@\n");
      for (int x = start; x < end; x++) {
        sb.append(lines.get(x).op()).append(lines.get(x).text()).append('\n');
      }
      k = end;
    }
    return sb.toString();
  }
}
