package dev.moravec.taxonomy.index.internal;

import dev.moravec.model.AnalystOverride;
import dev.moravec.model.AnalystOverrides;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * The analyst overrides as one commit of the index sees them: those whose occupation (and task) it
 * holds, which apply, and those it does not, which are reported, never silently left out.
 */
public final class OverrideTargets {

    /** No overrides. */
    public static final OverrideTargets NONE = new OverrideTargets(AnalystOverrides.NONE, List.of(), Set.of());

    private final AnalystOverrides overrides;
    private final List<AnalystOverride> unknown;
    private final Set<String> occupations;

    private OverrideTargets(AnalystOverrides overrides, List<AnalystOverride> unknown, Set<String> occupations) {
        this.overrides = overrides;
        this.unknown = List.copyOf(unknown);
        this.occupations = Set.copyOf(occupations);
    }

    /**
     * Looks every override's target up in the index.
     *
     * @param searcher the searcher of one commit
     * @param overrides the overrides
     * @return the overrides, split into those that apply and those whose target the index lacks
     * @throws IOException if the index cannot be read
     */
    public static OverrideTargets resolve(IndexSearcher searcher, AnalystOverrides overrides) throws IOException {
        if (overrides.isEmpty()) {
            return NONE;
        }
        List<AnalystOverride> unknown = new ArrayList<>();
        Set<String> occupations = new LinkedHashSet<>();
        for (AnalystOverride override : overrides.all()) {
            String key = override.isForTask() ? IndexFields.taskKey(override.occupation(), override.taskId())
                    : IndexFields.occupationKey(override.occupation());
            if (searcher.count(new TermQuery(IndexFields.keyTerm(key))) == 0) {
                unknown.add(override);
            } else {
                occupations.add(override.occupation());
            }
        }
        return new OverrideTargets(overrides, unknown, occupations);
    }

    /** @return the overrides */
    public AnalystOverrides overrides() {
        return overrides;
    }

    /** @return the overrides whose occupation or task the index does not hold, in the order given */
    public List<AnalystOverride> unknown() {
        return unknown;
    }

    /** @return how many overrides apply */
    public int applied() {
        return overrides.all().size() - unknown.size();
    }

    /** @return the codes of the occupations whose tasks an override changes */
    public Set<String> occupations() {
        return occupations;
    }

    /** @return whether no override applies */
    public boolean isEmpty() {
        return occupations.isEmpty();
    }
}
