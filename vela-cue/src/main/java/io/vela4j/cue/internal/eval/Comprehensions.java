package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Conjunct.CloseInfo;
import io.vela4j.cue.internal.eval.Conjunct.Hist;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Comprehensions: {@code for}, {@code if} and {@code let} clauses, run once the fields they read
 * are known.
 *
 * <p>The comprehensions of a struct literal are queued when the literal is added and run after the
 * node's other conjuncts, so a guard or source may refer to fields declared anywhere. {@link
 * #clauses} walks the clauses: {@code for} reads its source with its default taken, freezes it if
 * it is still being evaluated (a comprehension that adds a field to its own source is an error),
 * and iterates a struct's regular fields in insertion order or a list's elements; {@code if} needs
 * a concrete bool; {@code let} opens a frame with one let vertex. Each yield embeds the body into
 * the node (struct comprehensions) or appends an element (list comprehensions). A comprehension or
 * dynamic field whose guard, source or label is still incomplete is retried after other
 * comprehensions made progress (order independence), and only then reported.
 */
final class Comprehensions {
  private Comprehensions() {}

  /**
   * A comprehension of a struct literal, run once the fields it reads are known; {@code cyc}
   * records whether the literal arrived through a cyclic reference, so that what it yields counts
   * as cyclic too (structural-cycle detection).
   */
  record Comp(
      Adt.CompD d,
      Env env,
      CloseInfo litCi,
      @Nullable Hist hist,
      LabelChain.Cursor chain,
      int cyc) {}

  /** Runs a comprehension; returns an incomplete error if it yielded nothing and may retry. */
  static Atom.@Nullable Bottom runComp(NodeContext n, Comp c) {
    int[] yields = {0};
    Set<String> missingBefore = n.missingSnapshot();
    try {
      clauses(
          n.ev,
          c.d().clauses(),
          0,
          c.env(),
          n,
          env -> {
            yields[0]++;
            n.pendingChain = c.chain();
            n.add(
                new Conjunct(
                    c.d().body(),
                    env,
                    Closedness.enterEmbedding(n, c.litCi(), c.d().body()),
                    c.hist()),
                c.cyc());
            n.pendingChain = null;
          });
    } catch (BottomEx b) {
      if (b.bottom.incomplete() && yields[0] == 0) {
        n.restoreMissing(missingBefore);
        return b.bottom;
      }
      n.errorsForUpdate().add(b.bottom);
    }
    return null;
  }

