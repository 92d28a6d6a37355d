package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The output record ({@link VerdictJson}) as a Parquet row: the same names and the same values, rounded as
 * the JSON is; {@code occupation}, {@code weights}, the bottlenecks and each rating nested; {@code fields} a map from the
 * input's other columns to their text (JSON text where the input held a number, object or array).
 */
public final class VerdictRows {

    private static final DataType TEXT = DataTypes.StringType;
    private static final DataType NUMBER = DataTypes.DoubleType;

    /** A bottleneck factor of the record's combined profile: the factor and its strength. */
    static final StructType BOTTLENECK = new StructType().add("factor", TEXT, false).add("strength", NUMBER, false);

    /** A bottleneck factor a scorer named, with its evidence. */
    static final StructType RATED_BOTTLENECK = BOTTLENECK.add("evidence", DataTypes.createArrayType(TEXT, false), false);

    /** One scorer's outcome. */
    static final StructType RATING = new StructType()
            .add(VerdictJson.SCORER, TEXT).add(VerdictJson.VERSION, TEXT).add("status", TEXT)
            .add(VerdictJson.TRANSFERABILITY, NUMBER).add(VerdictJson.VERIFICATION_COST, NUMBER)
            .add("confidence", NUMBER).add("evidence", DataTypes.createArrayType(TEXT, false))
            .add(VerdictJson.VERIFICATION, TEXT)
            .add(VerdictJson.BOTTLENECKS, DataTypes.createArrayType(RATED_BOTTLENECK, false))
            .add("reason", TEXT);

    /** The record. */
    public static final StructType SCHEMA = new StructType()
            .add("id", TEXT, false)
            .add("statement", TEXT, false)
            .add("occupation", new StructType().add("code", TEXT).add("title", TEXT))
            .add("taskType", TEXT)
            .add("weights", new StructType().add("importance", NUMBER).add("relevance", NUMBER).add("frequency", NUMBER))
            .add(VerdictJson.TRANSFERABILITY, NUMBER)
            .add(VerdictJson.VERIFICATION_COST, NUMBER)
            .add(VerdictJson.SCORE, NUMBER)
            .add(VerdictJson.QUADRANT, TEXT, false)
            .add(VerdictJson.VERIFICATION, TEXT)
            .add(VerdictJson.BOTTLENECKS, DataTypes.createArrayType(BOTTLENECK, false), false)
            .add(VerdictJson.RATINGS, DataTypes.createArrayType(RATING, false), false)
            .add("fields", DataTypes.createMapType(TEXT, TEXT, true));

    private VerdictRows() {}

    /**
     * @param record the input record
     * @param verdict its verdict
     * @return the row, in {@link #SCHEMA}
     */
    public static Row of(CatalogRecord record, Verdict verdict) {
        Task task = record.task();
        Row occupation = task.occupationCode() == null && record.occupationTitle() == null ? null
                : RowFactory.create(task.occupationCode(), record.occupationTitle());
        TaskWeights weights = task.weights();
        Row weightRow = weights.isKnown() ? RowFactory.create(rounded(weights.importance()),
                rounded(weights.relevance()), rounded(weights.frequency())) : null;
        List<Row> ratings = new ArrayList<>(verdict.outcomes().size());
        for (ScorerOutcome outcome : verdict.outcomes()) {
            Rating rating = outcome.rating();
            ratings.add(rating == null
                    ? RowFactory.create(outcome.scorer(), outcome.version(), outcome.status().name(), null, null, null,
                            null, null, null, outcome.reason())
                    : RowFactory.create(outcome.scorer(), outcome.version(), outcome.status().name(),
                            rounded(rating.transferability()), rounded(rating.verificationCost()),
                            VerdictJson.round(rating.confidence()), seq(rating.evidence()),
                            rating.verification().map(Enum::name).orElse(null),
                            rating.bottlenecks().isEmpty() ? null : bottlenecks(rating.bottlenecks(), true), null));
        }
        return RowFactory.create(task.id(), task.statement(), occupation, task.type() == null ? null : task.type().name(),
                weightRow, rounded(verdict.transferability()), rounded(verdict.verificationCost()),
                rounded(verdict.score()), verdict.quadrant().name(),
                verdict.verification() == null ? null : verdict.verification().name(),
                bottlenecks(verdict.bottlenecks().shown(), false), seq(ratings), fields(record));
    }

    // as VerdictJson writes them: the record's shown factors without evidence, a scorer's with theirs
    private static scala.collection.Seq<Row> bottlenecks(List<Bottleneck> bottlenecks, boolean withEvidence) {
        List<Row> rows = new ArrayList<>(bottlenecks.size());
        for (Bottleneck bottleneck : bottlenecks) {
            double strength = VerdictJson.round(bottleneck.strength());
            rows.add(withEvidence ? RowFactory.create(bottleneck.factor().name(), strength, seq(bottleneck.evidence()))
                    : RowFactory.create(bottleneck.factor().name(), strength));
        }
        return seq(rows);
    }

    // Spark's rows hold Scala collections
    private static <T> scala.collection.Seq<T> seq(List<T> items) {
        return CollectionConverters.asScala(items);
    }

    private static scala.collection.Map<String, String> fields(CatalogRecord record) {
        if (record.fields().isEmpty()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : record.fields().properties()) {
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isNull() ? null : value.isTextual() ? value.asText() : value.toString());
        }
        return CollectionConverters.asScala(fields);
    }

    private static Double rounded(OptionalDouble value) {
        return value.isPresent() ? VerdictJson.round(value.getAsDouble()) : null;
    }
}
