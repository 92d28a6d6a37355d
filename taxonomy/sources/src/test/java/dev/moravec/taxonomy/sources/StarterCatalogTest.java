package dev.moravec.taxonomy.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.CatalogReader;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StarterCatalogTest {

    private static final List<CatalogEntry> ENTRIES = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        try (CatalogReader reader = new CatalogReaders(new ObjectMapper())
                .open(StarterCatalog.NAME, StarterCatalog.open(), Optional.empty())) {
            for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
                ENTRIES.add(entry);
            }
        }
    }

    @Test
    void everyRecordReadsAsAValidTaskWithAUniqueId() {
        assertThat(ENTRIES).allSatisfy(e -> assertThat(e).isInstanceOf(CatalogRecord.class));
        Set<String> ids = new HashSet<>();
        for (CatalogEntry entry : ENTRIES) {
            CatalogRecord record = (CatalogRecord) entry;
            assertThat(ids.add(record.task().id())).as("duplicate id %s", record.task().id()).isTrue();
            assertThat(record.task().type()).as(record.task().id()).isNotNull();
            assertThat(record.occupationTitle()).isEqualTo(StarterCatalog.title(record.task().occupationCode()).orElseThrow());
        }
    }

    @Test
    void coversEveryCivilianMajorGroupWithEnoughOccupationsAndTasks() {
        Map<String, Integer> tasksPerOccupation = new HashMap<>();
        Set<SocMajorGroup> groups = EnumSet.noneOf(SocMajorGroup.class);
        for (CatalogEntry entry : ENTRIES) {
            String code = ((CatalogRecord) entry).task().occupationCode();
            tasksPerOccupation.merge(code, 1, Integer::sum);
            groups.add(SocMajorGroup.of(code).orElseThrow());
        }
        assertThat(ENTRIES.size()).isGreaterThanOrEqualTo(300);
        assertThat(tasksPerOccupation).hasSizeGreaterThanOrEqualTo(60);
        assertThat(tasksPerOccupation.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(groups).containsAll(EnumSet.complementOf(EnumSet.of(SocMajorGroup.MILITARY)));
        assertThat(StarterCatalog.occupations()).hasSameSizeAs(tasksPerOccupation);
    }

    @Test
    void majorGroupsAreFoundFromAnyCode() {
        assertThat(SocMajorGroup.of("15-1252.00")).hasValue(SocMajorGroup.COMPUTER_AND_MATHEMATICAL);
        assertThat(SocMajorGroup.of("55-1011")).hasValue(SocMajorGroup.MILITARY);
        assertThat(SocMajorGroup.of("99-0000")).isEmpty();
        assertThat(SocMajorGroup.values()).filteredOn(SocMajorGroup::isCivilian).hasSize(22);
    }
}
