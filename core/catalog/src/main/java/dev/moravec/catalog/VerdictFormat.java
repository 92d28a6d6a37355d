package dev.moravec.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A layout of output records, JSON Lines or CSV. A run renders its batches on several threads at
 * once, each into a buffer of its own, so the layout opens a writer per batch rather than being one;
 * what opens a file (the CSV header) is written once, apart from the records. Thread-safe.
 */
public interface VerdictFormat {

    /**
     * What opens an output file, before any record.
     *
     * @return the CSV header line; empty (the default) for JSON Lines
     * @throws IOException if it cannot be rendered
     */
    default byte[] header() throws IOException {
        return new byte[0];
    }

    /**
     * Opens a writer of records, without the header.
     *
     * @param out where to write; the writer owns it
     * @return the writer
     * @throws IOException if the writer cannot be created
     */
    VerdictWriter open(OutputStream out) throws IOException;

    /**
     * JSON Lines, one object per task ({@link JsonLinesVerdictWriter}).
     *
     * @param mapper the configured mapper
     * @return the layout
     */
    static VerdictFormat jsonLines(ObjectMapper mapper) {
        return out -> new JsonLinesVerdictWriter(out, mapper);
    }

    /**
     * CSV with a header and five columns per scorer ({@link CsvVerdictWriter}).
     *
     * @param mapper the mapper the {@code fields} column is written with
     * @param scorerIds the scorers whose columns to write, in order
     * @return the layout
     */
    static VerdictFormat csv(ObjectMapper mapper, List<String> scorerIds) {
        return csv(mapper, scorerIds, false);
    }

    /**
     * CSV, with the columns of a scenario when the run has one ({@link CsvVerdictWriter}).
     *
     * @param mapper the configured mapper
     * @param scorerIds the scorers whose columns to write, in order
     * @param withScenario whether the run has a scenario
     * @return the layout
     */
    static VerdictFormat csv(ObjectMapper mapper, List<String> scorerIds, boolean withScenario) {
        List<String> ids = List.copyOf(scorerIds);
        return new VerdictFormat() {
            @Override
            public byte[] header() throws IOException {
                return CsvVerdictWriter.header(ids, withScenario);
            }

            @Override
            public VerdictWriter open(OutputStream out) throws IOException {
                return new CsvVerdictWriter(out, mapper, ids, withScenario);
            }
        };
    }
}
