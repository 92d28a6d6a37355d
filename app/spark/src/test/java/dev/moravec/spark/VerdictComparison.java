package dev.moravec.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * Compares verdicts task by task: the id, T, V, S, quadrant, verification mode and bottlenecks, and each
 * scorer's outcome (scorer, version, status, T, V, confidence, evidence, verification mode and bottlenecks
 * with their evidence, or reason), as {@code classify}'s records and the Spark job's Parquet rows hold
 * them. Each difference names its task.
 */
final class VerdictComparison {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VerdictComparison() {}

    /**
     * @param classify classify's records by id
     * @param spark the Spark job's records by id, each as the projection {@link #of(Row)} makes
     * @return one line per difference, at most 20
     */
    static List<String> differences(Map<String, JsonNode> classify, Map<String, JsonNode> spark) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(classify.keySet());
        ids.addAll(spark.keySet());
        for (String id : ids) {
            if (differences.size() == 20) {
                differences.add("...");
                break;
            }
            JsonNode expected = classify.containsKey(id) ? projection(classify.get(id)) : null;
            JsonNode actual = spark.get(id);
            if (expected == null || actual == null) {
                differences.add("task " + id + ": only in " + (expected == null ? "the Spark job's output" : "classify's"));
            } else if (!expected.equals(actual)) {
                differences.add("task " + id + ": classify " + expected + ", Spark " + actual);
            }
        }
        return differences;
    }

    /**
     * @param record a record as classify writes it
     * @return the fields compared
     */
    static ObjectNode projection(JsonNode record) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("id", record.get("id"));
        for (String key : List.of("transferability", "verificationCost", "score", "quadrant", "verification",
                "bottlenecks")) {
            node.set(key, record.get(key));
        }
        ArrayNode ratings = node.putArray("ratings");
        for (JsonNode rating : record.get("ratings")) {
            ObjectNode r = ratings.addObject();
            for (String key : List.of("scorer", "version", "status", "transferability", "verificationCost", "confidence",
                    "evidence", "verification", "bottlenecks", "reason")) {
                if (rating.has(key)) {
                    r.set(key, rating.get(key));
                }
            }
        }
        return node;
    }

    /**
     * @param row a verdict row of the Spark job's Parquet output
     * @return the fields compared, as {@link #projection} makes them of classify's record
     */
    static ObjectNode of(Row row) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", row.<String>getAs("id"));
        for (String key : List.of("transferability", "verificationCost", "score")) {
            Object value = row.getAs(key);
            if (value == null) {
                node.putNull(key);
            } else {
                node.put(key, (Double) value);
            }
        }
        node.put("quadrant", row.<String>getAs("quadrant"));
        node.put("verification", row.<String>getAs("verification"));
        node.set("bottlenecks", bottlenecks(row.getList(row.fieldIndex("bottlenecks")), false));
        ArrayNode ratings = node.putArray("ratings");
        for (Row rating : row.<Row>getList(row.fieldIndex("ratings"))) {
            ObjectNode r = ratings.addObject();
            r.put("scorer", rating.<String>getAs("scorer"));
            r.put("version", rating.<String>getAs("version"));
            r.put("status", rating.<String>getAs("status"));
            if (rating.getAs("reason") != null) {
                r.put("reason", rating.<String>getAs("reason"));
                continue;
            }
            for (String key : List.of("transferability", "verificationCost")) {
                Object value = rating.getAs(key);
                if (value == null) {
                    r.putNull(key);
                } else {
                    r.put(key, (Double) value);
                }
            }
            r.put("confidence", rating.<Double>getAs("confidence"));
            r.set("evidence", strings(rating.getList(rating.fieldIndex("evidence"))));
            if (rating.getAs("verification") != null) {
                r.put("verification", rating.<String>getAs("verification"));
            }
            if (rating.getAs("bottlenecks") != null) {
                r.set("bottlenecks", bottlenecks(rating.getList(rating.fieldIndex("bottlenecks")), true));
            }
        }
        return node;
    }

    private static ArrayNode bottlenecks(List<Row> rows, boolean withEvidence) {
        ArrayNode bottlenecks = MAPPER.createArrayNode();
        for (Row row : rows) {
            ObjectNode b = bottlenecks.addObject().put("factor", row.<String>getAs("factor"))
                    .put("strength", row.<Double>getAs("strength"));
            if (withEvidence) {
                b.set("evidence", strings(row.getList(row.fieldIndex("evidence"))));
            }
        }
        return bottlenecks;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