  static void clauses(
      Evaluation ev,
      List<Adt.Clause> cs,
      int i,
      @Nullable Env env,
      NodeContext self,
      Consumer<Env> yield) {
    if (i == cs.size()) {
      yield.accept(env);
      return;
    }
    if (cs.get(i) instanceof Adt.ForC f) {
      Vertex src = ev.operand(f.source(), env);
      if (src.state == Vertex.EVALUATING && src.ctx != null) {
        src.ctx.freeze();
      }
      int srcKind = src.kind;
      if (src.state == Vertex.EVALUATING && src.ctx != null && src.ctx.listSeen) {
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.CYCLE, "cycle error: list comprehension over itself", f.pos()));
      }
      if (src.state == Vertex.EVALUATING && src.ctx != null) {
        srcKind = src.ctx.listSeen ? Vertex.K_LIST : Vertex.K_STRUCT;
      }
      switch (srcKind) {
        case Vertex.K_STRUCT -> {
          for (Vertex a : new ArrayList<>(src.arcs.values())) {
            if (!a.isRegularField()) {
              continue;
            }
            Env b =
                f.key() == null
                    ? Env.bind(env, f.value(), a)
                    : Env.bind(env, f.key(), new Atom.Str(Labels.display(a.label)), f.value(), a);
            clauses(ev, cs, i + 1, b, self, yield);
          }
        }
        case Vertex.K_LIST -> {
          int k = 0;
          for (Vertex a : src.elements()) {
            Env b =
                f.key() == null
                    ? Env.bind(env, f.value(), a)
                    : Env.bind(env, f.key(), Atom.Num.ofLong(k), f.value(), a);
            k++;
            clauses(ev, cs, i + 1, b, self, yield);
          }
        }
        case Vertex.K_BOTTOM -> throw new BottomEx(src.err);
        case Vertex.K_SCALAR ->
            throw new BottomEx(
                Atom.Bottom.fatal(
                    CueError.Kind.OTHER,
                    "cannot range over "
                        + src.scalar
                        + " (found "
                        + Atom.kindName(src.scalar.kindMask())
                        + ", want list or struct)",
                    f.pos()));
        default ->
            throw new BottomEx(
                Atom.Bottom.incomplete(
                    "cannot range over incomplete value " + Evaluation.describe(src), f.pos()));
      }
    } else if (cs.get(i) instanceof Adt.IfC c) {
      Atom b = ev.concrete(ev.operand(c.cond(), env), c.pos());
      if (!(b instanceof Atom.Bool bb)) {
        throw new BottomEx(
            Atom.Bottom.fatal(
                CueError.Kind.OTHER,
                "cannot use " + b + " (type " + Atom.kindName(b.kindMask()) + ") as type bool",
                c.pos()));
      }
      if (bb.b()) {
        clauses(ev, cs, i + 1, env, self, yield);
      }
    } else if (cs.get(i) instanceof Adt.LetC l) {
      Vertex lv = new Vertex(self.v, "let " + l.name());
      lv.isLet = true;
      lv.arcType = Adt.ArcType.REGULAR;
      lv.addConjunct(new Conjunct(l.expr(), env, Conjunct.CloseInfo.EMPTY, null));
      clauses(ev, cs, i + 1, Env.bind(env, l.name(), lv), self, yield);
    }
  }

  /**
   * Runs the comprehensions, dynamic fields and deferred references of a node until none is left:
   * one that is incomplete is retried as long as another one made progress, and reported only when
   * nothing moves any more. Then the declarations the node's embedded own fields got meanwhile are
   * added ({@link References#copyGrownOwnFields}), and all of it runs again until nothing is new.
   */
  static void runAll(NodeContext n) {
    do {
      runPending(n);
    } while (References.copyGrownOwnFields(n));
  }

  private static void runPending(NodeContext n) {
    if (n.dyns.isEmpty() && n.comps.isEmpty() && n.deferredRefs.isEmpty()) {
      return; // most nodes: nothing waits
    }
    List<Comp> waitingComps = new ArrayList<>();
    List<Structs.Dyn> waitingDyns = new ArrayList<>();
    List<NodeContext.Task> waitingRefs = new ArrayList<>();
    List<Atom.Bottom> waitingErrs = new ArrayList<>();
    List<@Nullable Vertex> waitingCycles = new ArrayList<>(); // per error, the vertex its cycle met
    while (!n.dyns.isEmpty() || !n.comps.isEmpty() || !n.deferredRefs.isEmpty()) {
      boolean progress = false;
      if (!n.deferredRefs.isEmpty()) {
        // the lists are taken, not copied: what is deferred or added now goes to new ones
        List<NodeContext.Task> rs = n.deferredRefs;
        n.deferredRefs = List.of();
        for (NodeContext.Task t : rs) {
          n.add(t.c(), t.cyc());
        }
        progress = n.deferredRefs.size() < rs.size();
        waitingRefs.addAll(n.deferredRefs);
        n.deferredRefs = List.of();
        n.drainTasks();
      }
      List<Structs.Dyn> ds = n.dyns;
      n.dyns = List.of();
      for (Structs.Dyn d : ds) {
        n.ev.forgetCycle();
        Atom.Bottom b = Structs.runDyn(n, d);
        if (b == null) {
          progress = true;
        } else {
          waitingDyns.add(d);
          waitingErrs.add(b);
          waitingCycles.add(n.ev.cycleAt);
        }
      }
      n.drainTasks();
      List<Comp> cps = n.comps;
      n.comps = List.of();
      for (Comp c : cps) {
        n.ev.forgetCycle();
        Atom.Bottom b = runComp(n, c);
        if (b == null) {
          progress = true;
        } else {
          waitingComps.add(c);
          waitingErrs.add(b);
          waitingCycles.add(n.ev.cycleAt);
        }
      }
      n.drainTasks();
      if (n.comps.isEmpty()
          && n.dyns.isEmpty()
          && n.deferredRefs.isEmpty()
          && (!waitingErrs.isEmpty() || !waitingRefs.isEmpty())) {
        if (progress) {
          // What was incomplete may depend on fields added since: run it again (order
          // independence).
          n.compsForUpdate().addAll(waitingComps);
          n.dynsForUpdate().addAll(waitingDyns);
          n.deferredRefsForUpdate().addAll(waitingRefs);
        } else {
          for (int i = 0; i < waitingErrs.size(); i++) {
            if (!Cycles.partial(n, waitingErrs.get(i), waitingCycles.get(i))) {
              n.errorsForUpdate().add(waitingErrs.get(i));
            }
          }
          n.noDefer = true;
          for (NodeContext.Task t : waitingRefs) {
            n.add(t.c(), t.cyc());
          }
          n.noDefer = false;
          n.drainTasks();
        }
        waitingComps.clear();
        waitingDyns.clear();
        waitingRefs.clear();
        waitingErrs.clear();
        waitingCycles.clear();
      }
    }
  }
}
