package dev.moravec.taxonomy.index;

import dev.moravec.model.AnalystOverride;
import java.util.List;

/**
 * What became of the analyst overrides in one answer: how many applied, and those whose occupation or
 * task the taxonomy does not hold (reported, never silently left out).
 *
 * @param applied how many overrides apply
 * @param unknown the overrides whose target the taxonomy lacks
 */
public record OverrideReport(int applied, List<AnalystOverride> unknown) {

    /** No overrides. */
    public static final OverrideReport NONE = new OverrideReport(0, List.of());

    /** Copies the list. */
    public OverrideReport {
        unknown = List.copyOf(unknown);
    }
}
