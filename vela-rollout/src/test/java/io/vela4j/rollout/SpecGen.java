package io.vela4j.rollout;

import io.vela4j.rollout.RolloutSpec.ClusterMode;
import io.vela4j.rollout.RolloutSpec.Mode;
import io.vela4j.rollout.RolloutSpec.Order;
import io.vela4j.rollout.RolloutSpec.Semantics;
import io.vela4j.rollout.RolloutSpec.Style;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** Valid random specs for property tests, derived deterministically from a seed. */
final class SpecGen {
  private SpecGen() {}

  static RolloutSpec random(long seed) {
    var r = new Random(seed);
    var b = RolloutSpec.builder();
    int source = r.nextInt(61);
    b.sourceReplicas(source);
    b.mode(r.nextInt(5) == 0 ? Mode.SCALE : Mode.ROLLOUT);
    b.style(Style.values()[r.nextInt(3)]);
    b.order(Order.values()[r.nextInt(2)]);
    var semantics = Semantics.values()[r.nextInt(2)];
    b.semantics(semantics);
    b.keepOneOld(r.nextInt(4) != 0);
    int stepCount;
    if (r.nextInt(4) == 0) {
      stepCount = 1 + r.nextInt(8);
      b.numBatches(stepCount);
    } else {
      stepCount = 1 + r.nextInt(6);
      b.steps(steps(r, stepCount, semantics));
    }
    b.maxSurge(amount(r));
    b.maxUnavailable(amount(r));
    if (r.nextBoolean()) {
      b.batchPartition(r.nextInt(stepCount + 2));
    }
    int clusters = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(4);
    var list = new ArrayList<RolloutCluster>();
    boolean sized = r.nextBoolean();
    int sum = 0;
    for (int c = 0; c < clusters; c++) {
      if (sized) {
        int size = r.nextInt(20);
        sum += size;
        list.add(RolloutCluster.sized("c" + c, size));
      } else {
        list.add(RolloutCluster.weighted("c" + c, 1 + r.nextInt(5)));
      }
    }
    b.clusters(list);
    if (clusters > 0 && sized) {
      b.targetReplicas(sum);
    } else {
      b.targetReplicas(r.nextInt(3) == 0 ? r.nextInt(61) : source);
    }
    if (clusters > 0) {
      var mode = ClusterMode.values()[r.nextInt(3)];
      b.clusterMode(mode);
      if (mode == ClusterMode.WAVES && r.nextBoolean()) {
        var groups = new ArrayList<List<String>>();
        if (r.nextBoolean()) {
          groups.add(List.of("c" + r.nextInt(clusters)));
        }
        var mc =
            r.nextBoolean()
                ? IntOrPercent.of(1 + r.nextInt(3))
                : IntOrPercent.percent(1 + r.nextInt(100));
        b.waves(new ClusterWaves(groups, mc));
      }
    }
    return b.build();
  }

  private static @Nullable IntOrPercent amount(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> null;
      case 1 -> IntOrPercent.of(r.nextInt(6));
      default -> IntOrPercent.percent(r.nextInt(101));
    };
  }

  private static List<RolloutStep> steps(Random r, int k, Semantics semantics) {
    boolean percent = r.nextInt(3) != 0;
    var values = new int[k];
    if (semantics == Semantics.CUMULATIVE) {
      for (int i = 0; i < k; i++) {
        values[i] = percent ? r.nextInt(101) : r.nextInt(70);
      }
      Arrays.sort(values);
    } else {
      int budget = 100;
      for (int i = 0; i < k; i++) {
        values[i] = percent ? r.nextInt(budget + 1) : r.nextInt(15);
        if (percent) {
          budget -= values[i];
        }
      }
    }
    var out = new ArrayList<RolloutStep>();
    for (int i = 0; i < k; i++) {
      IntOrPercent v =
          r.nextInt(8) == 0
              ? null
              : percent ? IntOrPercent.percent(values[i]) : IntOrPercent.of(values[i]);
      Pause pause =
          switch (r.nextInt(4)) {
            case 0 -> Pause.manual();
            case 1 -> Pause.of(Duration.ofSeconds(30));
            default -> null;
          };
      IntOrPercent mu = r.nextInt(5) == 0 ? IntOrPercent.of(r.nextInt(4)) : null;
      out.add(new RolloutStep(v, pause, mu));
    }
    return out;
  }
}
