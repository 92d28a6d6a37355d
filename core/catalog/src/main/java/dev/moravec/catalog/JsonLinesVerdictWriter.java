package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.Verdict;
import java.io.IOException;
import java.io.OutputStream;

/** Writes verdicts as JSON Lines, one {@link VerdictJson} record per task. */
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
        VerdictJson.writeRecord(json, record, verdict);
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
