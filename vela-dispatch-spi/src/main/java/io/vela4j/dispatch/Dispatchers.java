package io.vela4j.dispatch;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A registry of {@link Dispatcher}s by id: those found with {@link ServiceLoader} plus those
 * registered explicitly. An explicitly registered dispatcher always beats a discovered one with the
 * same id; when two discovered dispatchers share an id, the one whose class name sorts first wins
 * and a {@code DUPLICATE_DISPATCHER} warning is recorded in {@link #warnings()}. Immutable and
 * thread-safe; {@link #with} returns a new registry.
 */
public final class Dispatchers {

  private final Map<String, Dispatcher> discovered;
  private final Map<String, Dispatcher> explicit;
  private final List<Diagnostic> warnings;

  private Dispatchers(
      Map<String, Dispatcher> discovered, Map<String, Dispatcher> explicit, List<Diagnostic> w) {
    this.discovered = discovered;
    this.explicit = explicit;
    this.warnings = w;
  }

  /** The dispatchers on the class path of this library's class loader. */
  public static Dispatchers discover() {
    return discover(Dispatchers.class.getClassLoader());
  }

  /**
   * The dispatchers visible to a class loader.
   *
   * @param loader the class loader for {@link ServiceLoader}
   * @return the registry
   */
  public static Dispatchers discover(ClassLoader loader) {
    List<Dispatcher> found = new ArrayList<>();
    ServiceLoader.load(Dispatcher.class, loader).forEach(found::add);
    found.sort(java.util.Comparator.comparing(d -> d.getClass().getName()));
    var byId = new TreeMap<String, Dispatcher>();
    var warnings = new ArrayList<Diagnostic>();
    for (Dispatcher d : found) {
      Dispatcher first = byId.putIfAbsent(d.id(), d);
      if (first != null) {
        warnings.add(
            Diagnostic.warning(
                DiagnosticCodes.DUPLICATE_DISPATCHER,
                "two dispatchers have id '"
                    + d.id()
                    + "': using "
                    + first.getClass().getName()
                    + ", ignoring "
                    + d.getClass().getName(),
                null));
      }
    }
    return new Dispatchers(Collections.unmodifiableMap(byId), Map.of(), List.copyOf(warnings));
  }

  /**
   * A registry of only the given dispatchers (no discovery); a later one replaces an earlier one
   * with the same id.
   *
   * @param dispatchers the dispatchers
   * @return the registry
   */
  public static Dispatchers of(Dispatcher... dispatchers) {
    var r = new Dispatchers(Map.of(), Map.of(), List.of());
    for (Dispatcher d : dispatchers) {
      r = r.with(d);
    }
    return r;
  }

  /**
   * A copy with an explicitly registered dispatcher, which beats any discovered one with the same
   * id and replaces an explicit one with the same id.
   *
   * @param dispatcher the dispatcher
   * @return the new registry
   */
  public Dispatchers with(Dispatcher dispatcher) {
    var m = new TreeMap<>(explicit);
    m.put(dispatcher.id(), dispatcher);
    return new Dispatchers(discovered, Collections.unmodifiableMap(m), warnings);
  }

  /**
   * The dispatcher with the given id.
   *
   * @param id the id
   * @return the dispatcher, or empty
   */
  public Optional<Dispatcher> find(String id) {
    Dispatcher d = explicit.get(id);
    return Optional.ofNullable(d != null ? d : discovered.get(id));
  }

  /**
   * The dispatcher with the given id.
   *
   * @param id the id
   * @return the dispatcher
   * @throws DispatchException {@code UNKNOWN_DISPATCHER} naming the known ids
   */
  public Dispatcher get(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new DispatchException(
                    Diagnostic.error(
                            DiagnosticCodes.UNKNOWN_DISPATCHER,
                            "no dispatcher with id '" + id + "'",
                            null)
                        .withFacts("one of " + ids(), id)));
  }

  /** The ids of every available dispatcher, sorted. */
  public List<String> ids() {
    var s = new java.util.TreeSet<String>(discovered.keySet());
    s.addAll(explicit.keySet());
    return List.copyOf(s);
  }

  /** Warnings found during discovery (such as duplicate ids). */
  public List<Diagnostic> warnings() {
    return warnings;
  }
}
