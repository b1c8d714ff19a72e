package io.vela4j.cue.internal.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A node of the evaluated value graph: a field, list element, let or temporary. Mutable only during
 * its evaluation (owned by one {@link Evaluation}); immutable once the evaluation finished.
 */
final class Vertex {
  static final byte NEW = 0;
  static final byte EVALUATING = 1;
  static final byte EVALUATED = 2;

  static final byte K_TOP = 0;
  static final byte K_BOTTOM = 1;
  static final byte K_SCALAR = 2;
  static final byte K_CONSTRAINT = 3;
  static final byte K_STRUCT = 4;
  static final byte K_LIST = 5;
  static final byte K_DISJ = 6;

  final @Nullable Vertex parent;
  final String label;

  /** Whether the label is that of a regular field (not a definition, hidden field or let). */
  private final boolean regularLabel;

  /** The number of ancestors (0 for a root or temporary). */
  final int depth;

  /** Whether an ancestor is a definition: references to this vertex close it (Closedness). */
  final boolean inDefinition;

  /**
   * Set when the finished struct is closed: looking up a label it lacks and none of {@link
   * #lookupFilters} matches is a fatal error, not an incomplete one (Closedness).
   */
  boolean closedToLookups;

  /** The label filters of the patterns of a struct closed to lookups. */
  List<Vertex> lookupFilters = List.of();

  /**
   * The conjuncts, only ever appended: null (none), the only {@link Conjunct} (nearly every vertex
   * has exactly one), or a {@code Conjunct[]} whose length doubles as it fills. Kept in the vertex
   * itself, not in a list object: a struct of 10^6 fields has 10^6 vertices.
   */
  private @Nullable Object conjunctElems;

  private int conjunctCount;

  Adt.@Nullable ArcType arcType;
  boolean isLet;
  List<String> docs = List.of();

  byte state = NEW;
  @Nullable Vertex forward;

  /** The vertex this one is a disjunct clone of, if any. */
  @Nullable Vertex cloneOf;

  byte kind = K_TOP;
  @Nullable Atom scalar;
  List<Atom> constraints = List.of();
  int kindMask = Atom.ALL;
  Atom.@Nullable Bottom err;

  /**
   * The fields or elements, in insertion order; the shared empty {@link Arcs#NONE} until the first
   * is added ({@link #addNewArc}) or room is made for them ({@link #expectArcs}), as most vertices
   * are scalars; then arcs of its own.
   */
  Arcs arcs = Arcs.NONE;

  boolean listOpen;
  @Nullable List<Vertex> disjuncts;

  /**
   * The default marks of {@link #disjuncts}, except when that list is a {@link SharedAlternatives},
   * which keeps them: read them through {@link Defaults#marked} and {@link Defaults#allMarked}.
   */
  boolean @Nullable [] defaults;

  Atom.@Nullable Bottom notAllowed;
  boolean finalized;

  /**
   * Once the whole tree below this vertex is finalized and would export without an error: the
   * number of values in it and its height, which a field that only refers to it counts as its own
   * when it shares it ({@link Evaluation#finalizeDeep}), and whose fatal errors the export need not
   * look for ({@link Exporter#collectFatal}); -1 until then, and for any other tree.
   */
  int treeSize = -1;

  int treeHeight;

  /** A constant taken directly from a literal in an operand position (never more concrete). */
  boolean literal;

  List<Atom.Validator> validators = List.of();

  /**
   * The regular fields in export order, computed by {@link Order#fields} from {@link #orderChains}
   * the first time they are asked for (most structs of a template are never exported: parameters,
   * definitions, eliminated disjuncts).
   */
  Order.@Nullable Ranked fieldOrder;

  /** The label chains of the struct literals, kept when a struct is finished. */
  @Nullable List<LabelChain> orderChains;

  /** Evaluation-time state (null when not evaluating). */
  @Nullable NodeContext ctx;

