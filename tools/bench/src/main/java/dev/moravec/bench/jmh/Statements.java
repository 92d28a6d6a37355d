package dev.moravec.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Task;
import dev.moravec.bench.SyntheticCatalog;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.CatalogReader;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tasks the benchmarks rate: the first of the synthetic catalog that {@code bench classify} rates. */
public final class Statements {

    private Statements() {}

    /**
     * The first records of the synthetic catalog of seed 1.
     *
     * @param count how many
     * @return the records, as the catalog reader reads them
     * @throws Exception if the catalog cannot be made or read
     */
    public static List<CatalogRecord> records(int count) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SyntheticCatalog.fromStarterCatalog().write(count, 1, 1, bytes);
        List<CatalogRecord> records = new ArrayList<>(count);
        try (CatalogReader reader = new CatalogReaders(new ObjectMapper())
                .open("synthetic.tsv.gz", new ByteArrayInputStream(bytes.toByteArray()), Optional.empty())) {
            for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
                records.add((CatalogRecord) entry);
            }
        }
        return records;
    }

    /**
     * The first tasks of the synthetic catalog of seed 1.
     *
     * @param count how many
     * @return the tasks
     * @throws Exception if the catalog cannot be made or read
     */
    public static List<Task> tasks(int count) throws Exception {
        return records(count).stream().map(CatalogRecord::task).toList();
    }
}
