package io.vela4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run of the {@code ./vela4j} launcher's class-data archive: the launcher runs this
 * class once per build of the CLI jar with {@code -XX:ArchiveClassesAtExit}, and later runs map the
 * classes it loaded (parsed, verified and linked) from the archive instead of loading them from the
 * jar. It does what a short CLI run does: builds the command line of every subcommand and prints
 * the help, and exports a batch of KubeVela-shaped CUE templates (a component, a trait, a rejected
 * instance) to JSON and YAML and evaluates one, so that the classes of parsing, evaluation, export
 * and error reporting are all archived. Its output is discarded.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** A component template in the style of KubeVela's webservice, with its parameter filled. */
  static final String COMPONENT =
      """
      import "strings"

      // a port of the container, exposed by the service when there is one
      #Port: {port: int & >0 & <65536, name?: string, protocol: *"TCP" | "UDP"}
      parameter: {
      	image:     string
      	replicas:  *1 | int & >=0
      	cmd?:      [...string]
      	ports:     [...#Port]
      	env?:      [string]: string
      	labels?:   [string]: string
      	cpu?:      string
      	probe?:    {path: string, port: int}
      	mounts?:   [...{name: string, mountPath: string, readOnly: *false | bool}]
      }
      context: {name: string, namespace: *"default" | string, appName: string}
      output: {
      	apiVersion: "apps/v1"
      	kind:       "Deployment"
      	metadata: {
      		name:      context.name
      		namespace: context.namespace
      		labels: {
      			"app.oam.dev/name":      context.appName
      			"app.oam.dev/component": context.name
      			if parameter.labels != _|_ {parameter.labels}
      		}
      	}
      	spec: {
      		replicas: parameter.replicas
      		selector: matchLabels: "app.oam.dev/component": context.name
      		template: spec: containers: [{
      			name:  strings.ToLower(context.name)
      			image: parameter.image
      			if parameter.cmd != _|_ {command: parameter.cmd}
      			ports: [for i, p in parameter.ports {
      				containerPort: p.port
      				protocol:      p.protocol
      				name:          *"port-\\(i)" | string
      				if p.name != _|_ {name: p.name}
      			}]
      			if parameter.env != _|_ {env: [for k, v in parameter.env {name: k, value: v}]}
      			if parameter.cpu != _|_ {resources: {limits: cpu: parameter.cpu, requests: cpu: parameter.cpu}}
      			if parameter.probe != _|_ {
      				livenessProbe: httpGet: {path: parameter.probe.path, port: parameter.probe.port}
      			}
      			if parameter.mounts != _|_ {volumeMounts: [for m in parameter.mounts {m}]}
      		}]
      	}
      }
      outputs: {
      	if len(parameter.ports) > 0 {
      		service: {
      			apiVersion: "v1"
      			kind:       "Service"
      			metadata: name: "\\(context.name)-svc"
      			spec: ports: [for p in parameter.ports {port: p.port, targetPort: p.port}]
      		}
      	}
      }
      parameter: {
      	image:    "registry.example.com/shop/cart:2.1.0"
      	replicas: 3
      	ports: [{port: 8080, name: "http"}, {port: 9090}]
      	env: {MODE: "prod", LEVEL: "info"}
      	labels: team: "shop"
      	cpu: "250m"
      	probe: {path: "/healthz", port: 8080}
      	mounts: [{name: "cfg", mountPath: "/etc/cart"}]
      }
      context: {name: "Cart", appName: "shop"}
      """;

  /** A trait patching the containers of its workload by name, with its parameter filled. */
  static final String TRAIT =
      """
      parameter: {container: string, env: [string]: string, limits?: {cpu?: string, memory?: string}}
      context: output: spec: template: spec: containers: [...{name: string, ...}]
      patch: spec: template: spec: containers: [for c in context.output.spec.template.spec.containers {
      	name: c.name
      	if c.name == parameter.container {
      		env: [for k, v in parameter.env {name: k, value: v}]
      		if parameter.limits != _|_ {resources: limits: parameter.limits}
      	}
      }]
      parameter: {container: "app", env: {A: "1", B: "2"}, limits: memory: "128Mi"}
      context: output: spec: template: spec: containers: [{name: "init"}, {name: "app"}]
      """;

  /** An instance that CUE rejects: a conflict, an unsatisfied bound and a syntax error. */
  static final String[] REJECTED = {
    "replicas: 2\nreplicas: 3\n", "#D: {port: int & <100}\nv: #D & {port: 8080}\n", "a: {b: [1, \n"
  };

  /**
   * Runs the training.
   *
   * @param args ignored
   * @throws IOException if the temporary directory of the batch cannot be written
   */
  public static void main(String[] args) throws IOException {
    var sink = new PrintWriter(new StringWriter());
    var cl = Vela4jCommand.commandLine();
    cl.setOut(sink);
    cl.setErr(sink);
    cl.execute("--help");
    var dir = Files.createTempDirectory("vela4j-cds");
    try {
      Files.writeString(dir.resolve("component.cue"), COMPONENT, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("trait.cue"), TRAIT, StandardCharsets.UTF_8);
      for (int i = 0; i < REJECTED.length; i++) {
        Files.writeString(
            dir.resolve("rejected" + i + ".cue"), REJECTED[i], StandardCharsets.UTF_8);
      }
      // twice: the second round runs what the first one compiled
      for (int round = 0; round < 2; round++) {
        CueCommand.Export.parse(new String[] {"cue", "export", "--batch", dir.toString()})
            .execute(sink, sink);
      }
      var component = dir.resolve("component.cue").toString();
      CueCommand.Export.parse(new String[] {"cue", "export", "--out", "yaml", component})
          .execute(sink, sink);
      cl = Vela4jCommand.commandLine();
      cl.setOut(sink);
      cl.setErr(sink);
      cl.execute("cue", "eval", "-e", "outputs", component);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(CdsTraining::delete);
      }
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
