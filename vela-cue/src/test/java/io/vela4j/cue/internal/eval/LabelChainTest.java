package io.vela4j.cue.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelChainTest {
  /**
   * A chain behaves as a list of distinct labels and places (nodes without a label), whatever mix
   * of appends, inserts after a node (a place included), places and searches built it: the hash
   * index is made by the first search past a handful of labels, then kept up as the chain grows, a
   * search before or after must find the same nodes, and never a place.
   */
  @Test
  void aChainIsAListOfDistinctLabelsWhateverTheOrderOfInsertsAndSearches() {
    qt().forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              int pool = 5 + r.nextInt(120);
              LabelChain chain = new LabelChain(0, r.nextInt(6), 0, 0);
              List<String> order = new ArrayList<>();
              Map<String, Integer> nodeOf = new HashMap<>();
              for (int step = 0, steps = r.nextInt(300); step < steps; step++) {
                String label = "l" + r.nextInt(pool);
                Integer known = nodeOf.get(label);
                switch (r.nextInt(5)) {
                  case 0 -> {
                    chain.append(label);
                    if (known == null) {
                      nodeOf.put(label, nodeOf.size());
                      order.add(label);
                    }
                  }
                  case 1 -> {
                    String after = order.isEmpty() ? null : order.get(r.nextInt(order.size()));
                    int node = chain.insertAfter(after == null ? -1 : nodeOf.get(after), label);
                    if (known == null) {
                      nodeOf.put(label, nodeOf.size());
                      order.add(after == null ? 0 : order.indexOf(after) + 1, label);
                    }
                    assertThat(node).isEqualTo(nodeOf.get(label));
                  }
                  case 2 -> {
                    if (known == null) { // what Cursor.addNew does for a label new to the node
                      int tail = order.isEmpty() ? -1 : nodeOf.get(order.get(order.size() - 1));
                      int node = chain.insertNewAfter(tail, label);
                      nodeOf.put(label, nodeOf.size());
                      order.add(label);
                      assertThat(node).isEqualTo(nodeOf.get(label));
                    }
                  }
                  case 3 -> { // a comprehension's place, after any node
                    String after = order.isEmpty() ? null : order.get(r.nextInt(order.size()));
                    int node = chain.insertPlaceAfter(after == null ? -1 : nodeOf.get(after));
                    String place = "place " + node;
                    assertThat(node).isEqualTo(nodeOf.size());
                    nodeOf.put(place, node);
                    order.add(after == null ? 0 : order.indexOf(after) + 1, place);
                  }
                  default -> assertThat(chain.find(label)).isEqualTo(known == null ? -1 : known);
                }
              }
              List<String> walked = new ArrayList<>();
              for (int n = chain.first(); n >= 0; n = chain.after(n)) {
                String label = chain.label(n);
                walked.add(label == null ? "place " + n : label);
              }
              assertThat(walked).isEqualTo(order);
              assertThat(chain.size()).isEqualTo(order.size());
              for (int i = 0; i < pool; i++) {
                Integer node = nodeOf.get("l" + i);
                assertThat(chain.find("l" + i)).isEqualTo(node == null ? -1 : node);
              }
            });
  }
}
