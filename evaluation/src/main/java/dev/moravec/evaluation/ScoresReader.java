package dev.moravec.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.VerdictAggregator;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@code moravec classify} output (JSON Lines, optionally gzip-compressed) back into verdicts.
 * Every scorer's rating is rebuilt from {@code ratings[]} and the verdict is combined again under the
 * given configuration, so weights and thresholds can be evaluated without rating anything again.
 */
public final class ScoresReader {

    private final ObjectMapper mapper;

    /**
     * @param mapper the mapper the records are read with
     */
    public ScoresReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads every record.
     *
     * @param file the classify output
     * @param config the weights and thresholds the verdicts are combined with
     * @return one verdict per record, in file order
     * @throws IOException if the file cannot be read
     * @throws BadInputException if the file is missing, or a record is not a classify output record; the
     *     message names file and line
     */
    public List<Verdict> read(Path file, EngineConfig config) throws IOException, BadInputException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).matches(".*\\.csv(\\.gz)?")) {
            throw new BadInputException(name + ": --scores reads the JSON Lines output of 'moravec classify';"
                    + " write it with --out FILE.jsonl");
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("scores file " + file + " does not exist: check the --scores path");
        }
        VerdictAggregator aggregator = new VerdictAggregator(config);
        List<Verdict> verdicts = new ArrayList<>();
        try (InputStream in = gunzipped(raw);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    verdicts.add(verdict(name, number, line, aggregator));
                }
            }
        }
        return verdicts;
    }

    private Verdict verdict(String name, long number, String line, VerdictAggregator aggregator)
            throws BadInputException {
        String where = name + ":" + number + ": ";
        String hint = ": --scores reads the JSON Lines that 'moravec classify' writes";
        JsonNode node;
        try {
            node = mapper.readTree(line.replace("\uFEFF", ""));
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + "not valid JSON (" + e.getOriginalMessage() + ")" + hint, e);
        }
        try {
            VerdictJson.Record record = VerdictJson.readRecord(node);
            return aggregator.combine(record.task(), record.outcomes());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInputException(where + e.getMessage() + hint, e);
        }
    }

    private static InputStream gunzipped(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
