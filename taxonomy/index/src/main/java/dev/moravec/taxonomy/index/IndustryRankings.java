package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.internal.FamilyTotals;
import dev.moravec.taxonomy.index.internal.IntervalEstimator;
import dev.moravec.taxonomy.index.internal.OccupationFigures;
import dev.moravec.taxonomy.index.internal.OverrideTargets;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import dev.moravec.taxonomy.sources.industry.IndustryEmployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks industries (NAICS sectors) by the reasoning score of the work they employ: a sector's score is the
 * mean of its occupations' scores weighted by the sector's employment in each (or its wage bill), as
 * classified or under a breakthrough scenario. The sector's employment in a SOC code is shared equally by the
 * code's O*NET-SOC occupations, as national employment is; a code OEWS aggregates several under (ending in 0)
 * takes the occupations of that broad group that no other cell of the sector names. Coverage is the share of
 * the sector's published employment placed on scored occupations.
 */
public final class IndustryRankings {

    /**
     * A ranking of sectors.
     *
     * @param source the industry file it comes from
     * @param lagging lowest scores first
     * @param rows the sectors
     * @param weighting how occupations were weighted, in words
     * @param weight what occupations were weighted by: {@code employment} or {@code wages}
     * @param scenario the scenario, or {@code null}
     * @param report what the industry import estimated or left out
     * @param intervals how the rows' intervals and rank ranges were estimated, or {@code null} when they were not
     * @param overrides what became of the analyst overrides
     */
    public record Result(String source, boolean lagging, List<Row> rows, String weighting, String weight,
            String scenario, List<String> report, IntervalSettings intervals, OverrideReport overrides) {

        /** Copies the lists. */
        public Result {
            rows = List.copyOf(rows);
            report = List.copyOf(report);
        }
    }

