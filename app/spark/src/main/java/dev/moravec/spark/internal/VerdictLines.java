package dev.moravec.spark.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders output records as lines of JSON Lines, byte for byte as {@code classify} writes them: the same
 * {@link VerdictJson#writeRecord} on the same kind of generator. One per task; not thread-safe.
 */
final class VerdictLines {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    private final JsonGenerator json;

    /**
     * @param mapper the mapper whose factory makes the generator
     */
    VerdictLines(ObjectMapper mapper) {
        try {
            json = mapper.getFactory().createGenerator(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setRootValueSeparator(null);
    }

    /**
     * @param record the input record
     * @param verdict its verdict
     * @return the record's line, without the line break
     */
    String line(CatalogRecord record, Verdict verdict) {
        try {
            VerdictJson.writeRecord(json, record, verdict);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return line;
    }
}
