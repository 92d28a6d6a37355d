package dev.moravec.evaluation;

import dev.moravec.model.Thresholds;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Moravec's verdicts agree with reference labels.
 *
 * @param labels the labels
 * @param thresholds the thresholds of the PURE_REASONING decision, or {@code null} when they differ by
 *     task (cross-validation: each fold has its own)
 * @param weights each scorer's weight, empty when they differ by task
 * @param resamples the bootstrap's resamples
 * @param seed the bootstrap's seed
 * @param matched the labelled tasks joined to a verdict
 * @param rated the matched tasks with a verdict on both axes
 * @param occupations the occupations of the matched tasks
 * @param figures the headline figures, every {@link Measure}
 * @param confusion the PURE_REASONING decision against the positive labels, over the matched tasks
 * @param scorers each scorer's own figures, by id
 * @param groups the figures of each SOC major group with matched tasks, by code
 * @param unmatched the labelled tasks no verdict was found for, in file order
 */
public record EvaluationReport(LabelSet labels, Thresholds thresholds, Map<String, dev.moravec.model.ScorerSettings> weights, int resamples,
        long seed, int matched, int rated, int occupations, Map<Measure, Figure> figures, Confusion confusion,
        List<ScorerFigures> scorers, List<GroupFigures> groups, List<LabeledTask> unmatched) {

    /** Copies the collections. */
    public EvaluationReport {
        weights = Collections.unmodifiableMap(new TreeMap<>(weights));
        figures = Collections.unmodifiableMap(new EnumMap<>(figures));
        scorers = List.copyOf(scorers);
        groups = List.copyOf(groups);
        unmatched = List.copyOf(unmatched);
    }

    /**
     * @param measure a headline measure
     * @return its figure
     */
    public Figure figure(Measure measure) {
        return figures.get(measure);
    }
}
