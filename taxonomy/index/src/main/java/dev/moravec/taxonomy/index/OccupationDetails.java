package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import dev.moravec.model.AppliedOverride;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.index.internal.OverrideTargets;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** An occupation's drill-down: where it sits in the SOC tree, its score and its tasks by score. */
public final class OccupationDetails {

    /**
     * The drill-down.
     *
     * @param occupation the occupation
     * @param path the groups above it, major first, and the occupation
     * @param score its score (with the analyst overrides that apply), or {@code null} before its tasks are classified
     * @param tasks its tasks, highest score first, unrated last
     * @param standing its rank among the occupations with its interval, or {@code null} without intervals
     * @param overrides what became of the analyst overrides
     */
    public record Detail(Occupation occupation, List<SocHierarchy.Node> path, OccupationScore score, List<TaskLine> tasks,
            Standing standing, OverrideReport overrides) {

    }

    /**
     * Where an occupation stands among all of them, lagging first, as {@code rank --level occupation} ranks.
     *
     * @param interval its score's 90% interval
     * @param rank its rank
     * @param of the number of ranked occupations
     * @param range the 90% range of its rank
     * @param intervals how the interval and range were estimated
     */
    public record Standing(ScoreInterval interval, int rank, int of, RankRange range, IntervalSettings intervals) {}

