package dev.moravec.engine.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.engine.ScorerOutcome;
import dev.moravec.engine.Verdict;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes verdicts as JSON Lines, one object per task, in the layout the README documents:
 * {@code id, statement, occupation {code, title}, taskType, weights, transferability,
 * verificationCost, score, quadrant, ratings [...], fields {...}}.
 */
public final class JsonLinesVerdictWriter implements VerdictWriter {

    private final JsonGenerator json;

    /**
     * @param out where to write; the writer owns it
     * @param mapper the configured mapper
     * @throws IOException if the generator cannot be created
     */
    public JsonLinesVerdictWriter(OutputStream out, ObjectMapper mapper) throws IOException {
        this.json = mapper.getFactory().createGenerator(out);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(CatalogRecord record, Verdict verdict) throws IOException {
        writeRecord(json, record, verdict);
        json.writeRaw('\n');
    }

    /**
     * Writes one task's record as a JSON object, in the layout of this writer's lines, so that other
     * outputs (the HTTP API) give exactly the same record.
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
            OutcomeJson.number(json, "importance", weights.importance());
            OutcomeJson.number(json, "relevance", weights.relevance());
            OutcomeJson.number(json, "frequency", weights.frequency());
            json.writeEndObject();
        }
        OutcomeJson.number(json, "transferability", verdict.transferability());
        OutcomeJson.number(json, "verificationCost", verdict.verificationCost());
        OutcomeJson.number(json, "score", verdict.score());
        json.writeStringField("quadrant", verdict.quadrant().name());
        json.writeArrayFieldStart("ratings");
        for (ScorerOutcome outcome : verdict.outcomes()) {
            OutcomeJson.write(json, outcome);
        }
        json.writeEndArray();
        if (!record.fields().isEmpty()) {
            json.writeFieldName("fields");
            json.writeTree(record.fields());
        }
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
