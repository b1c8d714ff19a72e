package io.vela4j.cue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One compiled program evaluated from 8 threads gives the same results as sequentially (its regular
 * expressions compiled once and shared by all threads).
 */
class ThreadSafetyTest {

  private static final String TEMPLATE =
      "import \"regexp\"\n"
          + "parameter: {\n"
          + "  name: =~\"^app[0-9]+$\"\n"
          + "  replicas: *1 | int\n"
          + "  ports?: [...{port: int, name?: string}]\n"
          + "  env?: [=~\"^[A-Z]$\"]: string\n"
          + "}\n"
          + "#Container: {name: string, image: string, ports?: [...{containerPort: int}]}\n"
          + "output: {\n"
          + "  metadata: name: parameter.name\n"
          + "  metadata: labels: even: \"\\(regexp.Match(\"[02468]$\", parameter.name))\"\n"
          + "  spec: {\n"
          + "    replicas: parameter.replicas\n"
          + "    containers: [#Container & {\n"
          + "      name: parameter.name\n"
          + "      image: \"img-\\(parameter.name)\"\n"
          + "      if parameter.ports != _|_ {\n"
          + "        ports: [for p in parameter.ports {containerPort: p.port}]\n"
          + "      }\n"
          + "    }]\n"
          + "    if parameter.env != _|_ {\n"
          + "      env: [for k, v in parameter.env {name: k, value: v}]\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  @Test
  void concurrentEvaluationsMatchSequentialOnes() throws Exception {
    ObjectMapper om = new ObjectMapper();
    CueProgram program = CueCompiler.create().compile("tpl.cue", TEMPLATE);
    List<JsonNode> inputs = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String ports = i % 2 == 0 ? ",\"ports\":[{\"port\":" + (8000 + i) + "}]" : "";
      String env = i % 3 == 0 ? ",\"env\":{\"A\":\"" + i + "\",\"B\":\"b\"}" : "";
      inputs.add(
          om.readTree(
              "{\"name\":\"app" + i + "\",\"replicas\":" + (i % 5 + 1) + ports + env + "}"));
    }
    List<String> sequential = new ArrayList<>();
    for (JsonNode in : inputs) {
      sequential.add(program.evaluate(Map.of("parameter", in)).lookup("output").exportJson());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (JsonNode in : inputs) {
          futures.add(
              pool.submit(
                  () -> program.evaluate(Map.of("parameter", in)).lookup("output").exportJson()));
        }
      }
      for (int k = 0; k < futures.size(); k++) {
        assertThat(futures.get(k).get()).isEqualTo(sequential.get(k % inputs.size()));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sequential.get(0)).contains("\"containerPort\": 8000").contains("\"value\": \"0\"");
    assertThat(sequential.get(1)).doesNotContain("containerPort").doesNotContain("env");
    assertThat(sequential.get(0)).contains("\"even\": \"true\"");
    assertThat(sequential.get(1)).contains("\"even\": \"false\"");
  }

  @Test
  void aPoolOfTheCompilersThreadsCompilesAndEvaluatesAsTheCallerDoes() throws Exception {
    ObjectMapper om = new ObjectMapper();
    // deeper than a caller's stack would take without a hand-off to a large stack
    String deep = "a: " + "{b: ".repeat(3_000) + "1" + "}".repeat(3_000) + "\n";
    String expectedDeep = CueCompiler.create().compile("deep.cue", deep).evaluate().exportJson();
    List<String> sequential = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      sequential.add(
          CueCompiler.create()
              .compile("tpl.cue", TEMPLATE)
              .evaluate(Map.of("parameter", om.readTree("{\"name\":\"app" + i + "\"}")))
              .lookup("output")
              .exportJson());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4, CueCompiler.threadFactory("vela-test"));
    try {
      List<Future<String>> futures = new ArrayList<>();
      List<Future<String>> deepFutures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        JsonNode in = om.readTree("{\"name\":\"app" + i + "\"}");
        futures.add(
            pool.submit(
                () ->
                    CueCompiler.create()
                        .compile("tpl.cue", TEMPLATE)
                        .evaluate(Map.of("parameter", in))
                        .lookup("output")
                        .exportJson()));
        deepFutures.add(
            pool.submit(
                () -> CueCompiler.create().compile("deep.cue", deep).evaluate().exportJson()));
      }
      for (int i = 0; i < 16; i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
        assertThat(deepFutures.get(i).get()).isEqualTo(expectedDeep);
      }
      Thread t = pool.submit(Thread::currentThread).get();
      assertThat(t.getName()).matches("vela-test-[1-4]");
      assertThat(t.isDaemon()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }
}
