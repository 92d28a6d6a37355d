package dev.moravec.taxonomy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.index.internal.CrosswalkChains;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.sources.crosswalk.WeightedMapping;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rankings, drill-downs and industry rankings in other classifications on the fixture release, imported with
 * the fixture's crosswalks (written for these tests), its ESCO download and its industry file.
 */
class ClassificationsTest {

    @TempDir
    static Path dir;

    private static Release release;
    private static TaxonomyIndex index;

    static Supplements supplements() throws Exception {
        List<Path> crosswalks = FixtureRelease.CROSSWALKS.stream().map(FixtureRelease::sharedExtra).toList();
        return Supplements.read(crosswalks, FixtureRelease.sharedExtra("esco/occupations_en.csv").getParent(),
                FixtureRelease.sharedExtra("industry.csv"), line -> { });
    }

    static Release release() throws Exception {
        return new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(
                null, null, FixtureRelease.sharedExtra("task-ratings.csv"), FixtureRelease.sharedExtra("employment.csv"),
                null));
    }

    static void classify(TaxonomyIndex index) throws Exception {
        try (ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(Fixtures.wordScorer("1")),
                EngineConfig.defaults(), 2)) {
            new TaxonomyClassifier(engine).classify(index, line -> { });
        }
    }

    @BeforeAll
    static void importAndClassify() throws Exception {
        release = release();
        index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper());
        index.replace(release, supplements(), line -> { });
        classify(index);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static Ranking rank(Classification classification, String level) throws Exception {
        return new Rankings(index).rank(new Rankings.Request(level, false, null, 100, classification,
                WeightBasis.EMPLOYMENT));
    }

    private static Ranking.Row row(Ranking ranking, String code) {
        return ranking.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void ranksIscoMajorGroupsWithCoverageAndListsThoseWithoutAScore() throws Exception {
        Ranking ranking = rank(Classification.ISCO_08, "1");

        assertThat(ranking.classification()).isEqualTo("isco08");
        assertThat(ranking.level()).isEqualTo("major");
        assertThat(ranking.rows()).extracting(Ranking.Row::code).containsExactlyInAnyOrder("2", "7");
        assertThat(row(ranking, "2").title()).isEqualTo("Professionals");
        assertThat(ranking.rows()).allSatisfy(r -> assertThat(r.coverage()).isBetween(0.0, 1.0));
        // 3119 has no SOC partner; 0110's only occupation, 55-1011.00, has no tasks in the fixture
        assertThat(ranking.withoutScore()).extracting(Ranking.Unscored::code).containsExactlyInAnyOrder("0", "3");
        assertThat(ranking.sources()).anyMatch(s -> s.startsWith("BLS ISCO-08 -> 2010 SOC"))
                .anyMatch(s -> s.startsWith("BLS 2010 SOC -> 2018 SOC"));
    }

    @Test
    void aOneToOneMappingKeepsTheSocGroupsScoreAndEmployment() throws Exception {
        // 2120 <-> 15-2021 (2010) <-> 15-2021 (2018) <-> 15-2021.00 is one-to-one; 7411 <-> 47-2111 is not, as
        // 47-2111 (2018) also receives part of 47-2098 (2010), which goes to 711
        Ranking isco = rank(Classification.ISCO_08, "4");
        Ranking soc = new Rankings(index).rank(new Rankings.Request("detailed", false, null, 100));

        for (String[] pair : new String[][] {{"2120", "15-2021"}}) {
            Ranking.Row unit = row(isco, pair[0]);
            Ranking.Row detailed = row(soc, pair[1]);
            assertThat(unit.scores().transferability().getAsDouble()).as(pair[0])
                    .isCloseTo(detailed.scores().transferability().getAsDouble(), within(1e-12));
            assertThat(unit.scores().verificationCost().getAsDouble())
                    .isCloseTo(detailed.scores().verificationCost().getAsDouble(), within(1e-12));
            assertThat(unit.tasks()).isEqualTo(detailed.tasks());
            assertThat(unit.employment()).isEqualTo(detailed.employment());
            assertThat(unit.coverage()).isEqualTo(1.0);
        }
        assertThat(row(isco, "7411").employment()).as("half of 47-2111.00's 2,000").isEqualTo(1000);
    }

    @Test
    void everyOccupationsWeightIsConservedUpEachChain() throws Exception {
        CrosswalkChains chains = index.search(searcher -> Classifications.chains(index, searcher));
        for (Classification classification : List.of(Classification.SOC_2010, Classification.ISCO_08,
                Classification.ESCO)) {
            WeightedMapping up = chains.chains().get(classification).up();
            for (String occupation : release.occupations().keySet()) {
                double reached = up.partners(occupation).values().stream().mapToDouble(Double::doubleValue).sum();
                if (reached > 0 || up.lost(occupation) > 0) {
                    assertThat(reached + up.lost(occupation)).as("%s %s", classification, occupation)
                            .isCloseTo(1.0, within(1e-12));
                }
            }
        }
    }

    @Test
    void showsAnEscoOccupationByCodeOrUriWithTheOccupationsBehindIt() throws Exception {
        GroupDetails details = new GroupDetails(index);

        GroupDetails.Detail scientist = details.show(Classification.ESCO, "2511.4");

        assertThat(scientist.title()).isEqualTo("data scientist");
        assertThat(scientist.uri()).isEqualTo("http://data.europa.eu/esco/occupation/fixture-0003");
        assertThat(scientist.parent()).isEqualTo("2511");
        assertThat(scientist.alternativeLabels()).contains("data expert");
        assertThat(scientist.score()).isNotNull();
        assertThat(scientist.coverage()).isEqualTo(1.0);
        assertThat(scientist.thinCoverage()).isFalse();
        assertThat(scientist.members()).extracting(GroupDetails.Member::code)
                .containsExactlyInAnyOrder("15-1252.00", "15-2021.00");
        assertThat(scientist.members().stream().mapToDouble(GroupDetails.Member::weight).sum()).isCloseTo(1.0,
                within(1e-12));
        assertThat(details.show(Classification.ESCO, "http://data.europa.eu/esco/occupation/fixture-0003").code())
                .isEqualTo("2511.4");
        assertThat(details.show(Classification.ESCO, "fixture-0003").code()).isEqualTo("2511.4");
    }

    @Test
    void anEscoOccupationWithoutRowsTakesItsUnitGroupsOrShowsNoScore() throws Exception {
        GroupDetails details = new GroupDetails(index);

        assertThat(details.show(Classification.ESCO, "7126.1").members()).extracting(GroupDetails.Member::code)
                .containsExactly("47-2152.00");
        GroupDetails.Detail technician = details.show(Classification.ESCO, "3119.2");
        assertThat(technician.score()).isNull();
        assertThat(technician.coverage()).isZero();
        assertThat(technician.thinCoverage()).isTrue();
        GroupDetails.Detail developer = details.show(Classification.ESCO, "2512.4");
        assertThat(developer.unscoredPartners()).extracting(GroupDetails.Partner::code).containsExactly("15-1299.08");
        assertThat(developer.unscoredPartners().get(0).reason()).isEqualTo("not in the taxonomy");
    }

    @Test
    void chainsReportWhatTheyLose() throws Exception {
        Classifications.Summary summary = new Classifications(index).summary();

        assertThat(summary.escoContent()).isTrue();
        assertThat(summary.chains().get(Classification.ESCO).losses())
                .anyMatch(l -> l.startsWith("1 ESCO codes of crosswalk-esco-onet.csv") && l.contains("(9999.1)"))
                .anyMatch(l -> l.contains("take their ISCO-08 unit group's rows (7126.1)"))
                .anyMatch(l -> l.contains("no partner (3119.2)"))
                .anyMatch(l -> l.startsWith("1 O*NET-SOC codes of crosswalk-esco-onet.csv are not in the taxonomy"
                        + " (15-1299.08)"));
        assertThat(summary.chains().get(Classification.ISCO_08).losses())
                .anyMatch(l -> l.contains("ISCO-08 unit groups") && l.contains("have no SOC 2010 partner"));
        assertThat(summary.chains().get(Classification.SOC_2010).losses())
                .anyMatch(l -> l.contains("15-1299") && l.contains("no O*NET-SOC occupation"));
    }

    @Test
    void refusesALevelOrClassificationItCannotAnswerIn() {
        assertThatThrownBy(() -> rank(Classification.ISCO_08, "5")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--level for isco08");
        assertThatThrownBy(() -> new Rankings(index).rank(new Rankings.Request("task", false, null, 10,
                Classification.ESCO, WeightBasis.EMPLOYMENT))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--level task");
    }

    @Test
    void ranksSectorsWithTheirWageBillPerQuadrant() throws Exception {
        IndustryRankings.Result result = new IndustryRankings(index).rank(false, 100, WeightBasis.WAGES, null);

        assertThat(result.weight()).isEqualTo("wages");
        assertThat(result.rows()).extracting(IndustryRankings.Row::naics).containsExactlyInAnyOrder("51", "23");
        for (IndustryRankings.Row row : result.rows()) {
            assertThat(row.wageBill()).isPositive();
            double perQuadrant = row.wageBillByQuadrant().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(perQuadrant).as(row.naics()).isCloseTo(row.wageBill(), within(1e-6 * row.wageBill()));
            assertThat(row.coverage()).isBetween(0.0, 1.0);
        }
        assertThat(result.report()).anyMatch(l -> l.contains("employment suppressed (**)"));
    }

    @Test
    void crosswalksAddedToAnExistingIndexKeepItsVerdicts(@TempDir Path other) throws Exception {
        try (TaxonomyIndex plain = TaxonomyIndex.open(other.resolve("index"), new ObjectMapper())) {
            plain.replace(release, line -> { });
            classify(plain);
            assertThatThrownBy(() -> new Classifications(plain).require(Classification.ISCO_08))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("--crosswalk");
            Map<String, Double> before = scores(plain);

            plain.supplement(supplements(), line -> { });

            new Classifications(plain).require(Classification.ISCO_08);
            assertThat(scores(plain)).isEqualTo(before);
            assertThat(new GroupDetails(plain).show(Classification.ESCO, "2511.4").score()).isNotNull();
        }
    }

    private static Map<String, Double> scores(TaxonomyIndex index) throws Exception {
        Ranking ranking = new Rankings(index).rank(new Rankings.Request("occupation", false, null, 100));
        return ranking.rows().stream().collect(java.util.stream.Collectors.toMap(Ranking.Row::code,
                r -> r.scores().transferability().getAsDouble()));
    }

    @Test
    void mapsACatalogsIscoCodesToTheHeaviestPartnerAndReportsTheUnmapped() throws Exception {
        CatalogCodeMapping mapping = CatalogCodeMapping.of(index, Classification.ISCO_08);

        assertThat(mapping.map("2120").code()).isEqualTo("15-2021.00");
        assertThat(mapping.map("2120").note()).contains("ISCO-08 2120 -> 15-2021.00");
        assertThat(mapping.map("21").code()).as("a sub-major group stands for its unit groups").isEqualTo("15-2021.00");
        assertThat(mapping.map("3119").code()).isNull();
        assertThat(mapping.map("25x").code()).isNull();

        CatalogCodeMapping.Report report = mapping.report();
        assertThat(report.mappedRecords()).isEqualTo(3);
        assertThat(report.mappedCodes()).isEqualTo(2);
        assertThat(report.unmappedRecords()).isEqualTo(2);
        assertThat(report.unmapped()).containsOnlyKeys("3119", "25x");
        assertThat(report.unmapped().get("3119").reason()).contains("has no partner in the crosswalks");
        assertThat(report.unmapped().get("25x").reason()).contains("is not an ISCO-08 code");
        assertThatThrownBy(() -> CatalogCodeMapping.of(index, Classification.SOC_2018))
                .isInstanceOf(BadInputException.class).hasMessageContaining("leave it out");
    }
}
