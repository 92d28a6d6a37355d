package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import java.util.List;
import java.util.Map;

/**
 * Tasks, occupations or families ordered by their reasoning score.
 *
 * @param level what is ranked: {@code task} or a level's label
 * @param lagging true when the lowest scores (lagging most) come first
 * @param rows the ranked rows
 * @param weighting how tasks and occupations were weighted, in words
 * @param unscored how many of the level's items had no score and were left out
 * @param scenario the breakthrough scenario the scores are under, or {@code null} for the scores as classified
 * @param classification the classification of the rows' codes: {@code soc2018}, {@code soc2010}, {@code isco08}
 *     or {@code esco}
 * @param weight what occupations were weighted by: {@code employment} or {@code wages}
 * @param withoutScore for another classification than SOC 2018, the groups of the level without a score (no
 *     partner, or none of their occupations scored), with their coverage; empty for SOC 2018
 * @param sources the crosswalks the codes were reached through, empty for SOC 2018
 * @param intervals how the rows' intervals and rank ranges were estimated, or {@code null} when they were not
 * @param overrides what became of the analyst overrides
 */
public record Ranking(String level, boolean lagging, List<Row> rows, String weighting, int unscored, String scenario,
        String classification, String weight, List<Unscored> withoutScore, List<String> sources,
        IntervalSettings intervals, OverrideReport overrides) {

    /** Copies the lists. */
    public Ranking {
        rows = List.copyOf(rows);
        withoutScore = List.copyOf(withoutScore);
        sources = List.copyOf(sources);
    }

    /**
     * A ranking of SOC 2018 codes weighted by employment, with intervals or overrides.
     *
     * @param level what is ranked
     * @param lagging lowest first
     * @param rows the rows
     * @param weighting how tasks and occupations were weighted
     * @param unscored how many items had no score
     * @param scenario the scenario, or {@code null}
     * @param intervals how the intervals were estimated, or {@code null}
     * @param overrides what became of the analyst overrides
     */
    public Ranking(String level, boolean lagging, List<Row> rows, String weighting, int unscored, String scenario,
            IntervalSettings intervals, OverrideReport overrides) {
        this(level, lagging, rows, weighting, unscored, scenario, "soc2018", WeightBasis.EMPLOYMENT.label(), List.of(),
                List.of(), intervals, overrides);
    }

    /**
     * One ranked item.
     *
     * @param code the task's occupation, or the occupation's or family's code
     * @param title the occupation's or family's title
     * @param taskId the task's id, for task rankings; else {@code null}
     * @param statement the task statement, for task rankings; else {@code null}
     * @param scores a task's T, V, S and quadrant, for task rankings; else the means of the tasks below it
     * @param tasks the number of tasks below it
     * @param occupations the number of scored occupations below it
     * @param employment their employment (their shares of it, through a crosswalk), where imported, else {@code null}
     * @param shares the share of tasks in each quadrant
     * @param bottleneck what holds it back most: a task's dominant bottleneck factor, an occupation's or
     *     family's factor behind the most lagging work (see {@code OccupationScore#dominantBottleneck}); or
     *     {@code null}
     * @param laggingBy for each factor, the weighted share of its tasks that lag with it dominant
     * @param wageBill its wage bill (employment times mean annual wage), where wages were imported, else {@code null}
     * @param wageBillByQuadrant the wage bill of its work in each quadrant; empty without wages
     * @param coverage for another classification than SOC 2018, the share of its crosswalk weight that reaches
     *     scored occupations; else {@code null}
     * @param interval the score's 90% interval, or {@code null} without intervals
     * @param rankRange the 90% range of its rank, or {@code null} without intervals
     * @param overridden how many of its tasks an analyst override changes
     */
    public record Row(String code, String title, String taskId, String statement, Scores scores, long tasks,
            int occupations, Double employment, Map<Quadrant, Double> shares, BottleneckFactor bottleneck,
            Map<BottleneckFactor, Double> laggingBy, Double wageBill, Map<Quadrant, Double> wageBillByQuadrant,
            Double coverage, ScoreInterval interval, RankRange rankRange, int overridden) {

        /**
         * A row without wages or coverage.
         *
         * @param code the code
         * @param title the title
         * @param taskId the task's id, or {@code null}
         * @param statement the statement, or {@code null}
         * @param scores the scores
         * @param tasks the number of tasks
         * @param occupations the number of scored occupations
         * @param employment their employment, or {@code null}
         * @param shares the quadrants' shares
         * @param bottleneck what holds it back most, or {@code null}
         * @param laggingBy the lagging share behind each factor
         * @param interval the score's 90% interval, or {@code null}
         * @param rankRange the 90% range of its rank, or {@code null}
         * @param overridden how many of its tasks an analyst override changes
         */
        public Row(String code, String title, String taskId, String statement, Scores scores, long tasks,
                int occupations, Double employment, Map<Quadrant, Double> shares, BottleneckFactor bottleneck,
                Map<BottleneckFactor, Double> laggingBy, ScoreInterval interval, RankRange rankRange, int overridden) {
            this(code, title, taskId, statement, scores, tasks, occupations, employment, shares, bottleneck, laggingBy,
                    null, Map.of(), null, interval, rankRange, overridden);
        }

        /**
         * This row with its interval and rank range.
         *
         * @param score the score's interval
         * @param rank the rank's range
         * @return a copy with them
         */
        public Row withUncertainty(ScoreInterval score, RankRange rank) {
            return new Row(code, title, taskId, statement, scores, tasks, occupations, employment, shares, bottleneck,
                    laggingBy, wageBill, wageBillByQuadrant, coverage, score, rank, overridden);
        }

        /** @return whether its coverage is known and below {@link Classifications#THIN_COVERAGE} */
        public boolean thinCoverage() {
            return coverage != null && coverage < Classifications.THIN_COVERAGE;
        }
    }

    /**
     * A group of another classification without a score.
     *
     * @param code its code
     * @param title its title, or {@code null}
     * @param coverage the share of its crosswalk weight that reaches scored occupations
     * @param reason why it has no score
     */
    public record Unscored(String code, String title, double coverage, String reason) {}
}