    /**
     * One task of the occupation.
     *
     * @param taskId its id
     * @param statement its statement
     * @param type CORE, SUPPLEMENTAL or {@code null}
     * @param weight its weight in the occupation
     * @param scores its T, V, S and quadrant; no quadrant before classification
     * @param bottleneck its dominant bottleneck factor, or {@code null}
     * @param verification its verification mode, or {@code null}
     * @param evidence the first piece of evidence of each scorer that rated it
     * @param override the analyst override that applies to it, with its scores after it; or {@code null}
     */
    public record TaskLine(String taskId, String statement, String type, double weight, Scores scores,
            BottleneckFactor bottleneck, VerificationMode verification, List<String> evidence, AppliedOverride override) {

        /** @return the scores that count: the override's when one applies, else the scorers' */
        public Scores effectiveScores() {
            return override == null ? scores : override.scores();
        }
    }

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public OccupationDetails(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * Every occupation's title, to name the occupation of a task that gives only its code.
     *
     * @return O*NET-SOC code to title, in code order
     * @throws IOException if the index cannot be read
     */
    public Map<String, String> titles() throws IOException {
        return index.search(OccupationDetails::titles);
    }

    /**
     * Every occupation's title, as one commit of the index holds them.
     *
     * @param searcher the searcher of one commit
     * @return O*NET-SOC code to title, in code order
     * @throws IOException if the index cannot be read
     */
    static Map<String, String> titles(IndexSearcher searcher) throws IOException {
        Map<String, String> titles = new TreeMap<>();
        TopDocs docs = searcher.search(new TermQuery(new Term(IndexFields.KIND, "occupation")), Integer.MAX_VALUE);
        StoredFields fields = searcher.storedFields();
        for (ScoreDoc hit : docs.scoreDocs) {
            Document doc = fields.document(hit.doc, Set.of(IndexFields.CODE, IndexFields.TITLE));
            titles.put(IndexFields.stored(doc, IndexFields.CODE), IndexFields.stored(doc, IndexFields.TITLE));
        }
        return titles;
    }

    /**
     * Shows an occupation.
     *
     * @param code its O*NET-SOC code, or a SOC detailed code ({@code 15-1252} means {@code 15-1252.00})
     * @return the drill-down
     * @throws BadInputException if no occupation has the code
     * @throws IOException if the index cannot be read
     */
    public Detail show(String code) throws BadInputException, IOException {
        return show(code, ViewOptions.PLAIN);
    }

    /**
     * Shows an occupation with the analyst overrides and, if asked, its interval and rank.
     *
     * @param code its O*NET-SOC code, or a SOC detailed code ({@code 15-1252} means {@code 15-1252.00})
     * @param view the overrides, and how to estimate intervals (or none)
     * @return the drill-down
     * @throws BadInputException if no occupation has the code
     * @throws IOException if the index cannot be read
     */
    public Detail show(String code, ViewOptions view) throws BadInputException, IOException {
        String onetCode = OccupationCode.onetSocOf(code);
        Detail detail = index.search(searcher -> {
            OverrideTargets targets = OverrideTargets.resolve(searcher, view.overrides());
            SocHierarchy hierarchy = index.hierarchy(searcher);
            TopDocs found = searcher.search(new TermQuery(IndexFields.keyTerm(IndexFields.occupationKey(onetCode))), 1);
            if (found.scoreDocs.length == 0) {
                return null;
            }
            StoredFields fields = searcher.storedFields();
            Document doc = fields.document(found.scoreDocs[0].doc);
            Occupation occupation = index.codec().occupation(IndexFields.stored(doc, IndexFields.SOURCE));
            String scoreJson = IndexFields.stored(doc, IndexFields.VERDICT);
            OccupationScore score = scoreJson == null ? null : index.verdicts().occupationScore(scoreJson);
            TopDocs taskDocs = searcher.search(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, "task")), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.CODE, onetCode)), BooleanClause.Occur.FILTER)
                    .build(), Integer.MAX_VALUE);
            List<TaskLine> tasks = new ArrayList<>();
            List<OccupationScore.Weighted> weighted = new ArrayList<>();
            for (ScoreDoc hit : taskDocs.scoreDocs) {
                Document taskDoc = fields.document(hit.doc);
                TaxonomyTask task = index.codec().task(IndexFields.stored(taskDoc, IndexFields.SOURCE));
                String verdictJson = IndexFields.stored(taskDoc, IndexFields.VERDICT);
                double weight = taskDoc.getField(IndexFields.WEIGHT).numericValue().doubleValue();
                String type = task.task().type() == null ? null : task.task().type().name();
                if (verdictJson == null) {
                    tasks.add(new TaskLine(task.task().id(), task.task().statement(), type, weight,
                            Scores.NONE, null, null, List.of(), null));
                    continue;
                }
                var verdict = view.overrides().apply(index.verdicts().read(task.task(), verdictJson).verdict(),
                        task.task().id());
                List<String> evidence = new ArrayList<>();
                for (ScorerOutcome outcome : verdict.outcomes()) {
                    if (outcome.rating() != null && !outcome.rating().evidence().isEmpty()) {
                        evidence.add(outcome.scorer() + ": " + outcome.rating().evidence().get(0));
                    }
                }
                tasks.add(new TaskLine(task.task().id(), task.task().statement(), type, weight, verdict.scores(),
                        verdict.bottlenecks().dominant().orElse(null), verdict.verification(), evidence, verdict.override()));
                weighted.add(new OccupationScore.Weighted(weight, verdict.effectiveScores(), verdict.bottlenecks()));
            }
            tasks.sort(Comparator.comparingDouble((TaskLine t) -> t.effectiveScores().score().orElse(-1)).reversed()
                    .thenComparing(TaskLine::taskId));
            if (score != null && targets.occupations().contains(onetCode)) {
                score = OccupationScore.of(weighted, score.weighting());
            }
            return new Detail(occupation, hierarchy.path(onetCode), score, tasks, null, Rankings.report(targets));
        });
        if (detail == null) {
            throw new BadInputException("no occupation " + onetCode + " in the taxonomy at " + index.path()
                    + "; find codes with: moravec search --occupations \"job title\"");
        }
        if (view.intervals() == null || detail.score() == null || detail.score().score().isEmpty()) {
            return detail;
        }
        Ranking all = new Rankings(index).rank(new Rankings.Request("occupation", true, null, Integer.MAX_VALUE), null, view);
        for (int i = 0; i < all.rows().size(); i++) {
            Ranking.Row row = all.rows().get(i);
            if (row.code().equals(onetCode)) {
                return new Detail(detail.occupation(), detail.path(), detail.score(), detail.tasks(),
                        new Standing(row.interval(), i + 1, all.rows().size(), row.rankRange(), view.intervals()),
                        detail.overrides());
            }
        }
        return detail;
    }
}
