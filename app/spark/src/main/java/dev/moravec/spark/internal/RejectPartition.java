package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.RejectsWriter;
import dev.moravec.catalog.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The first pass over a partition: reads every row, counts the records, and gives each rejected one as the
 * line {@code classify}'s rejects file holds ({@link RejectsWriter}). Rates nothing, so it needs no plugin
 * host.
 */
final class RejectPartition implements MapPartitionsFunction<Row, String> {

    private static final long serialVersionUID = 1L;

    private final RowParser parser;
    private final JobMeters meters;

    RejectPartition(RowParser parser, JobMeters meters) {
        this.parser = parser;
        this.meters = meters;
    }

    @Override
    public Iterator<String> call(Iterator<Row> rows) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> rejects = new ArrayList<>();
        long read = 0;
        while (rows.hasNext()) {
            CatalogEntry entry = parser.parse(rows.next(), mapper);
            if (entry == null) {
                continue;
            }
            read++;
            if (entry instanceof Rejection rejection) {
                rejects.add(line(rejection, mapper));
            }
        }
        meters.read().add(read);
        return rejects.iterator();
    }

    private static String line(Rejection rejection, ObjectMapper mapper) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (RejectsWriter writer = new RejectsWriter(bytes, mapper)) {
            writer.write(rejection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        return line.substring(0, line.length() - 1); // the writer ends each record with a line break
    }
}
