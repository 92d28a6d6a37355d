package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.api.VerificationMode;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.AppliedOverride;
import dev.moravec.model.Quadrant;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Scores;
import dev.moravec.model.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The JSON of a verdict, written and read in one place: the output record of {@code classify} (one per
 * task, in the layout the manual documents), the same record in the HTTP API, each scorer's outcome in
 * its {@code ratings}, and the T, V, S and quadrant that views of search hits, rankings and
 * occupations show under the same names. Values are rounded to four decimals for output; the taxonomy
 * index stores them exactly.
 *
 * <pre>{@code
 * {"id": "8823", "statement": "...", "occupation": {"code": "11-1011.00", "title": "Chief Executives"},
 *  "taskType": "CORE", "weights": {"importance": 4.1, ...}, "transferability": 0.62,
 *  "verificationCost": 0.71, "score": 0.18, "quadrant": "VERIFICATION_BOUND",
 *  "verification": "SLOW_OUTCOME", "bottlenecks": [{"factor": "SLOW_FEEDBACK", "strength": 0.62}, ...],
 *  "scenario": {"name": "robotics", "transferability": ..., "quadrant": ..., "movedBy": [...]},  (with --scenario)
 *  "override": {"occupation": "11-1011.00", "taskId": "8823", "set": {"transferability": 0.3},
 *               "transferability": 0.3, "verificationCost": 0.71, "score": 0.087, "quadrant": "LAGGING",
 *               "reason": "...", "author": "...", "date": "2026-01-31"},  (where an analyst override applies)
 *  "ratings": [{"scorer": "lexicon", "version": "1.0.0", "status": "OK", "transferability": 0.6,
 *               "verificationCost": 0.7, "confidence": 0.8, "evidence": ["..."],
 *               "verification": "SLOW_OUTCOME",
 *               "bottlenecks": [{"factor": "SLOW_FEEDBACK", "strength": 0.7, "evidence": ["..."]}]}],
 *  "fields": {...}}
 * }</pre>
 */
public final class VerdictJson {

    /** The combined transferability. */
    public static final String TRANSFERABILITY = "transferability";
    /** The combined verification cost. */
    public static final String VERIFICATION_COST = "verificationCost";
    /** The reasoning score. */
    public static final String SCORE = "score";
    /** The quadrant. */
    public static final String QUADRANT = "quadrant";
    /** The most plausible verification mode. */
    public static final String VERIFICATION = "verification";
    /** The bottleneck factors. */
    public static final String BOTTLENECKS = "bottlenecks";
    /** Where the task would stand under a scenario, when {@code classify --scenario} asked for one. */
    public static final String SCENARIO = "scenario";
    /** The analyst override that applies to the task, when there is one. */
    public static final String OVERRIDE = "override";
    /** Each scorer's outcome. */
    public static final String RATINGS = "ratings";
    /** An outcome's scorer id. */
    public static final String SCORER = "scorer";
    /** An outcome's scorer version. */
    public static final String VERSION = "version";

    /** The keys a verdict adds to a task: an input record holding them is output, not a task. */
    public static final Set<String> VERDICT_KEYS =
            Set.of(TRANSFERABILITY, VERIFICATION_COST, SCORE, QUADRANT, VERIFICATION, BOTTLENECKS, SCENARIO, OVERRIDE,
                    RATINGS);

    /** How values are written: rounded for people and scripts, or exactly, for storage. */
    public enum Precision {
        /** Four decimals, far finer than any rating means. */
        ROUNDED,
        /** The double as it is, so that what is read back equals what was written. */
        EXACT
    }

    /** A record read back: the task, its occupation's title, and the verdict's parts. */
    public record Record(Task task, String occupationTitle, Scores scores, List<ScorerOutcome> outcomes) {}

    private VerdictJson() {}

