package dev.moravec.taxonomy.index.internal;

import static dev.moravec.taxonomy.index.internal.IndexFields.*;

import dev.moravec.api.Bottleneck;
import dev.moravec.api.Rating;
import dev.moravec.api.WorkActivity;
import dev.moravec.model.Digest;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.ScorerShare;
import dev.moravec.model.Scores;
import dev.moravec.model.TaskWeighting;
import dev.moravec.model.Verdict;
import dev.moravec.taxonomy.index.StoredVerdict;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the index's documents for tasks, occupations and the index's metadata ({@link IndexFields}
 * names their fields). Every document is rebuilt from its stored JSON ({@link IndexFields#SOURCE}), so
 * a verdict or a score is added by rewriting the document with {@code updateDocument} on its key.
 */
public final class Documents {

    private final Codec codec;
    private final StoredVerdicts verdicts;

    /**
     * @param codec the JSON codec of the stored sources
     * @param verdicts the JSON of stored verdicts and scores
     */
    public Documents(Codec codec, StoredVerdicts verdicts) {
        this.codec = codec;
        this.verdicts = verdicts;
    }

    /**
     * A hash of what a task says, so a stored verdict survives a re-import that leaves the task alone.
     *
     * @param task the task
     * @return the hash
     */
    public static String contentKey(dev.moravec.api.Task task) {
        return Digest.sha256(task.statement() + "\u0000" + task.occupationCode() + "\u0000" + task.type());
    }

    /**
     * A task's document.
     *
     * @param task the task
     * @param occupationTitle its occupation's title
     * @param hierarchy the SOC hierarchy
     * @param weight its weight in its occupation
     * @param verdict its verdict, or {@code null} before it is classified
     * @param vector the statement's embedding, or {@code null} before it is computed
     * @return the document, facets built
     */
    public Document task(TaxonomyTask task, String occupationTitle, SocHierarchy hierarchy, double weight,
            StoredVerdict verdict, float[] vector) {
        dev.moravec.api.Task t = task.task();
        String code = t.occupationCode();
        Document doc = new Document();
        doc.add(new StringField(KIND, "task", Field.Store.NO));
        doc.add(new StringField(KEY, taskKey(code, t.id()), Field.Store.NO));
        doc.add(new StringField(TASK_ID, t.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(TASK_ID, new BytesRef(t.id())));
        addFamily(doc, code, hierarchy);
        doc.add(new TextField(STATEMENT, t.statement(), Field.Store.YES));
        doc.add(new TextField(TITLE, occupationTitle == null ? "" : occupationTitle, Field.Store.YES));
        if (t.type() != null) {
            doc.add(new StringField(TASK_TYPE, t.type().name(), Field.Store.YES));
        }
        StringBuilder activities = new StringBuilder();
        for (WorkActivity activity : task.activities()) {
            activities.append(activity.dwaTitle()).append(". ");
            if (activity.iwaTitle() != null) {
                activities.append(activity.iwaTitle()).append(". ");
            }
            if (activity.gwaTitle() != null) {
                activities.append(activity.gwaTitle()).append(". ");
            }
        }
        doc.add(new TextField(ACTIVITIES, activities.toString(), Field.Store.NO));
        doc.add(new DoubleDocValuesField(WEIGHT, weight));
        doc.add(new StoredField(WEIGHT, weight));
        doc.add(new StoredField(SOURCE, codec.task(task)));
        if (verdict != null) {
            addVerdict(doc, verdict);
        }
        addVector(doc, vector);
        return build(doc);
    }

    private void addVerdict(Document doc, StoredVerdict stored) {
        Verdict verdict = stored.verdict();
        Scores scores = verdict.scores();
        doc.add(new StoredField(VERDICT, verdicts.write(stored)));
        doc.add(new StringField(QUADRANT, scores.quadrant().name(), Field.Store.YES));
        doc.add(new SortedDocValuesField(QUADRANT, new BytesRef(scores.quadrant().name())));
        doc.add(new SortedSetDocValuesFacetField(QUADRANT, scores.quadrant().name()));
        addScores(doc, scores);
        for (Bottleneck bottleneck : verdict.bottlenecks().factors()) {
            doc.add(new DoubleDocValuesField(FACTOR + bottleneck.factor().name(), bottleneck.strength()));
        }
        verdict.bottlenecks().dominant().ifPresent(factor -> keyword(doc, DOMINANT, factor.name()));
        addScorerRatings(doc, stored);
        if (verdict.verification() != null) {
            keyword(doc, VERIFICATION, verdict.verification().name());
        }
    }

    // each scorer's T and V with its weight in the verdict, where it counted: the intervals combine them again
    private static void addScorerRatings(Document doc, StoredVerdict stored) {
        for (ScorerShare share : stored.shares()) {
            Rating rating = stored.verdict().outcomes().stream().filter(o -> o.scorer().equals(share.scorer()))
                    .map(ScorerOutcome::rating).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (rating == null) {
                continue;
            }
            if (share.transferability() > 0 && rating.transferability().isPresent()) {
                doc.add(new DoubleDocValuesField(SCORER_T + share.scorer(), rating.transferability().getAsDouble()));
                doc.add(new DoubleDocValuesField(SCORER_T_SHARE + share.scorer(), share.transferability()));
            }
            if (share.verificationCost() > 0 && rating.verificationCost().isPresent()) {
                doc.add(new DoubleDocValuesField(SCORER_V + share.scorer(), rating.verificationCost().getAsDouble()));
                doc.add(new DoubleDocValuesField(SCORER_V_SHARE + share.scorer(), share.verificationCost()));
            }
        }
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    /**
     * An occupation's document.
     *
     * @param occupation the occupation
     * @param hierarchy the SOC hierarchy
     * @param weighting how its tasks are weighted, or {@code null} when it has no tasks
     * @param score its score, or {@code null} before its tasks are classified
     * @param vector the embedding of its title and description, or {@code null} before it is computed
     * @return the document, facets built
     */
    public Document occupation(Occupation occupation, SocHierarchy hierarchy, TaskWeighting weighting,
            OccupationScore score, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(KIND, "occupation", Field.Store.NO));
        doc.add(new StringField(KEY, occupationKey(occupation.code()), Field.Store.NO));
        addFamily(doc, occupation.code(), hierarchy);
        doc.add(new TextField(TITLE, occupation.title(), Field.Store.YES));
        if (occupation.description() != null) {
            doc.add(new TextField(DESCRIPTION, occupation.description(), Field.Store.YES));
        }
        for (String alternate : occupation.alternateTitles()) {
            doc.add(new TextField(ALTERNATE_TITLES, alternate, Field.Store.YES));
        }
        if (occupation.jobZone() != null) {
            doc.add(new IntPoint(JOB_ZONE, occupation.jobZone()));
            doc.add(new NumericDocValuesField(JOB_ZONE, occupation.jobZone()));
        }
        if (occupation.employment() != null) {
            doc.add(new DoubleDocValuesField(EMPLOYMENT, occupation.employment()));
        }
        if (occupation.annualWage() != null) {
            doc.add(new DoubleDocValuesField(WAGE, occupation.annualWage()));
        }
        doc.add(new StoredField(SOURCE, codec.occupation(occupation)));
        if (weighting != null) {
            doc.add(new NumericDocValuesField(WEIGHTING, weighting.ordinal()));
        }
        if (score != null) {
            addScore(doc, score);
        }
        addVector(doc, vector);
        return build(doc);
    }

    private void addScore(Document doc, OccupationScore score) {
        doc.add(new StoredField(VERDICT, verdicts.write(score)));
        doc.add(new NumericDocValuesField(TASKS, score.tasks()));
        addScores(doc, score.means());
        for (Map.Entry<Quadrant, Double> share : score.shares().entrySet()) {
            doc.add(new DoubleDocValuesField(SHARE + share.getKey().name(), share.getValue()));
        }
        score.factors().forEach((factor, strength) -> doc.add(new DoubleDocValuesField(FACTOR + factor.name(), strength)));
        score.laggingBy().forEach((factor, share) -> doc.add(new DoubleDocValuesField(LAGGING_BY + factor.name(), share)));
    }

    private static void addScores(Document doc, Scores scores) {
        scores.transferability().ifPresent(v -> doc.add(new DoubleDocValuesField(T, v)));
        scores.verificationCost().ifPresent(v -> doc.add(new DoubleDocValuesField(V, v)));
        scores.score().ifPresent(v -> doc.add(new DoubleDocValuesField(S, v)));
    }

    private static void addVector(Document doc, float[] vector) {
        if (vector == null) {
            return;
        }
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        ByteBuffer bytes = ByteBuffer.allocate(4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        doc.add(new StoredField(VECTOR_STORED, bytes.array()));
    }

    /**
     * A document's stored vector.
     *
     * @param doc the stored document
     * @return the vector, or {@code null} when it has none
     */
    public static float[] vector(Document doc) {
        IndexableField field = doc.getField(VECTOR_STORED);
        if (field == null) {
            return null;
        }
        BytesRef bytes = field.binaryValue();
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /**
     * The text an occupation's vector embeds.
     *
     * @param occupation the occupation
     * @return its title, and its description where known
     */
    public static String vectorText(Occupation occupation) {
        return occupation.description() == null ? occupation.title() : occupation.title() + ". " + occupation.description();
    }

    private static void addFamily(Document doc, String code, SocHierarchy hierarchy) {
        doc.add(new StringField(CODE, code, Field.Store.YES));
        List<String> path = new ArrayList<>();
        for (SocLevel level : SocLevel.values()) {
            String group = hierarchy.groupOf(code, level);
            path.add(group);
            doc.add(new StringField(FAMILY, group, Field.Store.NO));
            doc.add(new SortedDocValuesField(levelField(level), new BytesRef(group)));
        }
        doc.add(new SortedSetDocValuesFacetField(FAMILY_FACET, path.toArray(String[]::new)));
    }

    /**
     * The metadata document: SOC titles and the import report.
     *
     * @param hierarchy the hierarchy
     * @param report the import report's JSON
     * @return the document
     */
    public Document meta(SocHierarchy hierarchy, String report) {
        Document doc = new Document();
        doc.add(new StringField(KIND, "meta", Field.Store.NO));
        doc.add(new StringField(KEY, "meta", Field.Store.NO));
        doc.add(new StoredField(HIERARCHY, codec.write(codec.mapper().valueToTree(hierarchy.titles()))));
        doc.add(new StoredField(REPORT, report));
        return doc;
    }

    private static Document build(Document doc) {
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
