package io.vela4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./vela4j} launcher's class-data archive: made once per jar by the training run, used
 * when valid, made again when the jar changes, and never in the way: a run works, and prints
 * nothing of the JVM's, when the archive is missing, refused or cannot be made. Also when it
 * rebuilds the jar, and which JIT compilers a run gets. The launcher runs here on a small jar of
 * its own (a main class and a training class), so that no build is needed.
 */
class LauncherTest {
  @TempDir Path root;
  @TempDir Path work;
  private Path jar;
  private Path jsa;

  private static final String MAIN =
      """
      package demo;
      public class Main {
        public static void main(String[] args) {
          System.out.println("hello " + String.join(" ", args));
        }
      }
      """;

  private static final String TRAINING =
      """
      package io.vela4j.cli;
      public class CdsTraining {
        public static void main(String[] args) {
          demo.Main.main(new String[] {"training"});
        }
      }
      """;

  @BeforeEach
  void setUp() throws IOException {
    var launcher = Path.of("..", "vela4j").toAbsolutePath().normalize();
    assumeTrue(Files.isRegularFile(launcher), "the launcher is at the repository's root");
    assumeTrue(isExecutable("bash") && isExecutable("java"), "bash and java are on PATH");
    Files.copy(launcher, root.resolve("vela4j"));
    jar = Files.createDirectories(root.resolve("vela-cli/target")).resolve("vela4j.jar");
    jsa = jar.resolveSibling("vela4j.jsa");
  }

