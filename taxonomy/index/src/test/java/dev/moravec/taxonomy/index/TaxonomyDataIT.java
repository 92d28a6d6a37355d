package dev.moravec.taxonomy.index;

import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.taxonomy.sources.SocLevel;
import dev.moravec.taxonomy.sources.TaxonomyTask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.testing.TestData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The taxonomy on the real O*NET 29.1 release with skills, knowledge, task ratings and employment. */
class TaxonomyDataIT {

    @TempDir
    static Path dir;

    private static Release release;
    private static TaxonomyIndex index;

    @BeforeAll
    static void importAndClassify() throws Exception {
        Path onet = TestData.require("onet/db_29_1_text");
        release = new OnetReleaseReader(line -> { }).read(onet, new OnetReleaseReader.Options(
                TestData.require("onet/db_30_1_extra/Skills.tsv"), TestData.require("onet/db_30_1_extra/Knowledge.tsv"),
                TestData.require("onet/task_ratings_29_3_summary.csv"),
                TestData.require("bls/oews_national_may2021.csv"), null));
        index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper());
        index.replace(release, line -> { });
        try (ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(Fixtures.wordScorer("1.0")),
                EngineConfig.defaults(), 2)) {
            TaxonomyClassifier.Result result = new TaxonomyClassifier(engine).classify(index, line -> { });
            assertThat(result.rated()).isEqualTo(18_796);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void close() throws Exception {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void everyOccupationAndTaskIsImportedAndCountedByTheFacets() throws Exception {
        assertThat(release.report().occupations()).isEqualTo(1_016);
        assertThat(release.report().tasks()).isEqualTo(18_796);
        Map<String, Long> expected = new HashMap<>();
        for (TaxonomyTask task : release.tasks()) {
            expected.merge(release.hierarchy().groupOf(task.task().occupationCode(), SocLevel.MAJOR), 1L, Long::sum);
        }
        Map<String, Long> facets = new TaxonomySearch(index, "[", "]").taskCounts();
        assertThat(facets).isEqualTo(expected);
        assertThat(facets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(18_796);
        assertThat(facets.keySet()).containsAll(List.of("11-0000", "13-0000", "15-0000", "17-0000", "19-0000",
                "21-0000", "23-0000", "25-0000", "27-0000", "29-0000", "31-0000", "33-0000", "35-0000", "37-0000",
                "39-0000", "41-0000", "43-0000", "45-0000", "47-0000", "49-0000", "51-0000", "53-0000"));
    }

    @Test
    void rankingsEqualTheOracle() throws Exception {
        Rankings rankings = new Rankings(index);
        RankingOracle oracle = RankingOracle.of(release, Fixtures.wordScorer("oracle"));
        for (String level : List.of("major", "minor", "broad", "detailed", "occupation")) {
            for (boolean lagging : List.of(true, false)) {
                Ranking ranking = rankings.rank(new Rankings.Request(level, lagging, null, 10_000));
                RankingOracle.assertMatches(ranking, oracle.families(level, null, lagging), 10_000, level);
            }
        }
        RankingOracle.assertMatches(rankings.rank(new Rankings.Request("occupation", true, "15-1200", 10_000)),
                oracle.families("occupation", "15-1200", true), 10_000, "occupations of 15-1200");
        RankingOracle.assertMatches(rankings.rank(new Rankings.Request("task", true, "15-0000", 200)),
                oracle.tasks("15-0000", true), 200, "tasks of 15-0000");
        Ranking majors = rankings.rank(new Rankings.Request("major", true, null, 50));
        assertThat(majors.rows()).hasSize(22);
        assertThat(majors.weighting()).contains("importance x relevance").contains("weighted by employment");
    }

    @Test
    void searchAndJobTitlesAnswerSensibly() throws Exception {
        TaxonomySearch search = new TaxonomySearch(index, "[", "]");
        List<SearchHit> repair = search.search(new TaxonomySearch.Request("repair hydraulic", false, null,
                Quadrant.LAGGING, 5));
        assertThat(repair).isNotEmpty().allSatisfy(hit -> assertThat(hit.highlight()).contains("[hydraulic]"));
        List<SearchHit> engineer = search.search(new TaxonomySearch.Request("software engineer", true, null, null, 5));
        assertThat(engineer.get(0).code()).isEqualTo("15-1252.00");
        OccupationDetails.Detail developers = new OccupationDetails(index).show("15-1252.00");
        assertThat(developers.path().get(2).title()).isEqualTo("Software and Web Developers, Programmers, and Testers");
        assertThat(developers.tasks()).hasSize(19);
    }
}
