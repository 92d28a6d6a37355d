package dev.moravec.taxonomy.index;

import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.internal.FamilyTotals;
import dev.moravec.taxonomy.index.internal.IntervalEstimator;
import dev.moravec.taxonomy.index.internal.OverrideTargets;
import dev.moravec.taxonomy.index.internal.TaskTable;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * Where the rankings, drill-downs and bottlenecks get their 90% intervals: an {@link IntervalEstimator}
 * of one commit, family, set of overrides and scenario, kept among the index's recent ones.
 */
final class ScoreIntervals {

    private ScoreIntervals() {}

    /**
     * The resampled scores of a family's (or the taxonomy's) occupations.
     *
     * @param index the index
     * @param searcher the searcher of one commit
     * @param family a SOC group or occupation code, or {@code null} for all
     * @param overrides the analyst overrides, resolved on the commit
     * @param relief a scenario, or {@code null}
     * @param settings the resamples and seed
     * @return the estimator
     * @throws IOException if the index cannot be read
     */
    static IntervalEstimator estimator(TaxonomyIndex index, IndexSearcher searcher, String family,
            OverrideTargets overrides, Relief relief, IntervalSettings settings) throws IOException {
        String key = ((DirectoryReader) searcher.getIndexReader()).getVersion() + "|" + family + "|"
                + overrides.overrides().fingerprint() + "|" + (relief == null ? "" : relief.scenario() + "@"
                        + overrides.overrides().thresholds()) + "|" + settings;
        return index.estimators().get(key,
                () -> IntervalEstimator.of(TaskTable.read(searcher, family, overrides), settings, relief));
    }

    /**
     * A family's (or an occupation's) resampled scores.
     *
     * @param estimator the occupations' resampled scores
     * @param occupation whether the family is one O*NET-SOC occupation
     * @param family the family (or a group of another classification)
     * @return one score per resample, or {@code null} when it has no rated task
     */
    static double[] replicates(IntervalEstimator estimator, boolean occupation, FamilyTotals family) {
        return occupation ? estimator.occupation(family.code())
                : estimator.family(family.code(), family.members(), family.memberWeights());
    }

    /**
     * Ranked rows with their intervals and rank ranges.
     *
     * @param rows every ranked row, in ranking order
     * @param resampled each row's resampled scores, in the same order
     * @param ascending whether the lowest score ranks first
     * @return the rows with their intervals and ranges
     */
    static List<Ranking.Row> withUncertainty(List<Ranking.Row> rows, List<double[]> resampled, boolean ascending) {
        List<Uncertainty> uncertainty = uncertainty(rows.stream().map(r -> r.scores().score().getAsDouble()).toList(),
                resampled, ascending);
        List<Ranking.Row> with = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            with.add(rows.get(i).withUncertainty(uncertainty.get(i).interval(), uncertainty.get(i).rank()));
        }
        return with;
    }

    /**
     * A ranked item's 90% interval and rank range.
     *
     * @param interval its score's interval
     * @param rank its rank's range
     */
    record Uncertainty(ScoreInterval interval, RankRange rank) {}

    /**
     * Ranked items' intervals and rank ranges.
     *
     * @param points every ranked item's score, in ranking order
     * @param resampled each item's resampled scores, in the same order; {@code null} for an item with nothing to
     *     resample, which keeps its score in every resample
     * @param ascending whether the lowest score ranks first
     * @return each item's interval and range, in the same order
     */
    static List<Uncertainty> uncertainty(List<Double> points, List<double[]> resampled, boolean ascending) {
        List<double[]> replicates = new ArrayList<>(resampled.size());
        for (int i = 0; i < resampled.size(); i++) {
            double[] values = resampled.get(i);
            if (values == null) { // nothing to resample: the score itself every time
                values = new double[resampled.stream().filter(java.util.Objects::nonNull).findFirst()
                        .map(v -> v.length).orElse(1)];
                java.util.Arrays.fill(values, points.get(i));
            }
            replicates.add(values);
        }
        List<RankRange> ranges = IntervalEstimator.rankRanges(replicates, ascending);
        List<Uncertainty> with = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            with.add(new Uncertainty(IntervalEstimator.interval(replicates.get(i), points.get(i)), ranges.get(i)));
        }
        return with;
    }
}
