package dev.moravec.taxonomy.index;

import dev.moravec.model.BadInputException;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.internal.CrosswalkGrouping;
import dev.moravec.taxonomy.index.internal.FamilyTotals;
import dev.moravec.taxonomy.index.internal.Grouping;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;

/**
 * The scores of codes of another classification found by a search, each at its own level, totalled as
 * rankings total them.
 */
final class GroupScores {

    private final TaxonomyIndex index;
    private final IndexSearcher searcher;
    private final Classification classification;
    private final Map<String, Map<String, FamilyTotals>> byLevel = new HashMap<>();
    private final Map<String, Grouping> groupings = new HashMap<>();

    GroupScores(TaxonomyIndex index, IndexSearcher searcher, Classification classification) {
        this.index = index;
        this.searcher = searcher;
        this.classification = classification;
    }

    /**
     * The hits with their codes' scores and coverage.
     *
     * @param hits hits of group documents, without scores
     * @return the same hits with scores
     * @throws IOException if the index cannot be read
     */
    List<SearchHit> hits(List<SearchHit> hits) throws IOException {
        List<SearchHit> scored = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            String level;
            try {
                level = CrosswalkGrouping.levelOf(classification, hit.code());
            } catch (BadInputException e) {
                scored.add(hit);
                continue;
            }
            Map<String, FamilyTotals> totals = totals(level);
            FamilyTotals family = totals.get(hit.code());
            Scores scores = family == null || family.scored() == 0 ? Scores.NONE : family.score().means();
            scored.add(new SearchHit(hit.kind(), hit.code(), hit.title(), null, null, scores, hit.highlight(),
                    hit.relevance(), groupings.get(level).coverage(hit.code())));
        }
        return scored;
    }

    private Map<String, FamilyTotals> totals(String level) throws IOException {
        Map<String, FamilyTotals> totals = byLevel.get(level);
        if (totals == null) {
            Grouping grouping = Classifications.grouping(index, searcher, classification, level);
            groupings.put(level, grouping);
            totals = new HashMap<>();
            for (FamilyTotals family : Rankings.families(searcher, grouping, null, null, WeightBasis.EMPLOYMENT)) {
                totals.put(family.code(), family);
            }
            byLevel.put(level, totals);
        }
        return totals;
    }
}
