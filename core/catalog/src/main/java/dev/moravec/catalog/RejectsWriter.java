package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes rejected input records as JSON Lines: {@code source, line, field, reason, record}, the last
 * being the record as read, so it can be fixed and classified again; {@code line} is {@code null} where the
 * reader does not know it. Not thread-safe.
 */
public final class RejectsWriter implements Closeable {

    private final JsonGenerator json;

    /**
     * @param out where to write; the writer owns it
     * @param mapper the configured mapper
     * @throws IOException if the generator cannot be created
     */
    public RejectsWriter(OutputStream out, ObjectMapper mapper) throws IOException {
        this.json = mapper.getFactory().createGenerator(out);
        json.setRootValueSeparator(null);
    }

    /**
     * Writes one rejection.
     *
     * @param rejection the rejected record
     * @throws IOException if writing fails
     */
    public void write(Rejection rejection) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", rejection.source());
        if (rejection.line() > 0) {
            json.writeNumberField("line", rejection.line());
        } else {
            json.writeNullField("line");
        }
        json.writeStringField("field", rejection.field());
        json.writeStringField("reason", rejection.reason());
        json.writeStringField("record", rejection.raw());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