    /**
     * One sector.
     *
     * @param naics its NAICS code
     * @param title its title
     * @param scores the weighted means of its occupations' T, V and S
     * @param shares the weighted share of its work in each quadrant
     * @param laggingShare the weighted share of its work that is LAGGING
     * @param bottleneck what holds its work back most, or {@code null}
     * @param employment its published employment
     * @param placed its employment placed on scored occupations
     * @param coverage {@code placed / employment}
     * @param wageBill the wage bill placed on scored occupations, or {@code null} without wages
     * @param wageBillByQuadrant that wage bill in each quadrant
     * @param wageBillLaggingBy the wage bill of its lagging work behind each factor
     * @param occupations the number of scored occupations it employs
     * @param interval the score's 90% interval, or {@code null} without intervals
     * @param rankRange the 90% range of its rank, or {@code null} without intervals
     */
    public record Row(String naics, String title, Scores scores, Map<Quadrant, Double> shares, double laggingShare,
            BottleneckFactor bottleneck, double employment, double placed, double coverage, Double wageBill,
            Map<Quadrant, Double> wageBillByQuadrant, Map<BottleneckFactor, Double> wageBillLaggingBy, int occupations,
            ScoreInterval interval, RankRange rankRange) {

        Row withUncertainty(ScoreIntervals.Uncertainty uncertainty) {
            return new Row(naics, title, scores, shares, laggingShare, bottleneck, employment, placed, coverage, wageBill,
                    wageBillByQuadrant, wageBillLaggingBy, occupations, uncertainty.interval(), uncertainty.rank());
        }
    }

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public IndustryRankings(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * Ranks the sectors.
     *
     * @param lagging lowest scores first when true
     * @param limit the most rows
     * @param basis what occupations are weighted by
     * @param relief a scenario, or {@code null}
     * @return the ranking
     * @throws BadInputException if no industry file was imported
     * @throws IOException if the index cannot be read
     */
    public Result rank(boolean lagging, int limit, WeightBasis basis, Relief relief) throws BadInputException, IOException {
        return rank(lagging, limit, basis, relief, ViewOptions.PLAIN);
    }

    /**
     * Ranks the sectors with the analyst overrides and, if asked, 90% intervals and rank ranges (each sector's
     * occupations drawn with replacement, weighted as its score weighs them).
     *
     * @param lagging lowest scores first when true
     * @param limit the most rows
     * @param basis what occupations are weighted by
     * @param relief a scenario, or {@code null}
     * @param view the overrides, and how to estimate intervals (or none)
     * @return the ranking
     * @throws BadInputException if no industry file was imported
     * @throws IOException if the index cannot be read
     */
    public Result rank(boolean lagging, int limit, WeightBasis basis, Relief relief, ViewOptions view)
            throws BadInputException, IOException {
        Result result = index.search(searcher -> {
            IndustryEmployment industry = Classifications.supplements(index, searcher).industry();
            if (industry == null) {
                return null;
            }
            SocHierarchy hierarchy = index.hierarchy(searcher);
            OverrideTargets targets = OverrideTargets.resolve(searcher, view.overrides());
            List<OccupationFigures> occupations = relief == null ? OccupationFigures.adjusted(searcher, null, targets)
                    : OccupationFigures.underScenario(searcher, null, relief, targets);
            Map<String, List<OccupationFigures>> byDetailed = new HashMap<>();
            Map<String, List<OccupationFigures>> byBroad = new HashMap<>();
            for (OccupationFigures o : occupations) {
                byDetailed.computeIfAbsent(hierarchy.groupOf(o.code(), SocLevel.DETAILED), k -> new ArrayList<>()).add(o);
                byBroad.computeIfAbsent(hierarchy.groupOf(o.code(), SocLevel.BROAD), k -> new ArrayList<>()).add(o);
            }
            List<Row> rows = new ArrayList<>();
            Map<String, FamilyTotals> byCode = new HashMap<>();
            int withWages = 0;
            for (IndustryEmployment.Sector sector : industry.sectors()) {
                FamilyTotals totals = new FamilyTotals(sector.naics(), basis);
                Set<String> named = new HashSet<>();
                sector.cells().forEach(c -> named.add(c.code()));
                for (IndustryEmployment.Cell cell : sector.cells()) {
                    if (cell.employment() == null) {
                        continue;
                    }
                    List<OccupationFigures> members = members(cell.code(), byDetailed, byBroad, named, hierarchy);
                    for (OccupationFigures member : members) {
                        totals.add(member.with(cell.employment() / members.size(), cell.annualWage()));
                    }
                }
                if (totals.scored() == 0) {
                    continue;
                }
                byCode.put(sector.naics(), totals);
                withWages += totals.withWages() > 0 ? 1 : 0;
                OccupationScore score = totals.score();
                double placed = totals.employment() == null ? 0 : totals.employment();
                rows.add(new Row(sector.naics(), sector.title(), score.means(), score.shares(),
                        score.shares().getOrDefault(Quadrant.LAGGING, 0.0), score.dominantBottleneck().orElse(null),
                        sector.employment(), placed, placed / sector.employment(), totals.wageBill(),
                        totals.wageBillByQuadrant(), totals.wageBillLaggingBy(), totals.scored(), null, null));
            }
            Comparator<Row> byScore = Comparator.comparingDouble(r -> r.scores().score().getAsDouble());
            rows.sort((lagging ? byScore : byScore.reversed()).thenComparing(Row::naics));
            if (view.intervals() != null) {
                IntervalEstimator estimator = ScoreIntervals.estimator(index, searcher, null, targets, relief,
                        view.intervals());
                List<double[]> replicates = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    replicates.add(ScoreIntervals.replicates(estimator, false, byCode.get(row.naics())));
                }
                List<ScoreIntervals.Uncertainty> uncertainty = ScoreIntervals.uncertainty(
                        rows.stream().map(r -> r.scores().score().getAsDouble()).toList(), replicates, lagging);
                List<Row> with = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    with.add(rows.get(i).withUncertainty(uncertainty.get(i)));
                }
                rows = with;
            }
            String weighting = "occupations weighted by " + (basis == WeightBasis.WAGES && withWages > 0
                    ? "the sector's wage bill in each (its employment x its mean annual wage there)"
                    : "the sector's employment in each") + "; a SOC code's employment shared equally by its O*NET-SOC"
                    + " occupations; tasks within occupations as rankings weigh them";
            return new Result(industry.file(), lagging, rows.subList(0, Math.min(limit, rows.size())), weighting,
                    basis.label(), relief == null ? null : relief.scenario().name(), industry.report(), view.intervals(),
                    Rankings.report(targets));
        });
        if (result == null) {
            throw new BadInputException("the taxonomy index " + index.path() + " holds no industry employment: import an"
                    + " OEWS industry file with 'moravec taxonomy import --industry-employment natsector_M2024_dl.csv'");
        }
        return result;
    }

    // the occupations a cell's SOC code stands for
    private static List<OccupationFigures> members(String code, Map<String, List<OccupationFigures>> byDetailed,
            Map<String, List<OccupationFigures>> byBroad, Set<String> named, SocHierarchy hierarchy) {
        List<OccupationFigures> detailed = byDetailed.get(code);
        if (detailed != null) {
            return detailed;
        }
        List<OccupationFigures> members = new ArrayList<>();
        for (OccupationFigures o : byBroad.getOrDefault(code, List.of())) {
            if (!named.contains(hierarchy.groupOf(o.code(), SocLevel.DETAILED))) {
                members.add(o);
            }
        }
        return members;
    }
}
