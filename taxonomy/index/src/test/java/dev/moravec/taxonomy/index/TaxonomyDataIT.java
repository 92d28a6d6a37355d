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
import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.sources.crosswalk.Crosswalk;
import dev.moravec.taxonomy.sources.crosswalk.CrosswalkLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
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
        List<Path> crosswalks = new ArrayList<>();
        for (String file : List.of("soc_2010_to_2018_crosswalk.csv", "isco_soc_crosswalk_isco08_to_soc2010.csv",
                "2010_to_2019_Crosswalk.csv", "ESCO_to_ONET-SOC.csv")) {
            crosswalks.add(TestData.require("crosswalks/" + file));
        }
        index.supplement(Supplements.read(crosswalks, TestData.require("esco/v1_2_1"),
                TestData.require("bls/natsector_M2024_dl.csv"), line -> { }), line -> { });
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

    @Test
    void eachChainReportsWhatItMapsAndLoses() throws Exception {
        Classifications.Summary summary = new Classifications(index).summary();
        summary.chains().forEach((classification, chain) -> {
            System.out.println(classification.title() + ": " + chain.codes() + " codes via " + chain.sources());
            chain.losses().forEach(l -> System.out.println("  " + l));
        });
        summary.onet2010().forEach(l -> System.out.println("O*NET-SOC 2010: " + l));

        assertThat(summary.chains()).containsOnlyKeys(Classification.SOC_2010, Classification.ISCO_08, Classification.ESCO);
        assertThat(summary.chains().get(Classification.SOC_2010).codes()).isEqualTo(840);
        assertThat(summary.chains().get(Classification.ESCO).codes()).as("ESCO v1.2.1's occupations").isEqualTo(3039);
        assertThat(summary.chains().get(Classification.ESCO).losses())
                .anyMatch(l -> l.startsWith("38 ESCO codes of ESCO_to_ONET-SOC.csv (built on ESCO v1.1.0) are not in"
                        + " ESCO v1.2.1"));
        assertThat(summary.escoContent()).isTrue();
        assertThat(summary.esco()).isEqualTo("ESCO v1.2.1");
    }

    /**
     * Where the two crosswalks link an ISCO-08 unit group to exactly one 2010 SOC code and that to exactly one
     * 2018 SOC code, each linked to nothing else (found from the files' links here, not from the chains), the
     * unit group's row of the ISCO-08 ranking equals the SOC code's row of the SOC ranking.
     */
    @Test
    void anIscoRankingEqualsTheSocRankingWhereTheMappingIsOneToOne() throws Exception {
        Crosswalk isco = dev.moravec.taxonomy.sources.crosswalk.CrosswalkReader.read(
                TestData.require("crosswalks/isco_soc_crosswalk_isco08_to_soc2010.csv"));
        Crosswalk soc = dev.moravec.taxonomy.sources.crosswalk.CrosswalkReader.read(
                TestData.require("crosswalks/soc_2010_to_2018_crosswalk.csv"));
        Map<String, Set<String>> iscoToSoc = partners(isco, false);
        Map<String, Set<String>> socToIsco = partners(isco, true);
        Map<String, Set<String>> oldToNew = partners(soc, false);
        Map<String, Set<String>> newToOld = partners(soc, true);
        Map<String, String> oneToOne = new HashMap<>();
        iscoToSoc.forEach((unit, old) -> {
            if (unit.length() == 4 && old.size() == 1) {
                String code2010 = old.iterator().next();
                Set<String> back = socToIsco.get(code2010);
                Set<String> to2018 = oldToNew.getOrDefault(code2010, Set.of());
                if (back.size() == 1 && to2018.size() == 1
                        && newToOld.get(to2018.iterator().next()).size() == 1) {
                    oneToOne.put(unit, to2018.iterator().next());
                }
            }
        });
        Rankings rankings = new Rankings(index);
        Map<String, Ranking.Row> units = new HashMap<>();
        rankings.rank(new Rankings.Request("4", false, null, 10_000, Classification.ISCO_08, WeightBasis.EMPLOYMENT))
                .rows().forEach(r -> units.put(r.code(), r));
        Map<String, Ranking.Row> detailed = new HashMap<>();
        rankings.rank(new Rankings.Request("detailed", false, null, 10_000)).rows().forEach(r -> detailed.put(r.code(), r));

        int compared = 0;
        for (Map.Entry<String, String> pair : oneToOne.entrySet()) {
            Ranking.Row unit = units.get(pair.getKey());
            Ranking.Row code = detailed.get(pair.getValue());
            if (code == null) {
                assertThat(unit).as("%s: its SOC code %s has no score", pair.getKey(), pair.getValue()).isNull();
                continue;
            }
            compared++;
            assertThat(unit).as(pair.getKey()).isNotNull();
            assertThat(unit.scores().score().getAsDouble()).as(pair.getKey())
                    .isCloseTo(code.scores().score().getAsDouble(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(unit.tasks()).as(pair.getKey()).isEqualTo(code.tasks());
            assertThat(unit.employment()).as(pair.getKey()).isEqualTo(code.employment());
        }
        System.out.println(compared + " one-to-one ISCO-08 unit groups equal their SOC code");
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void theIscoMajorGroupsAndTheSectorsAreRanked() throws Exception {
        Ranking majors = new Rankings(index).rank(new Rankings.Request("1", false, null, 100, Classification.ISCO_08,
                WeightBasis.EMPLOYMENT));
        assertThat(majors.rows()).extracting(Ranking.Row::code)
                .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        IndustryRankings.Result sectors = new IndustryRankings(index).rank(false, 100, WeightBasis.WAGES, null);
        assertThat(sectors.rows()).hasSize(20);
        sectors.rows().forEach(r -> System.out.printf("%s %s wage bill %.3e coverage %.3f%n", r.naics(), r.title(),
                r.wageBill(), r.coverage()));
    }

    private static Map<String, Set<String>> partners(Crosswalk crosswalk, boolean reversed) {
        Map<String, Set<String>> partners = new HashMap<>();
        for (CrosswalkLink link : crosswalk.links()) {
            partners.computeIfAbsent(reversed ? link.to() : link.from(), c -> new TreeSet<>())
                    .add(reversed ? link.from() : link.to());
        }
        return partners;
    }
}
