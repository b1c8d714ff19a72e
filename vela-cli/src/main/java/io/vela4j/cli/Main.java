package io.vela4j.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The entry point of the CLI jar. A plain {@code vela4j cue export} is run without picocli (see
 * {@link CueCommand.Export#parse}); every other command line goes to {@link Vela4jCommand}. This
 * class names no picocli type, so that the JVM, which looks at the main class's methods before it
 * runs it, loads none of picocli's classes for the plain export.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the CLI and exits with its exit code.
   *
   * @param args the command line arguments
   */
  public static void main(String[] args) {
    var export = CueCommand.Export.parse(args);
    if (export != null) {
      System.exit(run(export));
    }
    Vela4jCommand.main(args);
  }

  /**
   * Runs {@code vela4j cue export} parsed without picocli, with the output streams and the handling
   * of an unexpected exception (its stack trace, exit status 1) of picocli's {@code execute}.
   */
  private static int run(CueCommand.Export export) {
    var out = printWriter(System.out, "sun.stdout.encoding");
    var err = printWriter(System.err, "sun.stderr.encoding");
    try {
      return export.execute(out, err);
    } catch (Exception | LinkageError e) {
      e.printStackTrace(err);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A writer like picocli's for standard output and standard error. */
  private static PrintWriter printWriter(OutputStream stream, String encodingProperty) {
    String encoding = System.getProperty(encodingProperty);
    Charset charset =
        encoding == null
            ? Charset.defaultCharset()
            : Charset.forName(encoding.equalsIgnoreCase("cp65001") ? "UTF-8" : encoding);
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
  }
}
