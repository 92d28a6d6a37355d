package dev.moravec.taxonomy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries that would hold the cores: a regular expression with a huge automaton and hundreds of fuzzy
 * terms are refused before they cost anything; any search past its time limit stops and says so.
 */
class ExpensiveQueryTest {

    @TempDir
    static Path dir;

    private static TaxonomyIndex index;

    @BeforeAll
    static void open() throws Exception {
        index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper());
        index.replace(StarterCatalog.release(), line -> { });
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static TaxonomySearch.Request tasks(String query) {
        return new TaxonomySearch.Request(query, false, null, null, 10);
    }

    @Test
    void aRegularExpressionWithAHugeAutomatonIsRefusedAtOnce() throws Exception {
        long started = System.nanoTime();
        assertThatThrownBy(() -> new TaxonomySearch(index, "[", "]").search(tasks("/a{1000000}/")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("the regular expression /a{1000000}/ is too complex: its automaton would have"
                        + " about 1000000 states, and at most 10000 are searched");
        assertThatThrownBy(() -> new TaxonomySearch(index, "[", "]").search(tasks("/((a{100}){100}){100}/")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is too complex");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        // a sensible one is searched
        assertThat(new TaxonomySearch(index, "[", "]").search(tasks("/repai[rs]/"))).isNotEmpty();
    }

    @Test
    void hundredsOfFuzzyTermsAreRefused() {
        String query = IntStream.range(0, 500).mapToObj(i -> "word" + i + "~2").collect(Collectors.joining(" "));
        assertThatThrownBy(() -> new TaxonomySearch(index, "[", "]").search(tasks(query)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("the query has more than 20 wildcard, fuzzy (~) or regular expression terms");
    }

    @Test
    void aSearchPastItsTimeLimitStopsAndSaysSo() {
        TaxonomySearch hurried = new TaxonomySearch(index, "[", "]", Duration.ZERO);
        assertThatThrownBy(() -> hurried.search(tasks("rep* OR inst~2"))).isInstanceOf(SearchTimeoutException.class)
                .hasMessage("the search took longer than 0 ms and was stopped: make the query simpler (fewer wildcard*,"
                        + " fuzzy~ or /regular expression/ terms)");
    }
}
