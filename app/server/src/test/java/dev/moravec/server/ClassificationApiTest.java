package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.testing.FixtureRelease;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API in other classifications and by industry: the starter catalog, classified, with the fixture's
 * crosswalks, ESCO download and industry file (written for the tests) added to the index.
 */
class ClassificationApiTest {

    @TempDir
    static Path dir;

    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture(dir);
        List<Path> crosswalks = FixtureRelease.CROSSWALKS.stream().map(FixtureRelease::sharedExtra).toList();
        fixture.index.supplement(Supplements.read(crosswalks,
                FixtureRelease.sharedExtra("esco/occupations_en.csv").getParent(),
                FixtureRelease.sharedExtra("industry.csv"), line -> { }), line -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = fixture.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return fixture.json(response);
    }

    private static String error(String path, int status) throws Exception {
        HttpResponse<String> response = fixture.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return fixture.json(response).at("/error/message").asText();
    }

    @Test
    void ranksIscoMajorGroupsWithCoverage() throws Exception {
        JsonNode ranking = ok("/api/rank?classification=isco08&level=1");

        assertThat(ranking.get("classification").asText()).isEqualTo("isco08");
        assertThat(ranking.get("level").asText()).isEqualTo("major");
        assertThat(ranking.get("rows")).isNotEmpty();
        assertThat(ranking.get("rows").get(0).has("coverage")).isTrue();
        assertThat(ranking.get("sources").toString()).contains("BLS ISCO-08 -> 2010 SOC");
    }

    @Test
    void iscoGroupsAndSectorsCarryIntervalsAndRankRangesAroundTheirScores() throws Exception {
        JsonNode ranking = ok("/api/rank?classification=isco08&level=1&resamples=200");
        assertThat(ranking.at("/intervals/resamples").asInt()).isEqualTo(200);
        JsonNode industries = ok("/api/industries?weight=wages&resamples=200");
        assertThat(industries.at("/intervals/resamples").asInt()).isEqualTo(200);
        for (JsonNode rows : List.of(ranking.get("rows"), industries.get("rows"))) {
            assertThat(rows).isNotEmpty();
            for (JsonNode row : rows) {
                double score = row.get("score").asDouble();
                assertThat(row.at("/interval/low").asDouble()).as(row.toString()).isLessThanOrEqualTo(score);
                assertThat(row.at("/interval/high").asDouble()).as(row.toString()).isGreaterThanOrEqualTo(score);
                int rank = row.get("rank").asInt();
                assertThat(row.at("/rankRange/low").asInt()).as(row.toString()).isBetween(1, rank);
                assertThat(row.at("/rankRange/high").asInt()).as(row.toString()).isBetween(rank, rows.size());
            }
        }
        JsonNode group = ok("/api/groups/esco/2511.4");
        assertThat(group.at("/interval/low").asDouble()).isLessThanOrEqualTo(group.get("score").asDouble());
        assertThat(group.at("/interval/high").asDouble()).isGreaterThanOrEqualTo(group.get("score").asDouble());

        JsonNode without = ok("/api/rank?classification=isco08&level=1&intervals=false");
        assertThat(without.get("intervals").isNull()).isTrue();
        assertThat(without.at("/rows/0/interval").isNull()).isTrue();
        assertThat(without.at("/rows/0/rankRange").isNull()).isTrue();
    }

    @Test
    void showsAnEscoOccupationWithTheOccupationsBehindIt() throws Exception {
        JsonNode group = ok("/api/groups/esco/2511.4");

        assertThat(group.get("title").asText()).isEqualTo("data scientist");
        assertThat(group.toString()).contains("15-2021.00").contains("This publication uses the ESCO classification");
        assertThat(error("/api/groups/esco/9999.9", 404)).contains("no ESCO code '9999.9'");
        assertThat(error("/api/groups/mars/1", 400)).contains("classification must be one of");
    }

    @Test
    void findsEscoOccupationsByLabel() throws Exception {
        JsonNode found = ok("/api/search?q=data+expert&occupations=true&classification=esco");

        assertThat(found.get("classification").asText()).isEqualTo("esco");
        assertThat(found.at("/results/0/code").asText()).isEqualTo("2511.4");
        assertThat(found.get("attribution").asText()).contains("ESCO classification");
        assertThat(error("/api/search?q=data&classification=esco", 400)).contains("occupations=true");
    }

    @Test
    void ranksIndustriesByWageBillAndSaysWhatIsHeld() throws Exception {
        JsonNode industries = ok("/api/industries?weight=wages");
        assertThat(industries.toString()).contains("Information").contains("Construction");
        assertThat(error("/api/rank?classification=isco08&weight=gold", 400)).contains("weight must be");

        JsonNode openApi = ok("/api/openapi.json");
        for (String[] request : new String[][] {{"/api/industries?weight=wages", "/api/industries"},
                {"/api/groups/esco/2511.4", "/api/groups/{classification}/{code}"},
                {"/api/rank?classification=esco&level=1&weight=wages", "/api/rank"},
                {"/api/bottlenecks?classification=isco08&level=1&weight=wages", "/api/bottlenecks"},
                {"/api/search?q=data+expert&occupations=true&classification=esco", "/api/search"}}) {
            JsonNode schema = openApi.at("/paths/" + request[1].replace("/", "~1")
                    + "/get/responses/200/content/application~1json/schema");
            assertThat(ApiTest.undocumented(openApi, ok(request[0]), schema, ""))
                    .as("members of %s that openapi.json does not describe", request[0]).isEmpty();
        }

        JsonNode held = ok("/api/classifications");
        assertThat(held.toString()).contains("isco08").contains("esco").contains("soc2010");
    }
}
