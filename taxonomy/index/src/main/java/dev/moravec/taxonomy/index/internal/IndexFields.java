package dev.moravec.taxonomy.index.internal;

import dev.moravec.taxonomy.sources.SocLevel;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;

/**
 * The index's schema: its version, the field names with what each holds, the facet configuration and
 * the keys that find a document.
 */
public final class IndexFields {


    /**
     * The schema version; an index with another one must be imported again (2: verdicts stored as VerdictJson;
     * 3: bottleneck factors and verification modes; 4: each scorer's rating and share on tasks; 5: wages,
     * crosswalks, ESCO, industry employment).
     */
    public static final int SCHEMA_VERSION = 5;

    /**
     * Keyword: {@code task}, {@code occupation} or {@code meta}; for what an import adds beside the release,
     * {@code crosswalk}, {@code esco}, {@code industry}, and {@code group} (a searchable code of another
     * classification, made from them).
     */
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
    /** Doc values on occupations: the national mean annual wage of its SOC code. */
    public static final String WAGE = "wage";
    /** Keyword, stored, on {@code group} documents: the classification of the group ({@code isco08}, ...). */
    public static final String CLASSIFICATION = "classification";
    /** Keyword, stored, on ESCO {@code group} documents: the occupation's concept URI. */
    public static final String URI = "uri";
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
    /** Doc values prefix: a task's strength of each bottleneck factor; on occupations, the mean over its tasks. */
    public static final String FACTOR = "factor.";
    /** Doc values prefix on occupations: the weighted share of its tasks that lag with each factor dominant. */
    public static final String LAGGING_BY = "lag.";
    /** Sorted doc values and keyword on tasks: the dominant bottleneck factor, where there is one. */
    public static final String DOMINANT = "dominant";
    /** Sorted doc values and keyword on tasks: the verification mode, where a scorer named one. */
    public static final String VERIFICATION = "verification";
    /** Doc values prefix on tasks, then a scorer's id: the transferability that scorer gave. */
    public static final String SCORER_T = "scorerT.";
    /** Doc values prefix on tasks, then a scorer's id: its weight in the task's T ({@code ScorerShare}). */
    public static final String SCORER_T_SHARE = "scorerTw.";
    /** Doc values prefix on tasks, then a scorer's id: the verification cost that scorer gave. */
    public static final String SCORER_V = "scorerV.";
    /** Doc values prefix on tasks, then a scorer's id: its weight in the task's V. */
    public static final String SCORER_V_SHARE = "scorerVw.";
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

    private IndexFields() {}

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

    private static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical(FAMILY_FACET, true);
        config.setMultiValued(FAMILY_FACET, false);
        return config;
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
