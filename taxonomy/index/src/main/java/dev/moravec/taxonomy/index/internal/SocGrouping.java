package dev.moravec.taxonomy.index.internal;

import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import java.util.Map;
import java.util.Set;

/** The SOC 2018 families of a level: each occupation wholly in the one family above it. */
public final class SocGrouping implements Grouping {

    private final SocHierarchy hierarchy;
    private final SocLevel level;

    /**
     * @param hierarchy the SOC hierarchy with its titles
     * @param level the level
     */
    public SocGrouping(SocHierarchy hierarchy, SocLevel level) {
        this.hierarchy = hierarchy;
        this.level = level;
    }

    @Override
    public Map<String, Double> groups(String occupation) {
        return Map.of(hierarchy.groupOf(occupation, level), 1.0);
    }

    @Override
    public String title(String group) {
        return hierarchy.title(group).orElse(null);
    }

    @Override
    public Double coverage(String group) {
        return null;
    }

    @Override
    public boolean within(String group, String family) {
        return true;
    }

    @Override
    public String occupationFilter(String family) {
        return family;
    }

    @Override
    public Set<String> known() {
        return Set.of();
    }
}