  private static boolean isExecutable(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** Compiles the sources (outside the launcher's root) into the jar, with demo.Main as main. */
  private void buildJar(String... sources) throws IOException {
    var src = Files.createDirectories(work.resolve("src"));
    var classes = Files.createDirectories(work.resolve("classes"));
    var args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
    for (String source : sources) {
      String pkg = source.substring(8, source.indexOf(';')).trim();
      String name = source.substring(source.indexOf("class ") + 6, source.indexOf(" {")).trim();
      var file =
          Files.createDirectories(src.resolve(pkg.replace('.', '/'))).resolve(name + ".java");
      Files.writeString(file, source);
      args.add(file.toString());
    }
    var javac = ToolProvider.getSystemJavaCompiler();
    assumeTrue(javac != null, "a JDK's compiler");
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
    var manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.Main");
    try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        var files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
  }

  private record Run(int code, String out, String err) {}

  private Run launch(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("bash", root.resolve("vela4j").toString()));
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command).directory(work.toFile());
    pb.environment().remove("VELA4J_JAVA_OPTS");
    pb.environment().remove("VELA4J_CDS");
    pb.environment().putAll(env);
    var out = work.resolve("out.txt");
    var err = work.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    var p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Run launch(String... args) throws IOException, InterruptedException {
    return launch(Map.of(), args);
  }

  /** Whether demo.Main came from the archive, as the JVM's class loading log says. */
  private boolean mainFromArchive() throws IOException, InterruptedException {
    var log = work.resolve("classes.log");
    var r =
        launch(
            Map.of("VELA4J_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xlog:class+load=info:file=" + log),
            "x");
    assertThat(r.out()).isEqualTo("hello x\n");
    return Files.readAllLines(log).stream()
        .anyMatch(l -> l.contains(" demo.Main ") && l.contains("shared objects file"));
  }

  @Test
  void theFirstRunMakesTheArchiveAndLaterRunsMapIt() throws Exception {
    buildJar(MAIN, TRAINING);
    var first = launch("a", "b");
    assertThat(first).isEqualTo(new Run(0, "hello a b\n", ""));
    assertThat(jsa).isRegularFile();
    assertThat(jsa.resolveSibling("vela4j.jsa.key")).isRegularFile();
    assertThat(launch("c")).isEqualTo(new Run(0, "hello c\n", ""));
    assertThat(mainFromArchive()).isTrue();
    try (var files = Files.list(jsa.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("vela4j.jar", "vela4j.jsa", "vela4j.jsa.key");
    }
  }

  @Test
  void onlyAModulesMainSourceResourceOrPomNewerThanTheJarRebuildsIt() throws Exception {
    buildJar(MAIN, TRAINING);
    var past = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(jar, past);
    for (String notInJar :
        new String[] {"m/src/test/java/T.java", "examples/e/src/main/java/E.java", "m/README.md"}) {
      var file = root.resolve(notInJar);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
      assertThat(launch("a")).as(notInJar).isEqualTo(new Run(0, "hello a\n", ""));
    }
    for (String inJar :
        new String[] {
          "m/src/main/java/M.java", "m/src/main/resources/r.txt", "m/pom.xml", "pom.xml"
        }) {
      var file = root.resolve(inJar);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
      // the build itself fails here (no Maven Wrapper in this root): it was started
      var r = launch("a");
      assertThat(r.err()).as(inJar).contains("vela4j: building the CLI jar");
      assertThat(r.code()).as(inJar).isNotZero();
      Files.setLastModifiedTime(file, FileTime.fromMillis(past.toMillis() - 60_000));
    }
  }

  @Test
  void aRebuiltJarGetsANewArchive() throws Exception {
    buildJar(MAIN, TRAINING);
    launch("a");
    var key = jsa.resolveSibling("vela4j.jsa.key");
    assertThat(Files.getLastModifiedTime(key)).isEqualTo(Files.getLastModifiedTime(jar));
    for (long shift : new long[] {60_000, -3_600_000}) { // a newer jar, and one from the past
      var made = Files.getLastModifiedTime(jsa);
      var time = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + shift);
      Files.setLastModifiedTime(jar, time);
      Thread.sleep(1_100); // file times may have a resolution of a second
      assertThat(launch("b")).isEqualTo(new Run(0, "hello b\n", ""));
      assertThat(Files.getLastModifiedTime(key)).isEqualTo(time);
      assertThat(Files.getLastModifiedTime(jsa)).isGreaterThan(made);
      assertThat(mainFromArchive()).isTrue();
    }
  }

  @Test
  void anArchiveThatTheJvmRefusesIsIgnoredSilently() throws Exception {
    buildJar(MAIN, TRAINING);
    launch("a");
    Files.delete(jsa); // read-only, as the JVM writes it
    Files.writeString(jsa, "not an archive");
    assertThat(launch("b")).isEqualTo(new Run(0, "hello b\n", ""));
    assertThat(mainFromArchive()).isFalse();
    // options under which the JVM cannot map any archive
    assertThat(launch(Map.of("VELA4J_JAVA_OPTS", "-XX:-UseCompressedOops"), "c"))
        .isEqualTo(new Run(0, "hello c\n", ""));
  }

  /** A training run that fails, after noting that it ran in the file TRAINING_LOG names. */
  private static final String FAILING_TRAINING =
      """
      package io.vela4j.cli;
      public class CdsTraining {
        public static void main(String[] args) throws Exception {
          java.nio.file.Files.writeString(
              java.nio.file.Path.of(System.getenv("TRAINING_LOG")), "ran\\n",
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
          System.err.println("training failed");
          System.exit(1);
        }
      }
      """;

  @Test
  void whenNoArchiveCanBeMadeTheCliRunsWithoutAndDoesNotTryAgain() throws Exception {
    buildJar(MAIN, FAILING_TRAINING);
    var trainings = work.resolve("trainings.txt");
    var env = Map.of("TRAINING_LOG", trainings.toString());
    assertThat(launch(env, "a")).isEqualTo(new Run(0, "hello a\n", ""));
    assertThat(launch(env, "b")).isEqualTo(new Run(0, "hello b\n", ""));
    assertThat(Files.readAllLines(trainings)).containsExactly("ran");
    try (var files = Files.list(jsa.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("vela4j.jar", "vela4j.jsa.key");
    }
    assertThat(mainFromArchive()).isFalse();
  }

  @Test
  void cdsOffMakesNoArchive() throws Exception {
    buildJar(MAIN, TRAINING);
    assertThat(launch(Map.of("VELA4J_CDS", "off"), "a")).isEqualTo(new Run(0, "hello a\n", ""));
    assertThat(jsa).doesNotExist();
  }

  /**
   * Prints the highest tier the JIT compiles to (1: C1 alone; 4, the default: C1 then C2) and, with
   * C1 alone, the largest method it inlines (the launcher's 15 bytes, or the default 35).
   */
  private static final String JIT_MAIN =
      """
      package demo;
      public class Main {
        public static void main(String[] args) {
          var jvm = java.lang.management.ManagementFactory.getPlatformMXBean(
              com.sun.management.HotSpotDiagnosticMXBean.class);
          String tier = jvm.getVMOption("TieredStopAtLevel").getValue();
          System.out.println(tier.equals("1")
              ? tier + " " + jvm.getVMOption("C1MaxInlineSize").getValue() : tier);
        }
      }
      """;

  @Test
  void onlyARunOnAFileOfMoreThanSixMebibytesGetsTheOptimisingCompiler() throws Exception {
    buildJar(JIT_MAIN, TRAINING);
    var small = Files.writeString(work.resolve("small.cue"), "a: 1\n").toString();
    var sixMiB = sized("six.cue", 6L << 20).toString();
    sized("(large.cue", (6L << 20) + 1); // a name find would take for an operator
    sized("-large.cue", (6L << 20) + 1); // and one it would take for an option
    var large = work.resolve("(large.cue").toString();
    assertThat(launch("cue", "export", small).out()).isEqualTo("1 15\n");
    assertThat(launch("cue", "export", sixMiB).out()).isEqualTo("1 15\n");
    assertThat(launch("cue", "export", "--batch", work.toString()).out()).isEqualTo("1 15\n");
    assertThat(launch("cue", "export", "-").out()).isEqualTo("1 15\n");
    assertThat(launch("cue", "export", small, large).out()).isEqualTo("4\n");
    assertThat(launch("cue", "export", "(large.cue").out()).isEqualTo("4\n"); // relative
    assertThat(launch("cue", "export", "-large.cue").out()).isEqualTo("4\n");
    // VELA4J_JAVA_OPTS replaces the choice with the user's
    assertThat(launch(Map.of("VELA4J_JAVA_OPTS", "-XX:TieredStopAtLevel=2"), small).out())
        .isEqualTo("2\n");
    assertThat(launch(Map.of("VELA4J_JAVA_OPTS", "-XX:TieredStopAtLevel=1"), small).out())
        .isEqualTo("1 35\n");
  }

  private Path sized(String name, long size) throws IOException {
    var file = work.resolve(name);
    try (var f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }
}
