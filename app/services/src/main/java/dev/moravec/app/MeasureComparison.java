package dev.moravec.app;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.evaluation.Bootstrap;
import dev.moravec.evaluation.Correlations;
import dev.moravec.evaluation.Metrics;
import dev.moravec.evaluation.OccupationMeasure;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.OccupationDetails;
import dev.moravec.taxonomy.index.OverrideReport;
import dev.moravec.taxonomy.index.Ranking;
import dev.moravec.taxonomy.index.Rankings;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.index.ViewOptions;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moravec's scores side by side with a published occupation-level measure: which of the measure's codes
 * match occupations of the taxonomy (an O*NET-SOC code its occupation, a SOC code every O*NET-SOC
 * occupation under it, an occupation's own code winning over its SOC code's), Spearman's and Pearson's
 * correlation over the matched units with 90% bootstrap intervals, and the units whose ranks differ
 * most, both ways. At a SOC group level the measure's values of a group's occupations are averaged as
 * rankings average scores (by employment where any of them has a figure, else equally).
 */
public final class MeasureComparison {

    /**
     * One unit (occupation or family) both sides have a value for.
     *
     * @param code its code
     * @param title its title
     * @param moravec Moravec's score
     * @param measure the measure's value
     * @param moravecRank its rank by Moravec's score, highest first (ties share their mean rank)
     * @param measureRank its rank by the measure, highest first
     * @param bottleneck what holds it back most in Moravec, or {@code null}
     * @param overridden how many of its tasks an analyst override changes
     */
    public record Unit(String code, String title, double moravec, double measure, double moravecRank, double measureRank,
            BottleneckFactor bottleneck, int overridden) {

        /** @return how many places higher the measure ranks it than Moravec does */
        public double rankGap() {
            return moravecRank - measureRank;
        }
    }

    /**
     * A code of the measure that matches no scored occupation.
     *
     * @param code the code
     * @param line the line of its first row
     * @param reason why it does not match
     */
    public record Unmatched(String code, long line, String reason) {}

    /**
     * The comparison.
     *
     * @param measure the measure as read
     * @param level the level compared at
     * @param matchedCodes how many of the measure's codes matched scored occupations
     * @param unmatched the codes that did not, each with why
     * @param withoutValue how many scored units of the taxonomy have no value in the measure
     * @param units the units compared, by code
     * @param correlations Spearman and Pearson with their intervals
     * @param higherElsewhere the units the measure ranks highest above Moravec, the largest gap first
     * @param higherHere the units Moravec ranks highest above the measure, the largest gap first
     * @param overrides what became of the analyst overrides
     */
    public record Result(OccupationMeasure measure, String level, int matchedCodes, List<Unmatched> unmatched,
            int withoutValue, List<Unit> units, Correlations.Result correlations, List<Unit> higherElsewhere,
            List<Unit> higherHere, OverrideReport overrides) {}

    private final TaxonomyIndex index;

