package io.vela4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code vela4j} command line in-process and captures what it prints. */
final class Cli {
  private Cli() {}

  /** The exit code and the text written to standard output and standard error. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cl = Vela4jCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
