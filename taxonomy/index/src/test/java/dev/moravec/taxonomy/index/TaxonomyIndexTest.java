package dev.moravec.taxonomy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Thresholds;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyIndexTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private Release release;

    @BeforeEach
    void read() throws Exception {
        release = new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(null, null,
                FixtureRelease.sharedExtra("task-ratings.csv"), FixtureRelease.sharedExtra("employment.csv"), null));
    }

    private TaxonomyIndex imported() throws Exception {
        TaxonomyIndex index = TaxonomyIndex.open(dir.resolve("index"), mapper);
        index.replace(release, line -> { });
        return index;
    }

    private static TaxonomyClassifier.Result classify(TaxonomyIndex index, EngineConfig config, String version)
            throws Exception {
        try (ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(Fixtures.wordScorer(version)), config, 2)) {
            return new TaxonomyClassifier(engine).classify(index, line -> { });
        }
    }

    private static List<SearchHit> tasks(TaxonomyIndex index, String query) throws Exception {
        return new TaxonomySearch(index, "[", "]").search(new TaxonomySearch.Request(query, false, null, null, 10));
    }

    @Test
    void facetsCountEveryTaskUnderItsFamilies() throws Exception {
        try (TaxonomyIndex index = imported()) {
            TaxonomySearch search = new TaxonomySearch(index, "[", "]");
            assertThat(search.taskCounts()).containsExactly(Map.entry("15-0000", 5L), Map.entry("47-0000", 5L));
            assertThat(search.taskCounts("15-0000")).containsExactly(Map.entry("15-1200", 3L), Map.entry("15-2000", 2L));
            assertThat(search.taskCounts("47-0000", "47-2000", "47-2150", "47-2152"))
                    .containsExactly(Map.entry("47-2152.00", 3L));
            assertThat(index.commitData()).containsEntry(TaxonomyIndex.SCHEMA_KEY, Integer.toString(IndexFields.SCHEMA_VERSION));
            assertThat(index.report().tasks()).isEqualTo(10);
            assertThat(index.hierarchy().title("15-1250")).hasValue("Software and Web Developers, Programmers, and Testers");
        }
    }

    @Test
    void classifyingIsIncrementalAndReimportingKeepsVerdicts() throws Exception {
        try (TaxonomyIndex index = imported()) {
            TaxonomyClassifier.Result first = classify(index, EngineConfig.defaults(), "1.0");
            assertThat(first.rated()).isEqualTo(10);
            assertThat(first.occupations()).isEqualTo(4);
            assertThat(first.quadrants()).containsEntry(Quadrant.PURE_REASONING, 4L).containsEntry(Quadrant.LAGGING, 4L)
                    .containsEntry(Quadrant.VERIFICATION_BOUND, 2L);

            TaxonomyClassifier.Result second = classify(index, EngineConfig.defaults(), "1.0");
            assertThat(second.rated()).isZero();
            assertThat(second.reused()).isEqualTo(10);
            assertThat(second.occupations()).isZero();

            EngineConfig strict = new EngineConfig(new Thresholds(0.95, 0.5), Map.of(), Duration.ofSeconds(5), 20);
            TaxonomyClassifier.Result recombined = classify(index, strict, "1.0");
            assertThat(recombined.rated()).isZero();
            assertThat(recombined.recombined()).isEqualTo(10);
            assertThat(recombined.quadrants()).doesNotContainKey(Quadrant.PURE_REASONING);

            TaxonomyClassifier.Result newVersion = classify(index, strict, "2.0");
            assertThat(newVersion.rated()).isEqualTo(10);

            index.replace(release, line -> { });
            TaxonomyClassifier.Result afterReimport = classify(index, strict, "2.0");
            assertThat(afterReimport.reused()).as("re-importing the same release keeps every verdict").isEqualTo(10);
            assertThat(tasks(index, "theorems").get(0).scores().quadrant()).isEqualTo(Quadrant.KNOWLEDGE_BOUND);
        }
    }

    @Test
    void rankingsEqualTheOracle() throws Exception {
        try (TaxonomyIndex index = imported()) {
            classify(index, EngineConfig.defaults(), "1.0");
            Rankings rankings = new Rankings(index);
            RankingOracle oracle = RankingOracle.of(release, Fixtures.wordScorer("oracle"));
            Ranking majors = rankings.rank(new Rankings.Request("major", true, null, 10));
            assertThat(majors.rows()).extracting(Ranking.Row::code).containsExactly("47-0000", "15-0000");
            RankingOracle.assertMatches(majors, oracle.families("major", null, true), 10, "major");
            assertThat(majors.rows().get(0).tasks()).isEqualTo(5);
            assertThat(majors.weighting()).contains("weighted by employment");

            Ranking occupations = rankings.rank(new Rankings.Request("occupation", false, "15-0000", 10));
            assertThat(occupations.rows()).extracting(Ranking.Row::code).containsExactly("15-1252.00", "15-2021.00");
            RankingOracle.assertMatches(occupations, oracle.families("occupation", "15-0000", false), 10, "occupation");
            // 15-1252.00 weighs its tasks by importance x relevance: (456 * 0.72 + 320 * 0.72 + 100 * 0.18) / 876
            assertThat(occupations.rows().get(0).scores().score().getAsDouble())
                    .isCloseTo((456 * 0.72 + 320 * 0.72 + 100 * 0.18) / 876, within(1e-9));
            // 15-2021.00 has a task without ratings, so core 2 / supplemental 1: (2 * 0.72 + 0.18) / 3
            assertThat(occupations.rows().get(1).scores().score().getAsDouble()).isCloseTo((2 * 0.72 + 0.18) / 3, within(1e-9));

            Ranking tasks = rankings.rank(new Rankings.Request("task", true, null, 3));
            assertThat(tasks.rows()).hasSize(3).allSatisfy(r -> assertThat(r.scores().quadrant()).isEqualTo(Quadrant.LAGGING));
            RankingOracle.assertMatches(tasks, oracle.tasks(null, true), 3, "task");
            assertThatThrownBy(() -> rankings.rank(new Rankings.Request("galaxy", true, null, 3)))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("--level must be");
        }
    }

    @Test
    void searchFindsTasksAndOccupationsWithFiltersAndHighlights() throws Exception {
        try (TaxonomyIndex index = imported()) {
            classify(index, EngineConfig.defaults(), "1.0");
            TaxonomySearch search = new TaxonomySearch(index, "[", "]");
            List<SearchHit> repair = search.search(new TaxonomySearch.Request("repair hydraulic", false, null,
                    Quadrant.LAGGING, 5));
            assertThat(repair).extracting(SearchHit::taskId).containsExactly("932");
            assertThat(repair.get(0).highlight()).isEqualTo("[Repair] [hydraulic] lifts used on job sites.");
            assertThat(search.search(new TaxonomySearch.Request("debug", false, "47-0000", null, 5))).isEmpty();
            assertThat(search.search(new TaxonomySearch.Request("debug", false, "15-1250", null, 5))).hasSize(1);
            assertThat(search.search(new TaxonomySearch.Request("code", false, null, Quadrant.PURE_REASONING, 5)))
                    .extracting(SearchHit::taskId).containsExactlyInAnyOrder("901", "902", "923");

            List<SearchHit> engineer = search.search(new TaxonomySearch.Request("software engineer", true, null, null, 5));
            assertThat(engineer.get(0).code()).isEqualTo("15-1252.00");
            assertThat(engineer.get(0).scores().score()).isPresent();
            List<SearchHit> fitter = search.search(new TaxonomySearch.Request("pipe fitter", true, null, null, 5));
            assertThat(fitter.get(0).code()).isEqualTo("47-2152.00");
            assertThat(fitter.get(0).highlight()).isEqualTo("also known as: [Pipe] [Fitter]");
            assertThatThrownBy(() -> search.search(new TaxonomySearch.Request("title:(unclosed", false, null, null, 5)))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("cannot read the query 'title:(unclosed'");
        }
    }

    @Test
    void showGivesTheFamilyPathScoreAndTasksByScore() throws Exception {
        try (TaxonomyIndex index = imported()) {
            classify(index, EngineConfig.defaults(), "1.0");
            OccupationDetails.Detail detail = new OccupationDetails(index).show("15-1252");
            assertThat(detail.occupation().code()).isEqualTo("15-1252.00");
            assertThat(detail.path()).extracting(SocHierarchy.Node::code)
                    .containsExactly("15-0000", "15-1200", "15-1250", "15-1252", "15-1252.00");
            assertThat(detail.tasks()).extracting(OccupationDetails.TaskLine::taskId).containsExactly("901", "902", "903");
            assertThat(detail.tasks().get(0).evidence()).containsExactly("words: 'code'");
            assertThat(detail.score().weighting()).isEqualTo(dev.moravec.model.TaskWeighting.IMPORTANCE_RELEVANCE);
            assertThatThrownBy(() -> new OccupationDetails(index).show("11-1011.00"))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("no occupation 11-1011.00");
        }
    }

    @Test
    void aFailedImportLeavesThePreviousIndexAnswering() throws Exception {
        try (TaxonomyIndex index = imported()) {
            Release other = StarterCatalog.release();
            assertThatThrownBy(() -> index.replace(other, line -> {
                if (line.startsWith("committing")) {
                    throw new IllegalStateException("interrupted on purpose");
                }
            })).hasMessage("interrupted on purpose");
            assertThat(tasks(index, "theorems")).hasSize(1);
            assertThat(index.report().tasks()).isEqualTo(10);
        }
        try (TaxonomyIndex reopened = TaxonomyIndex.open(dir.resolve("index"), mapper)) {
            assertThat(tasks(reopened, "theorems")).hasSize(1);
        }
    }

    @Test
    void searchesKeepWorkingWhileAnImportRuns() throws Exception {
        try (TaxonomyIndex index = imported(); TaxonomyIndex otherProcess = TaxonomyIndex.open(dir.resolve("index"), mapper)) {
            CountDownLatch midway = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            ExecutorService importer = Executors.newSingleThreadExecutor();
            try {
                Future<?> reimport = importer.submit(() -> {
                    index.replace(StarterCatalog.release(), line -> {
                        if (line.startsWith("committing")) {
                            midway.countDown();
                            try {
                                resume.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
                    return null;
                });
                assertThat(midway.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(tasks(index, "theorems")).as("the same process, during the import").hasSize(1);
                assertThat(tasks(otherProcess, "theorems")).as("another reader, during the import").hasSize(1);
                resume.countDown();
                reimport.get(30, TimeUnit.SECONDS);
            } finally {
                importer.shutdownNow();
            }
            assertThat(tasks(index, "theorems")).as("after the import").isEmpty();
            assertThat(index.report().tasks()).isEqualTo(StarterCatalog.release().tasks().size());
        }
    }

    @Test
    void theVersionChangesWithEveryCommitOfAnyProcess() throws Exception {
        try (TaxonomyIndex index = imported(); TaxonomyIndex otherProcess = TaxonomyIndex.open(dir.resolve("index"), mapper)) {
            long imported = index.version();
            assertThat(index.version()).as("nothing committed since").isEqualTo(imported);
            otherProcess.replace(StarterCatalog.release(), line -> { });
            long reimported = index.version();
            assertThat(reimported).as("another process imported").isNotEqualTo(imported);
            classify(index, EngineConfig.defaults(), "1");
            assertThat(index.version()).as("classified").isNotEqualTo(reimported);
        }
    }

    @Test
    void aSearchSeesEveryCommitThatFinishedBeforeItStartedAndSharesTheSearcherUntilThen() throws Exception {
        try (TaxonomyIndex index = imported(); TaxonomyIndex otherProcess = TaxonomyIndex.open(dir.resolve("index"), mapper)) {
            IndexSearcher first = index.search(searcher -> searcher);
            IndexSearcher again = index.search(searcher -> searcher);
            assertThat(again).as("nothing committed: the same searcher").isSameAs(first);

            AtomicLong committed = new AtomicLong(index.version());
            AtomicBoolean importing = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> searches = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    searches.add(readers.submit(() -> {
                        int count = 0;
                        while (importing.get()) {
                            long finished = committed.get();
                            assertThat(index.version()).as("a commit that finished before the search")
                                    .isGreaterThanOrEqualTo(finished);
                            count++;
                        }
                        return count;
                    }));
                }
                for (int i = 0; i < 6; i++) {
                    otherProcess.replace(i % 2 == 0 ? StarterCatalog.release() : release, line -> { });
                    committed.set(otherProcess.version());
                }
                importing.set(false);
                for (Future<Integer> search : searches) {
                    assertThat(search.get(30, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                importing.set(false);
                readers.shutdownNow();
            }
            assertThat(index.version()).isEqualTo(committed.get());
            IndexSearcher reopened = index.search(searcher -> searcher);
            assertThat(reopened).as("after other commits: a reopened searcher").isNotSameAs(first);
        }
    }

    @Test
    void anIndexOfAnotherSchemaIsRefusedWithWhatToRun() throws Exception {
        Path path = dir.resolve("old");
        try (FSDirectory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of(TaxonomyIndex.SCHEMA_KEY, "0").entrySet());
            writer.commit();
        }
        assertThatThrownBy(() -> TaxonomyIndex.open(path, mapper))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("schema 0; this version reads " + IndexFields.SCHEMA_VERSION)
                .hasMessageContaining("run 'moravec taxonomy import' again");
    }

    @Test
    void aSecondWriterIsRefusedWhileOneWrites() throws Exception {
        try (TaxonomyIndex index = imported(); IndexWriter holding = index.writer()) {
            assertThatThrownBy(() -> index.replace(release, line -> { }))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("another Moravec process is writing the taxonomy index");
            holding.rollback();
        }
    }
}