    /**
     * @param index the classified taxonomy index
     */
    public MeasureComparison(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * Compares a measure with Moravec's scores.
     *
     * @param measure the measure
     * @param levelName occupation, detailed, broad, minor or major
     * @param overrides the analyst overrides Moravec's scores are under
     * @param limit the most units listed each way
     * @param settings the resamples and seed of the correlations' intervals
     * @return the comparison
     * @throws BadInputException if the level is unknown or nothing matches
     * @throws IOException if the index cannot be read
     */
    public Result compare(OccupationMeasure measure, String levelName, AnalystOverrides overrides, int limit,
            IntervalSettings settings) throws BadInputException, IOException {
        SocLevel level = Rankings.level(levelName);
        Rankings rankings = new Rankings(index);
        ViewOptions view = new ViewOptions(overrides, null);
        Ranking occupations = rankings.rank(new Rankings.Request("occupation", false, null, Integer.MAX_VALUE), null, view);
        Map<String, Ranking.Row> scored = new HashMap<>();
        occupations.rows().forEach(row -> scored.put(row.code(), row));
        Map<String, String> all = new OccupationDetails(index).titles();

        Map<String, Double> values = new HashMap<>();
        List<Unmatched> unmatched = new ArrayList<>();
        int matched = 0;
        Map<String, String> exact = new HashMap<>();
        for (Map.Entry<String, OccupationMeasure.Value> entry : measure.values().entrySet()) {
            if (OccupationCode.isOnetSoc(entry.getKey()) && all.containsKey(entry.getKey())) {
                exact.put(entry.getKey(), entry.getKey());
            }
        }
        for (Map.Entry<String, OccupationMeasure.Value> entry : measure.values().entrySet()) {
            String code = entry.getKey();
            List<String> targets = OccupationCode.isOnetSoc(code) ? (all.containsKey(code) ? List.of(code) : List.of())
                    : all.keySet().stream().filter(c -> c.startsWith(code + ".") && !exact.containsKey(c)).toList();
            if (targets.isEmpty()) {
                unmatched.add(new Unmatched(code, entry.getValue().line(), noOccupation(code, all)));
                continue;
            }
            List<String> withScore = targets.stream().filter(scored::containsKey).toList();
            if (withScore.isEmpty()) {
                unmatched.add(new Unmatched(code, entry.getValue().line(), "its occupation" + (targets.size() > 1 ? "s have"
                        : " has") + " no score yet (run moravec classify --taxonomy)"));
                continue;
            }
            matched++;
            withScore.forEach(c -> values.put(c, entry.getValue().value()));
        }
        if (values.isEmpty()) {
            throw new BadInputException("none of the " + measure.values().size() + " codes of " + measure.source()
                    + " matches a scored occupation of the taxonomy at " + index.path() + " (the first: "
                    + unmatched.get(0).code() + ", " + unmatched.get(0).reason() + ")");
        }
        Ranking ranking = level == SocLevel.OCCUPATION ? occupations
                : rankings.rank(new Rankings.Request(level.label(), false, null, Integer.MAX_VALUE), null, view);
        Map<String, Double> measured = level == SocLevel.OCCUPATION ? values
                : byFamily(values, scored, index.hierarchy(), level);
        List<Ranking.Row> rows = ranking.rows().stream().filter(r -> measured.containsKey(r.code())).toList();
        double[] moravec = rows.stream().mapToDouble(r -> r.scores().score().getAsDouble()).toArray();
        double[] theirs = rows.stream().mapToDouble(r -> measured.get(r.code())).toArray();
        double[] moravecRanks = descendingRanks(moravec);
        double[] theirRanks = descendingRanks(theirs);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Ranking.Row row = rows.get(i);
            units.add(new Unit(row.code(), row.title(), moravec[i], theirs[i], moravecRanks[i], theirRanks[i],
                    row.bottleneck(), row.overridden()));
        }
        units.sort(Comparator.comparing(Unit::code));
        Correlations.Result correlations = Correlations.of(moravec, theirs,
                new Bootstrap(settings.resamples(), settings.seed(), IntervalSettings.LEVEL));
        List<Unit> elsewhere = units.stream().filter(u -> u.rankGap() > 0)
                .sorted(Comparator.comparingDouble(Unit::rankGap).reversed().thenComparing(Unit::code)).limit(limit).toList();
        List<Unit> here = units.stream().filter(u -> u.rankGap() < 0)
                .sorted(Comparator.comparingDouble(Unit::rankGap).thenComparing(Unit::code)).limit(limit).toList();
        return new Result(measure, level.label(), matched, unmatched, ranking.rows().size() - rows.size(), units,
                correlations, elsewhere, here, ranking.overrides());
    }

    private static String noOccupation(String code, Map<String, String> all) {
        if (OccupationCode.isOnetSoc(code)) {
            return "no occupation " + code + " in the taxonomy";
        }
        boolean group = code.endsWith("0") && all.keySet().stream().anyMatch(c -> c.startsWith(code.substring(0, 6)));
        return "no O*NET-SOC occupation under SOC code " + code + " in the taxonomy"
                + (group ? " (it is a group's code, not a detailed occupation's)" : "");
    }

    // each family's measure: its valued occupations' values, weighted by employment where any has a figure
    private static Map<String, Double> byFamily(Map<String, Double> values, Map<String, Ranking.Row> scored,
            SocHierarchy hierarchy, SocLevel level) {
        Map<String, double[]> sums = new TreeMap<>();
        values.forEach((code, value) -> {
            double[] sum = sums.computeIfAbsent(hierarchy.groupOf(code, level), c -> new double[4]);
            Double employment = scored.get(code).employment();
            sum[0] += value;
            sum[1]++;
            if (employment != null && employment > 0) {
                sum[2] += employment * value;
                sum[3] += employment;
            }
        });
        Map<String, Double> families = new LinkedHashMap<>();
        sums.forEach((code, sum) -> families.put(code, sum[3] > 0 ? sum[2] / sum[3] : sum[0] / sum[1]));
        return families;
    }

    // ranks from 1 for the highest value, ties sharing their mean rank
    private static double[] descendingRanks(double[] values) {
        double[] ascending = Metrics.ranks(values);
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            ranks[i] = values.length + 1 - ascending[i];
        }
        return ranks;
    }
}
