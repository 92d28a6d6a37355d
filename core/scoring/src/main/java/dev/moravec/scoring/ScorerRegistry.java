package dev.moravec.scoring;

import dev.moravec.api.ScorerInfo;
import dev.moravec.api.TaskScorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scorers the host knows right now. Scorer services come and go as bundles start and stop; the
 * registry follows them. When two scorers share an id (two versions of one plugin), the one with the
 * highest version is active and the other is shadowed. Thread-safe.
 */
public final class ScorerRegistry {

    private final List<ScorerHandle> handles = new CopyOnWriteArrayList<>();

    /**
     * A registry of scorers created in this process, without OSGi: for tests and for programs that
     * embed the engine.
     *
     * @param scorers the scorers
     * @return the registry
     */
    public static ScorerRegistry of(TaskScorer... scorers) {
        ScorerRegistry registry = new ScorerRegistry();
        for (TaskScorer scorer : scorers) {
            registry.add(scorer, scorer.info(), scorer.getClass().getName());
        }
        return registry;
    }

    /**
     * Adds a scorer.
     *
     * @param scorer the scorer
     * @param info its identity
     * @param origin where it comes from
     * @return its handle
     */
    public ScorerHandle add(TaskScorer scorer, ScorerInfo info, String origin) {
        ScorerHandle handle = new ScorerHandle(scorer, info, origin);
        handles.add(handle);
        return handle;
    }

    /**
     * Removes a scorer that went away.
     *
     * @param handle its handle
     */
    public void remove(ScorerHandle handle) {
        handles.remove(handle);
    }

    /**
     * Every scorer known, shadowed ones included, by id and then version.
     *
     * @return the handles
     */
    public List<ScorerHandle> all() {
        List<ScorerHandle> all = new ArrayList<>(handles);
        all.sort(Comparator.comparing(ScorerHandle::id).thenComparing(h -> h.info().version(), ScorerRegistry::compareVersions));
        return all;
    }

    /**
     * The scorers that rate: for each id the one with the highest version, quarantined ones
     * included, sorted by id.
     *
     * @return the active handles
     */
    public List<ScorerHandle> active() {
        Map<String, ScorerHandle> newest = new LinkedHashMap<>();
        for (ScorerHandle handle : all()) {
            newest.put(handle.id(), handle); // all() sorts by version ascending, so the last one wins
        }
        return List.copyOf(newest.values());
    }

    /**
     * Whether a handle is shadowed by a newer version of the same scorer.
     *
     * @param handle a handle of this registry
     * @return true if another handle with the same id is active
     */
    public boolean isShadowed(ScorerHandle handle) {
        return active().stream().noneMatch(h -> h == handle);
    }

    /**
     * Compares versions as dotted numbers, so that 1.10.0 is newer than 1.9.0; parts that are not
     * numbers compare as text.
     *
     * @param a a version
     * @param b another version
     * @return negative, zero or positive as {@code a} is older, equal or newer
     */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[.\\-+]");
        String[] y = b.split("[.\\-+]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (p.matches("\\d{1,18}") && q.matches("\\d{1,18}")) {
                c = Long.compare(Long.parseLong(p), Long.parseLong(q));
            } else {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
