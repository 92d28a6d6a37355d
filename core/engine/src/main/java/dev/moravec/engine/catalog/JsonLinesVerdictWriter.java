package dev.moravec.engine.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.engine.ScorerOutcome;
import dev.moravec.engine.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalDouble;

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
            number("importance", weights.importance());
            number("relevance", weights.relevance());
            number("frequency", weights.frequency());
            json.writeEndObject();
        }
        number("transferability", verdict.transferability());
        number("verificationCost", verdict.verificationCost());
        number("score", verdict.score());
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
        json.writeRaw('\n');
    }

    private void number(String name, OptionalDouble value) throws IOException {
        OutcomeJson.number(json, name, value);
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