    /**
     * Rounds a value for output.
     *
     * @param value the value
     * @return the value rounded to four decimals
     */
    public static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /**
     * Writes one task's output record as a JSON object.
     *
     * @param json where to write; the caller owns it
     * @param record the input record
     * @param verdict the task's verdict
     * @throws IOException if writing fails
     */
    public static void writeRecord(JsonGenerator json, CatalogRecord record, Verdict verdict) throws IOException {
        Task task = record.task();
        json.writeStartObject();
        json.writeStringField("id", task.id());
        json.writeStringField("statement", task.statement());
        if (task.occupationCode() == null && record.occupationTitle() == null) {
            json.writeNullField("occupation");
        } else {
            json.writeObjectFieldStart("occupation");
            json.writeStringField("code", task.occupationCode());
            json.writeStringField("title", record.occupationTitle());
            json.writeEndObject();
        }
        json.writeStringField("taskType", task.type() == null ? null : task.type().name());
        TaskWeights weights = task.weights();
        if (weights.isKnown()) {
            json.writeObjectFieldStart("weights");
            writeNumber(json, "importance", weights.importance(), Precision.ROUNDED);
            writeNumber(json, "relevance", weights.relevance(), Precision.ROUNDED);
            writeNumber(json, "frequency", weights.frequency(), Precision.ROUNDED);
            json.writeEndObject();
        }
        writeScores(json, verdict.scores(), Precision.ROUNDED);
        writeVerification(json, verdict.verification());
        writeBottlenecks(json, verdict.bottlenecks().shown(), false, Precision.ROUNDED);
        if (verdict.scenario() != null) {
            json.writeObjectFieldStart(SCENARIO);
            json.writeStringField("name", verdict.scenario().scenario());
            writeScores(json, verdict.scenario().scores(), Precision.ROUNDED);
            json.writeArrayFieldStart("movedBy");
            for (BottleneckFactor factor : verdict.scenario().movedBy()) {
                json.writeString(factor.name());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        if (verdict.override() != null) {
            json.writeFieldName(OVERRIDE);
            json.writeTree(override(verdict.override()));
        }
        writeOutcomes(json, verdict.outcomes());
        if (!record.fields().isEmpty()) {
            json.writeFieldName("fields");
            json.writeTree(record.fields());
        }
        json.writeEndObject();
    }

    /**
     * An analyst override as it applies to a task: what it targets, what it sets, the task's T, V, S and
     * quadrant after it, and why, who and when.
     *
     * @param applied the override and the scores after it
     * @return {@code {occupation, taskId, set, transferability, verificationCost, score, quadrant, reason, author, date}}
     */
    public static ObjectNode override(AppliedOverride applied) {
        AnalystOverride override = applied.override();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("occupation", override.occupation());
        node.put("taskId", override.taskId());
        node.set("set", overrideSet(override));
        putScores(node, applied.scores());
        node.put("reason", override.reason());
        node.put("author", override.author());
        node.put("date", override.date().toString());
        return node;
    }

    /**
     * What an override sets, as its file writes it.
     *
     * @param override the override
     * @return {@code {transferability, verificationCost}} (those it sets) or {@code {quadrant}}
     */
    public static ObjectNode overrideSet(AnalystOverride override) {
        ObjectNode set = JsonNodeFactory.instance.objectNode();
        override.transferability().ifPresent(v -> set.put(TRANSFERABILITY, v));
        override.verificationCost().ifPresent(v -> set.put(VERIFICATION_COST, v));
        if (override.quadrant() != null) {
            set.put(QUADRANT, override.quadrant().name());
        }
        return set;
    }

    /**
     * Writes T, V, S and the quadrant as four fields of the object being written.
     *
     * @param json where to write
     * @param scores the scores
     * @param precision rounded or exact
     * @throws IOException if writing fails
     */
    public static void writeScores(JsonGenerator json, Scores scores, Precision precision) throws IOException {
        writeNumber(json, TRANSFERABILITY, scores.transferability(), precision);
        writeNumber(json, VERIFICATION_COST, scores.verificationCost(), precision);
        writeNumber(json, SCORE, scores.score(), precision);
        json.writeStringField(QUADRANT, scores.quadrant() == null ? null : scores.quadrant().name());
    }

    /**
     * Writes the {@code ratings} array: each scorer's outcome, as {@link #writeOutcome} writes it.
     *
     * @param json where to write
     * @param outcomes the outcomes
     * @throws IOException if writing fails
     */
    public static void writeOutcomes(JsonGenerator json, List<ScorerOutcome> outcomes) throws IOException {
        json.writeArrayFieldStart(RATINGS);
        for (ScorerOutcome outcome : outcomes) {
            writeOutcome(json, outcome);
        }
        json.writeEndArray();
    }

    /**
     * Writes one scorer's outcome: {@code scorer, version, status}, then {@code transferability,
     * verificationCost, confidence, evidence} for a rating or {@code reason} for a failure.
     *
     * @param json where to write
     * @param outcome the outcome
     * @throws IOException if writing fails
     */
    public static void writeOutcome(JsonGenerator json, ScorerOutcome outcome) throws IOException {
        json.writeStartObject();
        json.writeStringField(SCORER, outcome.scorer());
        json.writeStringField(VERSION, outcome.version());
        json.writeStringField("status", outcome.status().name());
        Rating rating = outcome.rating();
        if (rating != null) {
            writeNumber(json, TRANSFERABILITY, rating.transferability(), Precision.ROUNDED);
            writeNumber(json, VERIFICATION_COST, rating.verificationCost(), Precision.ROUNDED);
            json.writeNumberField("confidence", round(rating.confidence()));
            writeStrings(json, "evidence", rating.evidence());
            if (rating.verification().isPresent()) {
                writeVerification(json, rating.verification().get());
            }
            if (!rating.bottlenecks().isEmpty()) {
                writeBottlenecks(json, rating.bottlenecks(), true, Precision.ROUNDED);
            }
        } else {
            json.writeStringField("reason", outcome.reason());
        }
        json.writeEndObject();
    }

    /**
     * Writes the verification mode.
     *
     * @param json where to write
     * @param mode the mode, or {@code null}
     * @throws IOException if writing fails
     */
    public static void writeVerification(JsonGenerator json, VerificationMode mode) throws IOException {
        json.writeStringField(VERIFICATION, mode == null ? null : mode.name());
    }

    /**
     * Writes the {@code bottlenecks} array: each factor with its strength, strongest first.
     *
     * @param json where to write
     * @param bottlenecks the bottlenecks, strongest first
     * @param withEvidence whether each carries its evidence (a scorer's rating, a stored verdict) or not
     *     (the record's combined profile, whose evidence {@code explain} shows)
     * @param precision rounded or exact
     * @throws IOException if writing fails
     */
    public static void writeBottlenecks(JsonGenerator json, List<Bottleneck> bottlenecks, boolean withEvidence,
            Precision precision) throws IOException {
        json.writeArrayFieldStart(BOTTLENECKS);
        for (Bottleneck bottleneck : bottlenecks) {
            json.writeStartObject();
            json.writeStringField("factor", bottleneck.factor().name());
            json.writeNumberField("strength", precision == Precision.ROUNDED ? round(bottleneck.strength())
                    : bottleneck.strength());
            if (withEvidence) {
                writeStrings(json, "evidence", bottleneck.evidence());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /**
     * Reads a {@code bottlenecks} array written with evidence.
     *
     * @param node the object holding it
     * @return the bottlenecks, in order; none when the array is missing
     * @throws IllegalArgumentException if a factor is unknown or a strength is outside [0, 1]
     */
    public static List<Bottleneck> readBottlenecks(JsonNode node) {
        List<Bottleneck> bottlenecks = new ArrayList<>();
        for (JsonNode b : node.path(BOTTLENECKS)) {
            List<String> evidence = new ArrayList<>();
            b.path("evidence").forEach(e -> evidence.add(e.asText()));
            if (evidence.isEmpty()) {
                evidence.add("(no evidence recorded)");
            }
            bottlenecks.add(new Bottleneck(factor(b.path("factor").asText()), b.path("strength").asDouble(), evidence));
        }
        return bottlenecks;
    }

    /**
     * Reads a verification mode.
     *
     * @param node the object holding it
     * @return the mode, or {@code null} when there is none
     * @throws IllegalArgumentException if the mode is unknown
     */
    public static VerificationMode readVerification(JsonNode node) {
        JsonNode mode = node.get(VERIFICATION);
        if (mode == null || !mode.isTextual()) {
            return null;
        }
        try {
            return VerificationMode.valueOf(mode.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verification '" + mode.asText() + "' is not one of "
                    + java.util.Arrays.toString(VerificationMode.values()), e);
        }
    }

    private static BottleneckFactor factor(String name) {
        try {
            return BottleneckFactor.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bottleneck factor '" + name + "' is not one of "
                    + java.util.Arrays.toString(BottleneckFactor.values()), e);
        }
    }

    /**
     * Writes a value, or {@code null} when it is empty.
     *
     * @param json where to write
     * @param name the field's name
     * @param value the value
     * @param precision rounded or exact
     * @throws IOException if writing fails
     */
    public static void writeNumber(JsonGenerator json, String name, OptionalDouble value, Precision precision)
            throws IOException {
        if (value.isPresent()) {
            double v = value.getAsDouble();
            json.writeNumberField(name, precision == Precision.ROUNDED ? round(v) : v);
        } else {
            json.writeNullField(name);
        }
    }

    /**
     * Puts T, V, S and the quadrant into an object being built, rounded, as {@link #writeScores} writes them.
     *
     * @param node the object
     * @param scores the scores; the means of an occupation or family have a {@code null} quadrant
     */
    public static void putScores(ObjectNode node, Scores scores) {
        putNumber(node, TRANSFERABILITY, scores.transferability());
        putNumber(node, VERIFICATION_COST, scores.verificationCost());
        putNumber(node, SCORE, scores.score());
        node.put(QUADRANT, scores.quadrant() == null ? null : scores.quadrant().name());
    }

    /**
     * Puts a value rounded for output, or {@code null} when it is empty.
     *
     * @param node the object
     * @param name the field's name
     * @param value the value
     */
    public static void putNumber(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, round(value.getAsDouble()));
        } else {
            node.putNull(name);
        }
    }

    /**
     * Reads T, V, S and the quadrant written by {@link #writeScores} or {@link #putScores}.
     *
     * @param node the object holding them
     * @return the scores; without a quadrant where none is written (the means of an occupation)
     * @throws IllegalArgumentException if the quadrant is unknown, or the values disagree with it
     */
    public static Scores readScores(JsonNode node) {
        JsonNode quadrant = node.get(QUADRANT);
        return new Scores(number(node, TRANSFERABILITY), number(node, VERIFICATION_COST), number(node, SCORE),
                quadrant == null || !quadrant.isTextual() ? null : Quadrant.valueOf(quadrant.asText()));
    }

    /**
     * Reads the outcomes of a {@code ratings} array.
     *
     * @param node the object holding the array
     * @return the outcomes, in order
     * @throws IllegalArgumentException if an outcome is malformed; the message names the field
     */
    public static List<ScorerOutcome> readOutcomes(JsonNode node) {
        List<ScorerOutcome> outcomes = new ArrayList<>();
        for (JsonNode outcome : node.path(RATINGS)) {
            outcomes.add(readOutcome(outcome));
        }
        return outcomes;
    }

    /**
     * Reads an outcome written by {@link #writeOutcome}.
     *
     * @param node the JSON object
     * @return the outcome; a missing version reads as empty, a failure without its reason as "(no reason given)"
     * @throws IllegalArgumentException if the object has no scorer or no known status
     */
    public static ScorerOutcome readOutcome(JsonNode node) {
        String scorer = node.path(SCORER).asText(null);
        if (scorer == null || scorer.isEmpty() || !node.path("status").isTextual()) {
            throw new IllegalArgumentException("a rating without scorer or status");
        }
        String version = node.path(VERSION).asText("");
        RatingStatus status;
        try {
            status = RatingStatus.valueOf(node.get("status").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status '" + node.path("status").asText() + "' is not one of "
                    + java.util.Arrays.toString(RatingStatus.values()), e);
        }
        if (status != RatingStatus.OK && status != RatingStatus.ABSTAINED) {
            return ScorerOutcome.unrated(scorer, version, status, node.path("reason").asText("(no reason given)"));
        }
        List<String> evidence = new ArrayList<>();
        node.path("evidence").forEach(e -> evidence.add(e.asText()));
        VerificationMode mode = readVerification(node);
        Rating rating = new Rating(number(node, TRANSFERABILITY), number(node, VERIFICATION_COST),
                node.path("confidence").asDouble(0), evidence, readBottlenecks(node), java.util.Optional.ofNullable(mode));
        return new ScorerOutcome(scorer, version, status, rating, null);
    }

    /**
     * Reads an output record back: the task and the verdict's parts.
     *
     * @param node the record
     * @return what it holds
     * @throws IllegalArgumentException if it is not an output record (no id, statement or ratings) or a
     *     field is malformed; the message names the field
     */
    public static Record readRecord(JsonNode node) {
        if (node == null || !node.isObject() || !node.path(RATINGS).isArray() || !node.path("id").isValueNode()
                || !node.path("statement").isTextual()) {
            throw new IllegalArgumentException("not a classify output record (it needs id, statement and ratings)");
        }
        JsonNode occupation = node.path("occupation");
        String code = occupation.isObject() && occupation.path("code").isTextual() ? occupation.get("code").asText() : null;
        String title = occupation.isObject() && occupation.path("title").isTextual() ? occupation.get("title").asText() : null;
        TaskType type = TaskType.parse(node.path("taskType").isTextual() ? node.get("taskType").asText() : null)
                .orElse(null);
        JsonNode w = node.path("weights");
        TaskWeights weights = w.isObject()
                ? new TaskWeights(number(w, "importance"), number(w, "relevance"), number(w, "frequency"))
                : TaskWeights.NONE;
        Task task = new Task(node.get("id").asText(), node.get("statement").asText(), code, type, weights);
        Scores scores = node.path(QUADRANT).isTextual() ? readScores(node) : Scores.UNRATED;
        return new Record(task, title, scores, readOutcomes(node));
    }

    private static OptionalDouble number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }
}
