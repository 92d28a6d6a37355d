package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.model.ScenarioScores;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Writes verdicts as CSV records under the header {@link #header(List)} gives: the fields of the JSON Lines record flattened, five columns
 * per scorer ({@code <id>.status}, {@code .transferability}, {@code .verificationCost},
 * {@code .confidence}, {@code .evidence}, the last holding the evidence joined by {@code " | "} or
 * the reason of a failure), and the carried-through input fields as one JSON object in {@code fields}.
 */
public final class CsvVerdictWriter implements VerdictWriter {

    private static final List<String> FIXED = List.of("id", "statement", "occupationCode", "occupationTitle",
            "taskType", "importance", "relevance", "frequency", "transferability", "verificationCost", "score",
            "quadrant", "verification", "bottlenecks");

    /** Each scorer's columns, after its id and a dot. */
    private static final List<String> PER_SCORER =
            List.of("status", "transferability", "verificationCost", "confidence", "evidence", "verification", "bottlenecks");

    private final JsonGenerator csv;
    private final ObjectMapper mapper;
    private final List<String> scorerIds;
    private final boolean withScenario;

    /** The columns of a scenario, after {@code bottlenecks}, in a run with {@code --scenario}. */
    private static final List<String> SCENARIO = List.of("scenario", "scenario.transferability",
            "scenario.verificationCost", "scenario.score", "scenario.quadrant", "scenario.movedBy");

    /**
     * A writer of records without the header, which {@link #header(List)} gives: the records may continue
     * a file that has it.
     *
     * @param out where to write; the writer owns it
     * @param mapper the mapper the {@code fields} column is written with
     * @param scorerIds the scorers whose columns to write, in order
     * @throws IOException if the generator cannot be created
     */
    public CsvVerdictWriter(OutputStream out, ObjectMapper mapper, List<String> scorerIds) throws IOException {
        this(out, mapper, scorerIds, false);
    }

    /**
     * A writer of records without the header, with the columns of a scenario when the run has one.
     *
     * @param out where to write; the writer owns it
     * @param mapper the mapper the {@code fields} column is written with
     * @param scorerIds the scorers whose columns to write, in order
     * @param withScenario whether to write the scenario's columns
     * @throws IOException if the generator cannot be created
     */
    public CsvVerdictWriter(OutputStream out, ObjectMapper mapper, List<String> scorerIds, boolean withScenario)
            throws IOException {
        this.mapper = mapper;
        this.scorerIds = List.copyOf(scorerIds);
        this.withScenario = withScenario;
        this.csv = new CsvMapper().getFactory().createGenerator(out);
        csv.setSchema(schema(scorerIds, withScenario));
    }

    private static CsvSchema schema(List<String> scorerIds, boolean withScenario) {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String column : columns(scorerIds, withScenario)) {
            schema.addColumn(column);
        }
        return schema.build();
    }

    /**
     * The header line of a CSV output, as the writer that starts with it writes it.
     *
     * @param scorerIds the scorers
     * @return the line, with its line break, in UTF-8
     * @throws IOException if it cannot be rendered
     */
    public static byte[] header(List<String> scorerIds) throws IOException {
        return header(scorerIds, false);
    }

    /**
     * The header line of a CSV output, with the columns of a scenario when the run has one.
     *
     * @param scorerIds the scorers
     * @param withScenario whether the run has a scenario
     * @return the line, with its line break, in UTF-8
     * @throws IOException if it cannot be rendered
     */
    public static byte[] header(List<String> scorerIds, boolean withScenario) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JsonGenerator line = new CsvMapper().getFactory().createGenerator(bytes)) {
            line.setSchema(schema(scorerIds, withScenario));
            line.writeStartArray();
            for (String column : columns(scorerIds, withScenario)) {
                line.writeString(column);
            }
            line.writeEndArray();
        }
        return bytes.toByteArray();
    }

    /**
     * The header of a CSV output.
     *
     * @param scorerIds the scorers
     * @return the column names in order
     */
    public static List<String> columns(List<String> scorerIds) {
        return columns(scorerIds, false);
    }

    /**
     * The header of a CSV output, with the columns of a scenario when the run has one.
     *
     * @param scorerIds the scorers
     * @param withScenario whether the run has a scenario
     * @return the column names in order
     */
    public static List<String> columns(List<String> scorerIds, boolean withScenario) {
        List<String> columns = new ArrayList<>(FIXED);
        if (withScenario) {
            columns.addAll(SCENARIO);
        }
        for (String id : scorerIds) {
            for (String part : PER_SCORER) {
                columns.add(id + "." + part);
            }
        }
        columns.add("fields");
        return columns;
    }

    @Override
    public void write(CatalogRecord record, Verdict verdict) throws IOException {
        Task task = record.task();
        csv.writeStartArray();
        csv.writeString(task.id());
        csv.writeString(task.statement());
        text(task.occupationCode());
        text(record.occupationTitle());
        text(task.type() == null ? null : task.type().name());
        number(task.weights().importance());
        number(task.weights().relevance());
        number(task.weights().frequency());
        number(verdict.transferability());
        number(verdict.verificationCost());
        number(verdict.score());
        csv.writeString(verdict.quadrant().name());
        text(verdict.verification() == null ? null : verdict.verification().name());
        csv.writeString(bottlenecks(verdict.bottlenecks().shown()));
        if (withScenario) {
            ScenarioScores under = verdict.scenario();
            text(under == null ? null : under.scenario());
            number(under == null ? OptionalDouble.empty() : under.scores().transferability());
            number(under == null ? OptionalDouble.empty() : under.scores().verificationCost());
            number(under == null ? OptionalDouble.empty() : under.scores().score());
            text(under == null ? null : under.scores().quadrant().name());
            text(under == null ? null : String.join(" ", under.movedBy().stream().map(Enum::name).toList()));
        }
        for (String id : scorerIds) {
            ScorerOutcome outcome = verdict.outcomes().stream().filter(o -> o.scorer().equals(id)).findFirst()
                    .orElse(null);
            if (outcome == null) {
                for (int i = 0; i < PER_SCORER.size(); i++) {
                    csv.writeString("");
                }
                continue;
            }
            csv.writeString(outcome.status().name());
            Rating rating = outcome.rating();
            if (rating != null) {
                number(rating.transferability());
                number(rating.verificationCost());
                number(OptionalDouble.of(rating.confidence()));
                csv.writeString(String.join(" | ", rating.evidence()));
                text(rating.verification().map(Enum::name).orElse(null));
                csv.writeString(bottlenecks(rating.bottlenecks()));
            } else {
                text(null);
                text(null);
                text(null);
                csv.writeString(outcome.reason());
                text(null);
                text(null);
            }
        }
        text(record.fields().isEmpty() ? null : mapper.writeValueAsString(record.fields()));
        csv.writeEndArray();
    }

    /** Bottlenecks in one cell: {@code EMBODIMENT 0.82; PERCEPTION 0.4}, strongest first. */
    private static String bottlenecks(List<Bottleneck> bottlenecks) {
        StringBuilder cell = new StringBuilder();
        for (Bottleneck bottleneck : bottlenecks) {
            if (!cell.isEmpty()) {
                cell.append("; ");
            }
            cell.append(bottleneck.factor().name()).append(' ').append(VerdictJson.round(bottleneck.strength()));
        }
        return cell.toString();
    }

    private void text(String value) throws IOException {
        csv.writeString(value == null ? "" : value);
    }

    private void number(OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            csv.writeNumber(VerdictJson.round(value.getAsDouble()));
        } else {
            csv.writeString("");
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
