package dev.moravec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.CatalogReader;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The synthetic catalogs of the benchmarks: the same for a seed, valid, and varied. */
class SyntheticCatalogTest {

    private final SyntheticCatalog generator = SyntheticCatalog.fromStarterCatalog();

    private byte[] generate(long tasks, long seed, int threads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generator.write(tasks, seed, threads, out);
        return out.toByteArray();
    }

    private static List<CatalogRecord> read(byte[] catalog) throws Exception {
        List<CatalogRecord> records = new ArrayList<>();
        try (CatalogReader reader = new CatalogReaders(new ObjectMapper())
                .open("synthetic.tsv.gz", new ByteArrayInputStream(catalog), Optional.empty())) {
            for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
                assertThat(entry).as("entry at line %d", entry.line()).isInstanceOf(CatalogRecord.class);
                records.add((CatalogRecord) entry);
            }
        }
        return records;
    }

    @Test
    void aSeedGivesTheSameCatalogByteForByteWhateverTheThreads() throws Exception {
        byte[] one = generate(100_000, 42, 1);
        assertThat(generate(100_000, 42, 3)).isEqualTo(one);
        assertThat(generate(100_000, 43, 2)).isNotEqualTo(one);
        // a longer catalog starts with the shorter one's tasks
        List<CatalogRecord> shorter = read(generate(1_000, 42, 1));
        assertThat(read(one).subList(0, 1_000)).extracting(r -> r.task().statement())
                .containsExactlyElementsOf(shorter.stream().map(r -> r.task().statement()).toList());
    }

    @Test
    void everyTaskIsAValidRecordOfAStarterOccupationNumberedInOrder() throws Exception {
        List<CatalogRecord> records = read(generate(50_000, 7, 2));

        assertThat(records).hasSize(50_000);
        for (int i = 0; i < records.size(); i++) {
            CatalogRecord record = records.get(i);
            assertThat(record.task().id()).isEqualTo("G" + (i + 1));
            assertThat(StarterCatalog.title(record.task().occupationCode())).contains(record.occupationTitle());
            assertThat(record.task().statement()).matches("[A-Z][a-z-]+ \\S.*\\.");
        }
        Set<String> statements = new HashSet<>();
        records.forEach(r -> statements.add(r.task().statement()));
        // recombining parts gives far more statements than the 486 it learned from, and few repeats
        assertThat(statements.size()).isGreaterThan(40_000);
        assertThat(records).extracting(r -> r.task().type().name()).contains("CORE", "SUPPLEMENTAL");
    }

    @Test
    void noTasksIsAHeaderOnly() throws Exception {
        assertThat(read(generate(0, 1, 1))).isEmpty();
    }
}
