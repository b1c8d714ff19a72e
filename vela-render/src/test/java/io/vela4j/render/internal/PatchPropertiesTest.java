package io.vela4j.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.render.spi.Patch;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of the patch engine over generated objects (QuickTheories, fixed seed in the build):
 * unification is idempotent, a patch that only repeats the target changes nothing, a JSON merge
 * patch is idempotent and deletes what it nulls, and the target is never modified.
 */
class PatchPropertiesTest {
  private static final int EXAMPLES = 1000;
  private static final Gen<Long> SEEDS = longs().all();

  /** A random object: nested objects, scalars, lists of named objects and of scalars. */
  static ObjectNode object(Random r, int depth) {
    ObjectNode o = Json.object();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String key = "k" + r.nextInt(6);
      int kind = depth > 2 ? r.nextInt(2) : r.nextInt(5);
      switch (kind) {
        case 0 -> o.put(key, "v" + r.nextInt(3));
        case 1 -> o.put(key, r.nextInt(3));
        case 2 -> o.set(key, object(r, depth + 1));
        case 3 -> {
          // list items with unique names, as containers have (KubeVela's keyed merge with
          // duplicate keys pairs items in a way no real workload relies on)
          ArrayNode a = o.putArray(key);
          int m = r.nextInt(3);
          int first = r.nextInt(4);
          for (int j = 0; j < m; j++) {
            ObjectNode e = object(r, depth + 2);
            e.put("name", "n" + (first + j));
            a.add(e);
          }
        }
        default -> {
          ArrayNode a = o.putArray(key);
          for (int j = r.nextInt(3); j > 0; j--) {
            a.add("s" + r.nextInt(3));
          }
        }
      }
    }
    return o;
  }

  /** Tags: patchKey=name on some list fields of the patch. */
  static Map<String, Map<String, String>> tags(JsonNode patch, String pointer, Random r) {
    var out = new HashMap<String, Map<String, String>>();
    patch
        .properties()
        .forEach(
            e -> {
              String p = Json.child(pointer, e.getKey());
              if (e.getValue().isArray() && r.nextBoolean()) {
                out.put(p, Map.of("patchKey", "name"));
              } else if (e.getValue().isObject()) {
                out.putAll(tags(e.getValue(), p, r));
              }
            });
    return out;
  }

  /** A sub-tree of the target: some fields dropped, lists kept whole (shorter ones conflict). */
  static JsonNode subset(JsonNode target, Random r) {
    if (!target.isObject()) {
      return target.deepCopy();
    }
    ObjectNode out = Json.object();
    target
        .properties()
        .forEach(
            e -> {
              if (r.nextInt(3) > 0) {
                out.set(e.getKey(), subset(e.getValue(), r));
              }
            });
    return out;
  }

  @Test
  void strategicUnificationIsIdempotent() {
    qt().withExamples(EXAMPLES)
        .forAll(SEEDS)
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              ObjectNode target = object(r, 0);
              ObjectNode value = object(r, 0);
              Patch patch =
                  new Patch(Patch.Strategy.STRATEGIC, value, tags(value, "", r), Map.of());
              ObjectNode once;
              try {
                once = PatchEngine.apply(target, patch);
              } catch (PatchEngine.PatchFailure conflict) {
                return; // a conflicting patch has nothing to repeat
              }
              assertThat(PatchEngine.apply(once, patch)).isEqualTo(once);
            });
  }

  @Test
  void aPatchRepeatingPartOfTheTargetChangesNothing() {
    qt().withExamples(EXAMPLES)
        .forAll(SEEDS)
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              ObjectNode target = object(r, 0);
              JsonNode value = subset(target, r);
              Patch patch =
                  new Patch(Patch.Strategy.STRATEGIC, value, tags(value, "", r), Map.of());
              assertThat(PatchEngine.apply(target, patch)).isEqualTo(target);
            });
  }

  @Test
  void mergePatchesAreIdempotentAndDeleteWhatTheyNull() {
    qt().withExamples(EXAMPLES)
        .forAll(SEEDS)
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              ObjectNode target = object(r, 0);
              ObjectNode value = object(r, 0);
              String gone = "k" + r.nextInt(6);
              value.putNull(gone);
              Patch patch = new Patch(Patch.Strategy.JSON_MERGE_PATCH, value, Map.of(), Map.of());
              ObjectNode once = PatchEngine.apply(target, patch);
              assertThat(once.has(gone)).isFalse();
              assertThat(PatchEngine.apply(once, patch)).isEqualTo(once);
            });
  }

  @Test
  void theTargetAndThePatchAreNeverModified() {
    qt().withExamples(EXAMPLES)
        .forAll(SEEDS)
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              ObjectNode target = object(r, 0);
              ObjectNode value = object(r, 0);
              JsonNode targetBefore = target.deepCopy();
              JsonNode valueBefore = value.deepCopy();
              try {
                PatchEngine.apply(
                    target,
                    new Patch(Patch.Strategy.STRATEGIC, value, tags(value, "", r), Map.of()));
              } catch (PatchEngine.PatchFailure conflict) {
                // conflicts are fine here
              }
              assertThat(target).isEqualTo(targetBefore);
              assertThat(value).isEqualTo(valueBefore);
            });
  }
}
