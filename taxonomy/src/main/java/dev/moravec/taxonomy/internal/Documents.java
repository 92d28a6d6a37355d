package dev.moravec.taxonomy.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.engine.OccupationScore;
import dev.moravec.engine.Quadrant;
import dev.moravec.engine.ScorerOutcome;
import dev.moravec.engine.TaskWeighting;
import dev.moravec.engine.Verdict;
import dev.moravec.engine.catalog.OutcomeJson;
import dev.moravec.api.WorkActivity;
import dev.moravec.taxonomy.Occupation;
import dev.moravec.taxonomy.SocHierarchy;
import dev.moravec.taxonomy.SocLevel;
import dev.moravec.taxonomy.StoredVerdict;
import dev.moravec.taxonomy.TaxonomyTask;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
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
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The index's schema: field names, and the documents built for tasks, occupations and the index's
 * metadata. Every document is rebuilt from its stored JSON ({@link #SOURCE}), so a verdict or a score
 * is added by rewriting the document with {@code updateDocument} on its {@link #KEY}.
 */
public final class Documents {

    /** The schema version; an index with another one must be imported again. */
    public static final int SCHEMA_VERSION = 1;

    /** Keyword: {@code task}, {@code occupation} or {@code meta}. */
    public static final String KIND = "kind";
    /** Keyword: the document's unique key, for updates. */
    public static final String KEY = "key";
    /** Keyword, stored: the O*NET-SOC code of the occupation (of the task's occupation for tasks). */
    public static final String CODE = "code";
    /** Keyword, multi-valued: the codes of every SOC level above and including the occupation. */
    public static final String FAMILY = "family";
    /** Hierarchical facet: major / minor / broad / detailed / occupation. */
    public static final String FAMILY_FACET = "family";
    /** Facet and keyword: the task's quadrant. */
    public static final String QUADRANT = "quadrant";
    /** Text, stored: the task statement. */
    public static final String STATEMENT = "statement";
    /** Text: the task's work activities (DWA, IWA and GWA titles). */
    public static final String ACTIVITIES = "activities";
    /** Keyword, stored: the task id. */
    public static final String TASK_ID = "taskId";
    /** Keyword, stored: CORE or SUPPLEMENTAL. */
    public static final String TASK_TYPE = "taskType";
    /** Text, stored: the occupation's title (on tasks too, for display and search). */
    public static final String TITLE = "title";
    /** Text, stored: the occupation's description. */
    public static final String DESCRIPTION = "description";
    /** Text, stored, multi-valued: alternate titles. */
    public static final String ALTERNATE_TITLES = "alternateTitles";
    /** Int point, doc values, stored: job zone. */
    public static final String JOB_ZONE = "jobZone";
    /** Doc values, stored: national employment. */
    public static final String EMPLOYMENT = "employment";
    /** Doc values: the task's weight in its occupation. */
    public static final String WEIGHT = "weight";
    /** Doc values: transferability, verification cost and score, where rated. */
    public static final String T = "T";
    /** Doc values: verification cost. */
    public static final String V = "V";
    /** Doc values: score. */
    public static final String S = "S";
    /** Doc values prefix on occupations: the weighted share of tasks in each quadrant. */
    public static final String SHARE = "share.";
    /** Doc values on occupations: the number of tasks. */
    public static final String TASKS = "tasks";
    /** Doc values on occupations: the task weighting used, as the ordinal of {@code TaskWeighting}. */
    public static final String WEIGHTING = "weighting";
    /** Stored JSON: the record the document is built from. */
    public static final String SOURCE = "source";
    /** Stored JSON: the verdict of a task, the score of an occupation. */
    public static final String VERDICT = "verdict";
    /** Stored JSON on the meta document: SOC titles. */
    public static final String HIERARCHY = "hierarchy";
    /** Stored JSON on the meta document: the import report. */
    public static final String REPORT = "report";
    /** Vector (dot product of unit vectors): the embedding of a task's statement or an occupation's title and description. */
    public static final String VECTOR = "vector";
    /** Stored bytes: the vector, so a document can be rebuilt with it. */
    public static final String VECTOR_STORED = "vectorBytes";

    /** The facet configuration: the family dimension is hierarchical. */
    public static final FacetsConfig FACETS = facets();

    private final Codec codec;

    /**
     * @param codec the JSON codec
     */
    public Documents(Codec codec) {
        this.codec = codec;
    }

    private static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical(FAMILY_FACET, true);
        config.setMultiValued(FAMILY_FACET, false);
        return config;
    }

    /** @return the group code doc-values field of a level */
    public static String levelField(SocLevel level) {
        return "level." + level.label();
    }

    /**
     * The key of a task's document.
     *
     * @param occupationCode the task's occupation
     * @param taskId the task's id
     * @return the key
     */
    public static String taskKey(String occupationCode, String taskId) {
        return "task:" + occupationCode + ":" + taskId;
    }

    /**
     * The key of an occupation's document.
     *
     * @param code its code
     * @return the key
     */
    public static String occupationKey(String code) {
        return "occupation:" + code;
    }

    /** @return the term that finds a document by key */
    public static Term keyTerm(String key) {
        return new Term(KEY, key);
    }

    /**
     * A hash of what a task says, so a stored verdict survives a re-import that leaves the task alone.
     *
     * @param task the task
     * @return the hash
     */
    public static String contentKey(dev.moravec.api.Task task) {
        return sha256(task.statement() + "\u0000" + task.occupationCode() + "\u0000" + task.type());
    }

    /**
     * A SHA-256 in hex.
     *
     * @param text what to hash
     * @return 64 hex digits
     */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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
        ObjectNode node = codec.mapper().createObjectNode();
        verdict.transferability().ifPresent(v -> node.put("t", v));
        verdict.verificationCost().ifPresent(v -> node.put("v", v));
        verdict.score().ifPresent(v -> node.put("s", v));
        node.put("quadrant", verdict.quadrant().name());
        node.put("contentKey", stored.contentKey());
        node.put("ratingKey", stored.ratingKey());
        node.put("configKey", stored.configKey());
        node.set("ratings", outcomes(verdict.outcomes()));
        doc.add(new StoredField(VERDICT, codec.write(node)));
        doc.add(new StringField(QUADRANT, verdict.quadrant().name(), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(QUADRANT, verdict.quadrant().name()));
        verdict.transferability().ifPresent(v -> doc.add(new DoubleDocValuesField(T, v)));
        verdict.verificationCost().ifPresent(v -> doc.add(new DoubleDocValuesField(V, v)));
        verdict.score().ifPresent(v -> doc.add(new DoubleDocValuesField(S, v)));
    }

    private JsonNode outcomes(List<ScorerOutcome> outcomes) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = codec.mapper().getFactory().createGenerator(text)) {
            json.writeStartArray();
            for (ScorerOutcome outcome : outcomes) {
                OutcomeJson.write(json, outcome);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codec.read(text.toString());
    }

    /**
     * Reads a task's stored verdict.
     *
     * @param task the task
     * @param json the stored {@link #VERDICT} JSON
     * @return the verdict with its keys
     */
    public StoredVerdict verdict(dev.moravec.api.Task task, String json) {
        JsonNode node = codec.read(json);
        List<ScorerOutcome> outcomes = new ArrayList<>();
        for (JsonNode outcome : node.path("ratings")) {
            outcomes.add(OutcomeJson.read(outcome));
        }
        Verdict verdict = new Verdict(task, optional(node, "t"), optional(node, "v"), optional(node, "s"),
                Quadrant.valueOf(node.get("quadrant").asText()), outcomes);
        return new StoredVerdict(verdict, node.path("contentKey").asText(), node.path("ratingKey").asText(),
                node.path("configKey").asText());
    }

    /**
     * The values of a stored verdict, for listings that need no ratings.
     *
     * @param json the stored {@link #VERDICT} JSON of a task
     * @return T, V, S and the quadrant
     */
    public VerdictValues values(String json) {
        JsonNode node = codec.read(json);
        return new VerdictValues(optional(node, "t"), optional(node, "v"), optional(node, "s"),
                Quadrant.valueOf(node.get("quadrant").asText()));
    }

    /**
     * What a listing shows of a verdict.
     *
     * @param transferability T
     * @param verificationCost V
     * @param score S
     * @param quadrant the quadrant
     */
    public record VerdictValues(OptionalDouble transferability, OptionalDouble verificationCost, OptionalDouble score,
            Quadrant quadrant) {

        /** No verdict yet. */
        public static final VerdictValues NONE =
                new VerdictValues(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), null);
    }

    private static OptionalDouble optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
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

    private void addScore(Document doc, OccupationScore score) {
        ObjectNode node = codec.mapper().createObjectNode();
        node.put("tasks", score.tasks());
        node.put("rated", score.rated());
        score.transferability().ifPresent(v -> node.put("t", v));
        score.verificationCost().ifPresent(v -> node.put("v", v));
        score.score().ifPresent(v -> node.put("s", v));
        ObjectNode shares = node.putObject("shares");
        score.shares().forEach((q, share) -> shares.put(q.name(), share));
        node.put("weighting", score.weighting().name());
        doc.add(new StoredField(VERDICT, codec.write(node)));
        doc.add(new NumericDocValuesField(TASKS, score.tasks()));
        score.transferability().ifPresent(v -> doc.add(new DoubleDocValuesField(T, v)));
        score.verificationCost().ifPresent(v -> doc.add(new DoubleDocValuesField(V, v)));
        score.score().ifPresent(v -> doc.add(new DoubleDocValuesField(S, v)));
        for (Map.Entry<Quadrant, Double> share : score.shares().entrySet()) {
            doc.add(new DoubleDocValuesField(SHARE + share.getKey().name(), share.getValue()));
        }
    }

    /**
     * Reads an occupation's stored score.
     *
     * @param json the stored {@link #VERDICT} JSON
     * @return the score
     */
    public OccupationScore occupationScore(String json) {
        JsonNode node = codec.read(json);
        Map<Quadrant, Double> shares = new java.util.EnumMap<>(Quadrant.class);
        node.path("shares").properties().forEach(e -> shares.put(Quadrant.valueOf(e.getKey()), e.getValue().asDouble()));
        return new OccupationScore(node.get("tasks").asInt(), node.get("rated").asInt(), optional(node, "t"),
                optional(node, "v"), optional(node, "s"), shares,
                TaskWeighting.valueOf(node.get("weighting").asText()));
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

    /**
     * The stored value of a field, or {@code null}.
     *
     * @param doc the stored document
     * @param field the field
     * @return its string value
     */
    public static String stored(Document doc, String field) {
        IndexableField value = doc.getField(field);
        return value == null ? null : value.stringValue();
    }
}
