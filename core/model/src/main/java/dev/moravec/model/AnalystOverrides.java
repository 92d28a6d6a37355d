package dev.moravec.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The analyst overrides in effect, with the thresholds that place an overridden task in its quadrant.
 * At most one override per target; one for a task wins over one for its whole occupation.
 */
public final class AnalystOverrides {

    /** No overrides: the scorers' verdicts as they are. */
    public static final AnalystOverrides NONE = new AnalystOverrides(List.of(), Thresholds.DEFAULT);

    private final List<AnalystOverride> all;
    private final Thresholds thresholds;
    private final Map<String, AnalystOverride> byTarget = new HashMap<>();
    private final Map<String, List<AnalystOverride>> byOccupation = new LinkedHashMap<>();

    /**
     * @param overrides the overrides, at most one per target
     * @param thresholds where the quadrants are split
     * @throws IllegalArgumentException if two overrides have the same target
     */
    public AnalystOverrides(List<AnalystOverride> overrides, Thresholds thresholds) {
        this.all = List.copyOf(overrides);
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        for (AnalystOverride override : all) {
            if (byTarget.putIfAbsent(override.target(), override) != null) {
                throw new IllegalArgumentException("two overrides for " + override.target() + ": keep one");
            }
            byOccupation.computeIfAbsent(override.occupation(), code -> new ArrayList<>()).add(override);
        }
    }

    /** @return the overrides, in the order given */
    public List<AnalystOverride> all() {
        return all;
    }

    /** @return where the quadrants are split */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** @return whether there are none */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** @return the codes of the occupations with an override of their own or of one of their tasks */
    public Set<String> occupations() {
        return Collections.unmodifiableSet(byOccupation.keySet());
    }

    /**
     * The override that applies to a task: its own, else its occupation's.
     *
     * @param occupation the task's occupation code
     * @param taskId the task's id, or {@code null} for a task not of the taxonomy (only its occupation's then)
     * @return the override, if any
     */
    public Optional<AnalystOverride> find(String occupation, String taskId) {
        if (occupation == null) {
            return Optional.empty();
        }
        AnalystOverride own = taskId == null ? null : byTarget.get(AnalystOverride.target(occupation, taskId));
        return Optional.ofNullable(own != null ? own : byTarget.get(occupation));
    }

    /**
     * The override of exactly one target.
     *
     * @param occupation the occupation's code
     * @param taskId the task's id, or {@code null} for the occupation's own
     * @return the override, if there is one
     */
    public Optional<AnalystOverride> exactly(String occupation, String taskId) {
        return Optional.ofNullable(byTarget.get(AnalystOverride.target(occupation, taskId)));
    }

    /**
     * A task's verdict with the override that applies to it, if any.
     *
     * @param verdict the scorers' verdict
     * @param taskId the task's id in the taxonomy, or {@code null} when it is not a task of the taxonomy
     * @return the verdict, with {@link Verdict#override()} set when an override applies
     */
    public Verdict apply(Verdict verdict, String taskId) {
        return find(verdict.task().occupationCode(), taskId)
                .map(o -> verdict.withOverride(new AppliedOverride(o, o.apply(verdict.scores(), thresholds))))
                .orElse(verdict);
    }

    /**
     * A fingerprint of the overrides and thresholds, so what was computed under them can be reused.
     *
     * @return a string that differs whenever the overrides or thresholds do
     */
    public String fingerprint() {
        return all.isEmpty() ? "" : Digest.sha256(all + "|" + thresholds);
    }
}
