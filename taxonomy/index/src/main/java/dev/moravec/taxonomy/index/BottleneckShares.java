package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.internal.FamilyTotals;
import dev.moravec.taxonomy.index.internal.Grouping;
import dev.moravec.taxonomy.index.internal.IntervalEstimator;
import dev.moravec.taxonomy.index.internal.OverrideTargets;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why families lag: for each family of a level, the share of its lagging work held back mainly by each
 * bottleneck factor (a lagging task counts for its dominant factor), and of its workers and its wage bill
 * where employment and wages were imported, with its dominant factor and its T, V and S. Weighted as
 * rankings weigh (tasks within occupations, occupations within families by employment or wage bill); in
 * any classification the index holds crosswalks to.
 */
public final class BottleneckShares {

    /**
     * One family's bottlenecks.
     *
     * @param code the family's code
     * @param title its title
     * @param scores the mean T, V and S of its occupations
     * @param laggingShare the weighted share of its tasks that are LAGGING
     * @param ofLagging for each factor, the share of the lagging work it holds back mainly (the shares sum to
     *     at most 1; the rest lags without a factor strong enough to name)
     * @param dominant the factor behind the most lagging work, or {@code null}
     * @param employment its occupations' employment, or {@code null} when none was imported
     * @param workers for each factor, the workers whose lagging work it holds back (employment times the
     *     share), empty without employment
     * @param occupations the number of its scored occupations
     * @param wageBill its wage bill, where wages were imported, else {@code null}
     * @param wages for each factor, the wage bill of the lagging work it holds back mainly, empty without wages
     * @param laggingWageBill the wage bill of its lagging work, or {@code null} without wages
     * @param coverage for another classification than SOC 2018, the share of its crosswalk weight that reaches
     *     scored occupations; else {@code null}
     * @param interval its score's 90% interval, or {@code null} without intervals
     */
    public record Row(String code, String title, Scores scores, double laggingShare, Map<BottleneckFactor, Double> ofLagging,
            BottleneckFactor dominant, Double employment, Map<BottleneckFactor, Double> workers, int occupations,
            Double wageBill, Map<BottleneckFactor, Double> wages, Double laggingWageBill, Double coverage,
            ScoreInterval interval) {}

    /**
     * The bottlenecks of a level's families.
     *
     * @param level the level: a SOC level's label, such as {@code major}, or a level of the classification
     * @param rows the families, most lagging work first
     * @param unscored how many families have no score yet
     * @param classification the classification of the families' codes
     * @param weight what occupations were weighted by: {@code employment} or {@code wages}
     * @param intervals how the rows' intervals were estimated, or {@code null} when they were not
     * @param overrides what became of the analyst overrides
     */
    public record Result(String level, List<Row> rows, int unscored, String classification, String weight,
            IntervalSettings intervals, OverrideReport overrides) {}

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public BottleneckShares(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * Computes the bottlenecks of every family of a level.
     *
     * @param levelName occupation, detailed, broad, minor or major
     * @param family a SOC group to stay within, or {@code null}
     * @return the families, the most lagging work first
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public Result of(String levelName, String family) throws BadInputException, IOException {
        return of(levelName, family, ViewOptions.PLAIN);
    }

    /**
     * Computes the bottlenecks of every family of a level, with the analyst overrides and, if asked, each
     * family's score interval.
     *
     * @param levelName occupation, detailed, broad, minor or major
     * @param family a SOC group to stay within, or {@code null}
     * @param view the overrides, and how to estimate intervals (or none)
     * @return the families, the most lagging work first
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public Result of(String levelName, String family, ViewOptions view) throws BadInputException, IOException {
        return of(levelName, family, Classification.SOC_2018, WeightBasis.EMPLOYMENT, view);
    }

    /**
     * Computes the bottlenecks of every group of a level of a classification.
     *
     * @param levelName a level of the classification, or {@code null} for its finest
     * @param family a group to stay within, or {@code null}
     * @param classification the classification
     * @param basis what occupations are weighted by within a group
     * @return the groups, the most lagging work first
     * @throws BadInputException if the level is unknown or the classification's crosswalks were not imported
     * @throws IOException if the index cannot be read
     */
    public Result of(String levelName, String family, Classification classification, WeightBasis basis)
            throws BadInputException, IOException {
        return of(levelName, family, classification, basis, ViewOptions.PLAIN);
    }

    /**
     * Computes the bottlenecks of every group of a level of a classification, with the analyst overrides and,
     * if asked, each group's score interval.
     *
     * @param levelName a level of the classification, or {@code null} for its finest
     * @param family a group to stay within, or {@code null}
     * @param classification the classification
     * @param basis what occupations are weighted by within a group
     * @param view the overrides, and how to estimate intervals (or none)
     * @return the groups, the most lagging work first
     * @throws BadInputException if the level is unknown or the classification's crosswalks were not imported
     * @throws IOException if the index cannot be read
     */
    public Result of(String levelName, String family, Classification classification, WeightBasis basis,
            ViewOptions view) throws BadInputException, IOException {
        new Classifications(index).require(classification);
        String level = Classifications.level(classification, levelName);
        if (level.equals("task")) {
            throw new BadInputException("--level must be a level of families or occupations, not task");
        }
        boolean occupations = classification == Classification.SOC_2018 && level.equals("occupation");
        return index.search(searcher -> {
            Grouping grouping = Classifications.grouping(index, searcher, classification, level);
            OverrideTargets targets = OverrideTargets.resolve(searcher, view.overrides());
            IntervalEstimator estimator = view.intervals() == null ? null
                    : ScoreIntervals.estimator(index, searcher, grouping.occupationFilter(family), targets, null,
                            view.intervals());
            List<Row> rows = new ArrayList<>();
            int unscored = 0;
            for (FamilyTotals totals : Rankings.families(searcher, grouping, family, null, basis, targets)) {
                if (totals.scored() == 0) {
                    unscored++;
                    continue;
                }
                ScoreInterval interval = null;
                if (estimator != null) {
                    double[] replicates = ScoreIntervals.replicates(estimator, occupations, totals);
                    double point = totals.score().score().getAsDouble();
                    interval = replicates == null ? new ScoreInterval(point, point) : IntervalEstimator.interval(replicates, point);
                }
                rows.add(row(totals, grouping, interval));
            }
            rows.sort(Comparator.comparingDouble(Row::laggingShare).reversed().thenComparing(Row::code));
            return new Result(level, rows, unscored, classification.label(), basis.label(), view.intervals(),
                    Rankings.report(targets));
        });
    }

    private static Row row(FamilyTotals totals, Grouping grouping, ScoreInterval interval) {
        OccupationScore score = totals.score();
        double lagging = score.shares().getOrDefault(Quadrant.LAGGING, 0.0);
        Map<BottleneckFactor, Double> ofLagging = new EnumMap<>(BottleneckFactor.class);
        Map<BottleneckFactor, Double> workers = new EnumMap<>(BottleneckFactor.class);
        score.laggingBy().forEach((factor, share) -> {
            if (lagging > 0) {
                ofLagging.put(factor, share / lagging);
            }
            if (totals.employment() != null) {
                workers.put(factor, share * totals.employment());
            }
        });
        return new Row(totals.code(), grouping.title(totals.code()), score.means(), lagging, ofLagging,
                score.dominantBottleneck().orElse(null), totals.employment(), workers, totals.scored(), totals.wageBill(),
                totals.wageBillLaggingBy(), totals.wageBillByQuadrant().get(Quadrant.LAGGING), grouping.coverage(totals.code()),
                interval);
    }
}