  /** Appends a conjunct. */
  void addConjunct(Conjunct c) {
    Objects.requireNonNull(c, "conjunct");
    int n = conjunctCount;
    if (n == 0) {
      conjunctElems = c;
    } else if (conjunctElems instanceof Conjunct first) {
      conjunctElems = new Conjunct[] {first, c, null, null};
    } else {
      Conjunct[] a = (Conjunct[]) conjunctElems;
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
        conjunctElems = a;
      }
      a[n] = c;
    }
    conjunctCount = n + 1;
  }

  /** Appends conjuncts in order. */
  void addConjuncts(List<Conjunct> cs) {
    for (int i = 0; i < cs.size(); i++) {
      addConjunct(cs.get(i));
    }
  }

  int conjunctCount() {
    return conjunctCount;
  }

  /** The conjunct at index i, {@code 0 <= i < conjunctCount()}. */
  Conjunct conjunct(int i) {
    if (i < 0 || i >= conjunctCount) {
      throw new IndexOutOfBoundsException("conjunct " + i + " of " + conjunctCount);
    }
    return conjunctElems instanceof Conjunct c ? c : ((Conjunct[]) conjunctElems)[i];
  }

  /** The conjuncts as they are now, in order: a copy that later additions do not change. */
  List<Conjunct> conjuncts() {
    return switch (conjunctCount) {
      case 0 -> List.of();
      case 1 -> List.of((Conjunct) conjunctElems);
      default ->
          Collections.unmodifiableList(
              Arrays.asList(Arrays.copyOf((Conjunct[]) conjunctElems, conjunctCount)));
    };
  }

  /** Makes room for {@code n} arcs, if this vertex has none yet (a struct literal's fields). */
  void expectArcs(int n) {
    if (arcs == Arcs.NONE && n > 2) {
      arcs = new Arcs(n);
    }
  }

  /** Adds a field or element whose label this vertex does not have yet. */
  void addNewArc(Vertex a) {
    if (arcs == Arcs.NONE) {
      arcs = new Arcs();
    }
    arcs.addNew(a);
  }

  Vertex(@Nullable Vertex parent, String label) {
    this.parent = parent;
    this.label = label;
    this.regularLabel = Labels.isRegular(label);
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.inDefinition =
        parent != null && (parent.inDefinition || Labels.isDefinition(parent.label));
  }

  /**
   * A finished alternative of {@code of} that is the concrete scalar {@code a} (a disjunction of
   * atoms): evaluated, finalized and measured as it is made.
   */
  static Vertex finishedScalar(Vertex of, Atom a) {
    Vertex x = new Vertex(of.parent, of.label);
    x.arcType = of.arcType;
    x.kind = K_SCALAR;
    x.scalar = a;
    x.state = EVALUATED;
    x.finalized = true;
    x.treeSize = a instanceof Atom.Opaque ? -1 : 1;
    return x;
  }

  static Vertex ofValue(Atom v) {
    Vertex x = new Vertex(null, "");
    x.state = EVALUATED;
    x.finalized = true;
    x.arcType = Adt.ArcType.REGULAR;
    if (v instanceof Atom.Bottom b) {
      x.kind = K_BOTTOM;
      x.err = b;
    } else if (v instanceof Atom.Top) {
      x.kind = K_TOP;
    } else if (Atom.isConcrete(v)) {
      x.kind = K_SCALAR;
      x.scalar = v;
      if (!(v instanceof Atom.Opaque)) {
        x.treeSize = 1; // finished as made: measured here (see Evaluation#finalizeDeep)
      }
    } else {
      x.kind = K_CONSTRAINT;
      x.constraints = List.of(v);
      x.kindMask = v.kindMask();
    }
    return x;
  }

  Vertex deref() {
    Vertex v = this;
    while (v.forward != null) {
      v = v.forward;
    }
    return v;
  }

  /**
   * The elements of a list vertex in index order: its arcs without the definitions, hidden fields
   * and lets that may stand beside an embedded list ({@code {[1], #a: 1}} is {@code [1]}).
   */
  List<Vertex> elements() {
    List<Vertex> out = new ArrayList<>(arcs.size());
    for (Vertex a : arcs.values()) {
      if (a.isElement()) {
        out.add(a);
      }
    }
    return out;
  }

  /** The number of {@link #elements}. */
  int elementCount() {
    int n = 0;
    for (int i = 0; i < arcs.size(); i++) {
      n += arcs.at(i).isElement() ? 1 : 0;
    }
    return n;
  }

  /** Whether this arc of a list vertex is one of its {@link #elements}. */
  boolean isElement() {
    return !isLet && regularLabel;
  }

  boolean isRegularField() {
    return arcType == Adt.ArcType.REGULAR && regularLabel && !isLet;
  }

  String path() {
    List<String> parts = new ArrayList<>();
    for (Vertex v = this; v != null && v.parent != null; v = v.parent) {
      parts.add(Labels.display(v.label));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = parts.size() - 1; i >= 0; i--) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(parts.get(i));
    }
    return sb.toString();
  }

  boolean isAncestorOf(Vertex v) {
    for (Vertex p = v.parent; p != null; p = p.parent) {
      if (p == this) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Vertex(" + path() + ")";
  }
}
