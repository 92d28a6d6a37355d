package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.internal.IndexFields;
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
     * @param score its score, or {@code null} before its tasks are classified
     * @param tasks its tasks, highest score first, unrated last
     */
    public record Detail(Occupation occupation, List<SocHierarchy.Node> path, OccupationScore score, List<TaskLine> tasks) {}

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
     */
    public record TaskLine(String taskId, String statement, String type, double weight, Scores scores,
            BottleneckFactor bottleneck, VerificationMode verification, List<String> evidence) {}

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

    /** Every occupation's title as a searcher of the index sees them, by code. */
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
        String onetCode = OccupationCode.isSoc(code) ? code + ".00" : code;
        Detail detail = index.search(searcher -> {
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
            for (ScoreDoc hit : taskDocs.scoreDocs) {
                Document taskDoc = fields.document(hit.doc);
                TaxonomyTask task = index.codec().task(IndexFields.stored(taskDoc, IndexFields.SOURCE));
                String verdictJson = IndexFields.stored(taskDoc, IndexFields.VERDICT);
                double weight = taskDoc.getField(IndexFields.WEIGHT).numericValue().doubleValue();
                String type = task.task().type() == null ? null : task.task().type().name();
                if (verdictJson == null) {
                    tasks.add(new TaskLine(task.task().id(), task.task().statement(), type, weight,
                            Scores.NONE, null, null, List.of()));
                    continue;
                }
                var verdict = index.verdicts().read(task.task(), verdictJson).verdict();
                List<String> evidence = new ArrayList<>();
                for (ScorerOutcome outcome : verdict.outcomes()) {
                    if (outcome.rating() != null && !outcome.rating().evidence().isEmpty()) {
                        evidence.add(outcome.scorer() + ": " + outcome.rating().evidence().get(0));
                    }
                }
                tasks.add(new TaskLine(task.task().id(), task.task().statement(), type, weight, verdict.scores(),
                        verdict.bottlenecks().dominant().orElse(null), verdict.verification(), evidence));
            }
            tasks.sort(Comparator.comparingDouble((TaskLine t) -> t.scores().score().orElse(-1)).reversed()
                    .thenComparing(TaskLine::taskId));
            return new Detail(occupation, hierarchy.path(onetCode), score, tasks);
        });
        if (detail == null) {
            throw new BadInputException("no occupation " + onetCode + " in the taxonomy at " + index.path()
                    + "; find codes with: moravec search --occupations \"job title\"");
        }
        return detail;
    }
}
