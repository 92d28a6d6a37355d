package dev.moravec.taxonomy;

import dev.moravec.engine.BadInputException;
import dev.moravec.engine.OccupationScore;
import dev.moravec.engine.Quadrant;
import dev.moravec.engine.ScorerOutcome;
import dev.moravec.taxonomy.internal.Documents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
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
     * @param transferability T
     * @param verificationCost V
     * @param score S
     * @param quadrant its quadrant, or {@code null} before classification
     * @param evidence the first piece of evidence of each scorer that rated it
     */
    public record TaskLine(String taskId, String statement, String type, double weight, OptionalDouble transferability,
            OptionalDouble verificationCost, OptionalDouble score, Quadrant quadrant, List<String> evidence) {}

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
        return index.search(searcher -> {
            Map<String, String> titles = new TreeMap<>();
            TopDocs docs = searcher.search(new TermQuery(new Term(Documents.KIND, "occupation")), Integer.MAX_VALUE);
            StoredFields fields = searcher.storedFields();
            for (ScoreDoc hit : docs.scoreDocs) {
                Document doc = fields.document(hit.doc, Set.of(Documents.CODE, Documents.TITLE));
                titles.put(Documents.stored(doc, Documents.CODE), Documents.stored(doc, Documents.TITLE));
            }
            return titles;
        });
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
        String onetCode = code.matches("\\d{2}-\\d{4}") ? code + ".00" : code;
        Detail detail = index.search(searcher -> {
            SocHierarchy hierarchy = index.hierarchy(searcher);
            TopDocs found = searcher.search(new TermQuery(Documents.keyTerm(Documents.occupationKey(onetCode))), 1);
            if (found.scoreDocs.length == 0) {
                return null;
            }
            StoredFields fields = searcher.storedFields();
            Document doc = fields.document(found.scoreDocs[0].doc);
            Occupation occupation = index.codec().occupation(Documents.stored(doc, Documents.SOURCE));
            String scoreJson = Documents.stored(doc, Documents.VERDICT);
            OccupationScore score = scoreJson == null ? null : index.documents().occupationScore(scoreJson);
            TopDocs taskDocs = searcher.search(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Documents.KIND, "task")), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Documents.CODE, onetCode)), BooleanClause.Occur.FILTER)
                    .build(), Integer.MAX_VALUE);
            List<TaskLine> tasks = new ArrayList<>();
            for (ScoreDoc hit : taskDocs.scoreDocs) {
                Document taskDoc = fields.document(hit.doc);
                TaxonomyTask task = index.codec().task(Documents.stored(taskDoc, Documents.SOURCE));
                String verdictJson = Documents.stored(taskDoc, Documents.VERDICT);
                double weight = taskDoc.getField(Documents.WEIGHT).numericValue().doubleValue();
                String type = task.task().type() == null ? null : task.task().type().name();
                if (verdictJson == null) {
                    tasks.add(new TaskLine(task.task().id(), task.task().statement(), type, weight, OptionalDouble.empty(),
                            OptionalDouble.empty(), OptionalDouble.empty(), null, List.of()));
                    continue;
                }
                var verdict = index.documents().verdict(task.task(), verdictJson).verdict();
                List<String> evidence = new ArrayList<>();
                for (ScorerOutcome outcome : verdict.outcomes()) {
                    if (outcome.rating() != null && !outcome.rating().evidence().isEmpty()) {
                        evidence.add(outcome.scorer() + ": " + outcome.rating().evidence().get(0));
                    }
                }
                tasks.add(new TaskLine(task.task().id(), task.task().statement(), type, weight,
                        verdict.transferability(), verdict.verificationCost(), verdict.score(), verdict.quadrant(),
                        evidence));
            }
            tasks.sort(Comparator.comparingDouble((TaskLine t) -> t.score().orElse(-1)).reversed()
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
