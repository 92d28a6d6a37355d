package dev.moravec.taxonomy;

import dev.moravec.api.Rating;
import dev.moravec.api.TaskScorer;
import dev.moravec.engine.EngineConfig;
import dev.moravec.engine.OccupationScore;
import dev.moravec.engine.ScorerOutcome;
import dev.moravec.engine.Verdict;
import dev.moravec.engine.VerdictAggregator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Family scores computed the plain way, straight from a release and the word scorer, without the
 * index: each occupation's weighted mean of its tasks' scores, each family's mean of its
 * occupations' scores weighted by employment (equally when none has employment).
 */
final class RankingOracle {

    private RankingOracle() {}

    static Map<String, Double> familyScores(Release release, String level, EngineConfig config) throws Exception {
        TaskScorer scorer = Fixtures.wordScorer("oracle");
        VerdictAggregator aggregator = new VerdictAggregator(config);
        Map<String, List<Verdict>> byOccupation = new HashMap<>();
        for (TaxonomyTask task : release.tasks()) {
            Rating rating = scorer.rate(task.task(), dev.moravec.api.ScoringContext.standalone());
            Verdict verdict = aggregator.combine(task.task(), List.of(ScorerOutcome.rated("words", "oracle", rating)));
            byOccupation.computeIfAbsent(task.task().occupationCode(), c -> new ArrayList<>()).add(verdict);
        }
        SocLevel socLevel = SocLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        Map<String, double[]> employmentSums = new HashMap<>();
        Map<String, double[]> equalSums = new HashMap<>();
        for (Map.Entry<String, List<Verdict>> e : byOccupation.entrySet()) {
            double score = OccupationScore.of(e.getValue()).score().getAsDouble();
            String family = release.hierarchy().groupOf(e.getKey(), socLevel);
            double[] equal = equalSums.computeIfAbsent(family, f -> new double[2]);
            equal[0] += score;
            equal[1] += 1;
            Double employment = release.occupations().get(e.getKey()).employment();
            if (employment != null) {
                double[] weighted = employmentSums.computeIfAbsent(family, f -> new double[2]);
                weighted[0] += employment * score;
                weighted[1] += employment;
            }
        }
        Map<String, Double> scores = new HashMap<>();
        equalSums.forEach((family, sums) -> {
            double[] weighted = employmentSums.get(family);
            scores.put(family, weighted != null ? weighted[0] / weighted[1] : sums[0] / sums[1]);
        });
        return scores;
    }
}
