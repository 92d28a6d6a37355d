package dev.moravec.taxonomy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scatter's points and the occupation titles, on the fixture release rated by the word scorer. */
class TaskPointsTest {

    @TempDir
    Path dir;

    private TaxonomyIndex imported() throws Exception {
        TaxonomyIndex index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper());
        index.replace(new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(),
                new OnetReleaseReader.Options(null, null, null, null, null)), line -> { });
        return index;
    }

    private static void classify(TaxonomyIndex index) throws Exception {
        try (ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(Fixtures.wordScorer("1")), EngineConfig.defaults(),
                2)) {
            new TaxonomyClassifier(engine).classify(index, line -> { });
        }
    }

    @Test
    void beforeClassificationNoTaskHasAPoint() throws Exception {
        try (TaxonomyIndex index = imported()) {
            TaskPoints.Result result = new TaskPoints(index).points(null, 100);
            assertThat(result.total()).isZero();
            assertThat(result.unplaced()).isEqualTo(10);
            assertThat(result.points()).isEmpty();
        }
    }

    @Test
    void everyClassifiedTaskIsAPointWithItsAxesAndQuadrant() throws Exception {
        try (TaxonomyIndex index = imported()) {
            classify(index);
            TaskPoints.Result all = new TaskPoints(index).points(null, 100);
            assertThat(all.total()).isEqualTo(10);
            assertThat(all.quadrants()).isEqualTo(Map.of(Quadrant.PURE_REASONING, 4, Quadrant.VERIFICATION_BOUND, 2,
                    Quadrant.LAGGING, 4));
            TaskPoints.Point code = all.points().stream().filter(p -> p.id().equals("901")).findFirst().orElseThrow();
            assertThat(code.code()).isEqualTo("15-1252.00");
            assertThat(code.title()).isEqualTo("Software Developers");
            assertThat(code.statement()).isEqualTo("Write code that passes an automated test suite.");
            assertThat(code.scores().transferability().getAsDouble()).isCloseTo(0.9, within(1e-9));
            assertThat(code.scores().verificationCost().getAsDouble()).isCloseTo(0.2, within(1e-9));
            assertThat(code.scores().score().getAsDouble()).isCloseTo(0.72, within(1e-9));
            assertThat(code.scores().quadrant()).isEqualTo(Quadrant.PURE_REASONING);

            TaskPoints.Result family = new TaskPoints(index).points("15-0000", 100);
            assertThat(family.total()).isEqualTo(5);
            assertThat(family.points()).allSatisfy(p -> assertThat(p.code()).startsWith("15-"));
        }
    }

    @Test
    void aSampleIsSpreadOverTheWholeFamilyAndCountsStayWhole() throws Exception {
        try (TaxonomyIndex index = imported()) {
            classify(index);
            TaskPoints.Result sample = new TaskPoints(index).points(null, 3);
            assertThat(sample.total()).isEqualTo(10);
            assertThat(sample.points()).hasSize(3);
            assertThat(sample.points()).anySatisfy(p -> assertThat(p.code()).startsWith("15-"))
                    .anySatisfy(p -> assertThat(p.code()).startsWith("47-"));
            assertThat(sample.quadrants().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        }
    }

    @Test
    void familiesAreKnownAtEveryLevelAndTitlesNameEveryOccupation() throws Exception {
        try (TaxonomyIndex index = imported()) {
            TaxonomySearch search = new TaxonomySearch(index, "[", "]");
            assertThat(search.hasFamily("47-2150")).isTrue();
            assertThat(search.hasFamily("15-2021.00")).isTrue();
            assertThat(search.hasFamily("29-0000")).isFalse();
            assertThat(new OccupationDetails(index).titles()).containsEntry("15-2021.00", "Mathematicians")
                    .containsEntry("47-2111.00", "Electricians").containsEntry("55-1011.00", "Air Crew Officers")
                    .hasSize(5);
        }
    }
}
