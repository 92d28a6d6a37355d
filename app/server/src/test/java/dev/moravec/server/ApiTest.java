package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Thresholds;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over real HTTP on loopback, against a server on the built-in starter catalog rated by the
 * lexicon plugin: answers, status codes, and the JSON errors for bad requests.
 */
class ApiTest {

    @TempDir
    static Path dir;

    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return fixture.json(response);
    }

    private static String error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = fixture.json(response).get("error");
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("at dev.moravec").doesNotContain("Exception:");
        return error.get("message").asText();
    }

    @Test
    void theServerBindsLoopbackOnTheFreePortItPicked() {
        assertThat(fixture.server.host()).isEqualTo("127.0.0.1");
        assertThat(fixture.server.port()).isPositive();
        assertThat(fixture.server.uri().toString()).isEqualTo("http://127.0.0.1:" + fixture.server.port() + "/");
    }

    @Test
    void healthSaysWhatIsServedAndTheLimits() throws Exception {
        JsonNode health = ok(fixture.get("/api/health"));
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("scorers").toString()).isEqualTo("[\"lexicon\"]");
        assertThat(health.at("/taxonomy/source").asText()).isEqualTo("built-in starter catalog");
        assertThat(health.at("/taxonomy/tasks").asInt()).isEqualTo(486);
        assertThat(health.at("/taxonomy/classified").asText()).isNotBlank();
        assertThat(health.at("/thresholds/transferability").asDouble()).isEqualTo(0.5);
        assertThat(health.at("/limits/maxBatch").asInt()).isEqualTo(1000);
    }

    @Test
    void classifyingOneTaskGivesTheRecordClassifyWrites() throws Exception {
        JsonNode record = ok(fixture.post("/api/classify",
                "{\"statement\": \"Write SQL queries and debug code against automated tests\", \"occupation\": \"15-1252.00\"}"));
        List<String> fields = new ArrayList<>();
        record.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "statement", "occupation", "taskType", "transferability",
                "verificationCost", "score", "quadrant", "verification", "bottlenecks", "ratings");
        assertThat(record.get("id").asText()).isEqualTo("1");
        assertThat(record.at("/occupation/code").asText()).isEqualTo("15-1252.00");
        assertThat(record.at("/occupation/title").asText()).isEqualTo("Software Developers");
        assertThat(record.get("quadrant").asText()).isEqualTo("PURE_REASONING");
        JsonNode rating = record.at("/ratings/0");
        assertThat(rating.get("scorer").asText()).isEqualTo("lexicon");
        assertThat(rating.get("status").asText()).isEqualTo("OK");
        assertThat(rating.get("evidence").size()).isPositive();
    }

    @Test
    void aBatchIsAnsweredInOrderWithTheInputsOtherFieldsCarriedThrough() throws Exception {
        JsonNode body = ok(fixture.post("/api/classify", "{\"tasks\": ["
                + "{\"id\": \"a\", \"statement\": \"Trim trees and remove branches using chainsaws\"},"
                + "{\"id\": 7, \"task\": \"Prove theorems about prime numbers\", \"taskType\": \"Core\", \"source\": \"memo\"},"
                + "{\"statement\": \"Draft contracts\", \"occupation\": {\"code\": \"23-1011.00\", \"title\": \"Lawyers\"}}]}"));
        JsonNode results = body.get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("id").asText()).isEqualTo("a");
        assertThat(results.get(0).get("quadrant").asText()).isEqualTo("LAGGING");
        assertThat(results.get(0).get("occupation").isNull()).isTrue();
        assertThat(results.get(1).get("id").asText()).isEqualTo("7");
        assertThat(results.get(1).get("taskType").asText()).isEqualTo("CORE");
        assertThat(results.get(1).at("/fields/source").asText()).isEqualTo("memo");
        assertThat(results.get(2).get("id").asText()).isEqualTo("3");
        assertThat(results.get(2).at("/occupation/title").asText()).isEqualTo("Lawyers");
    }

    @Test
    void badBodiesAreRefusedWithWhatIsWrong() throws Exception {
        assertThat(error(fixture.post("/api/classify", "{\"tasks\": [{\"statement\": \"x\"}"), 400))
                .startsWith("the body is not valid JSON");
        assertThat(error(fixture.post("/api/classify", ""), 400)).startsWith("send a JSON body");
        assertThat(error(fixture.post("/api/classify", "[1, 2]"), 400)).contains("must be a JSON object");
        assertThat(error(fixture.post("/api/classify", "{\"tasks\": []}"), 400)).contains("is empty");
        assertThat(error(fixture.post("/api/classify", "{\"tasks\": [{\"statement\": \"ok\"}, {\"id\": \"2\"}]}"), 400))
                .startsWith("tasks[1]: ").contains("no task statement");
        assertThat(error(fixture.post("/api/classify", "{\"tasks\": [\"just text\"]}"), 400))
                .isEqualTo("tasks[0]: is not a JSON object");
        assertThat(error(fixture.post("/api/classify", "{\"statement\": \"x\", \"occupation\": \"15-9\"}"), 400))
                .contains("occupation");
    }

    @Test
    void oversizedBodiesGet413AndOverlongBatches422() throws Exception {
        String big = "{\"statement\": \"" + "a".repeat((1 << 20) + 10) + "\"}";
        assertThat(error(fixture.post("/api/classify", big, true), 413)).contains("larger than 1048576 bytes");
        StringBuilder batch = new StringBuilder("{\"tasks\": [");
        for (int i = 0; i < 1001; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"statement\": \"Write reports\"}");
        }
        assertThat(error(fixture.post("/api/classify", batch + "]}"), 422)).contains("1001 tasks").contains("at most 1000");
    }

    @Test
    void explainGivesEachScorersRatingAndWhatTheVerdictMeans() throws Exception {
        JsonNode explained = ok(fixture.get("/api/explain?task=Trim%20trees%20using%20chainsaws&occupation=37-3013.00"));
        assertThat(explained.get("quadrant").asText()).isEqualTo("LAGGING");
        assertThat(explained.get("meaning").asText()).contains("lags automation most");
        assertThat(explained.at("/ratings/0/evidence").toString()).contains("chainsaws");
        assertThat(error(fixture.get("/api/explain"), 400)).contains("'task'");
        assertThat(error(fixture.get("/api/explain?task=x&occupation=nope"), 400)).contains("not an O*NET-SOC code");
    }

    @Test
    void searchFindsTasksAndOccupationsAndRefusesWhatItCannotDo() throws Exception {
        JsonNode tasks = ok(fixture.get("/api/search?q=software&limit=5"));
        assertThat(tasks.get("kind").asText()).isEqualTo("task");
        assertThat(tasks.get("results").size()).isBetween(1, 5);
        assertThat(tasks.at("/results/0/highlight").asText()).contains("<mark>");
        JsonNode occupations = ok(fixture.get("/api/search?q=software+developers&occupations=true"));
        assertThat(occupations.at("/results/0/code").asText()).isEqualTo("15-1252.00");
        JsonNode lagging = ok(fixture.get("/api/search?q=repair&quadrant=lagging&family=49-0000"));
        assertThat(lagging.get("results")).allSatisfy(hit -> {
            assertThat(hit.get("quadrant").asText()).isEqualTo("LAGGING");
            assertThat(hit.get("code").asText()).startsWith("49-");
        });

        assertThat(error(fixture.get("/api/search?q=software&semantic=true"), 501)).contains("not available on this server");
        assertThat(error(fixture.get("/api/search"), 400)).contains("'q'");
        assertThat(error(fixture.get("/api/search?q=statement:(broken"), 400)).contains("cannot read the query");
        assertThat(error(fixture.get("/api/search?q=x&quadrant=SOMEWHERE"), 400)).contains("quadrant must be one of");
        assertThat(error(fixture.get("/api/search?q=x&limit=0"), 400)).contains("limit must be");
        assertThat(error(fixture.get("/api/search?q=x&occupations=maybe"), 400)).contains("true or false");
        assertThat(error(fixture.get("/api/search?q=x&family=99-0000"), 404)).contains("no family");
        assertThat(error(fixture.get("/api/search?q=x&family=fifteen"), 400)).contains("not a SOC");
    }

    @Test
    void rankCoversEveryLevelAndOrder() throws Exception {
        JsonNode major = ok(fixture.get("/api/rank?level=major&limit=100"));
        assertThat(major.get("rows")).hasSize(22);
        assertThat(major.get("order").asText()).isEqualTo("lagging");
        JsonNode rows = major.get("rows");
        assertThat(rows.get(0).get("score").asDouble()).isLessThanOrEqualTo(rows.get(21).get("score").asDouble());
        assertThat(rows.get(0).get("shares").size()).isEqualTo(5);
        JsonNode leading = ok(fixture.get("/api/rank?level=occupation&order=leading&family=15-0000&limit=3"));
        assertThat(leading.get("rows")).hasSize(3).allSatisfy(row -> assertThat(row.get("code").asText()).startsWith("15-"));
        JsonNode tasks = ok(fixture.get("/api/rank?level=task&limit=2"));
        assertThat(tasks.at("/rows/0/statement").asText()).isNotBlank();
        for (String level : List.of("minor", "broad", "detailed")) {
            assertThat(ok(fixture.get("/api/rank?level=" + level)).get("rows").size()).isPositive();
        }
        assertThat(error(fixture.get("/api/rank?level=galaxy"), 400)).contains("level must be");
        assertThat(error(fixture.get("/api/rank?order=sideways"), 400)).contains("order must be");
    }

    @Test
    void anOccupationDrillsDownToItsTasksAndUnknownCodesAre404() throws Exception {
        JsonNode occupation = ok(fixture.get("/api/occupations/15-1252.00"));
        assertThat(occupation.get("title").asText()).isEqualTo("Software Developers");
        assertThat(occupation.get("family").get(0).get("code").asText()).isEqualTo("15-0000");
        assertThat(occupation.get("shares").get("PURE_REASONING").asDouble()).isPositive();
        assertThat(occupation.get("tasks").size()).isPositive();
        assertThat(occupation.at("/tasks/0/evidence/0").asText()).startsWith("lexicon: ");
        assertThat(ok(fixture.get("/api/occupations/15-1252")).get("code").asText()).isEqualTo("15-1252.00");
        assertThat(error(fixture.get("/api/occupations/99-9999.00"), 404)).contains("no occupation 99-9999.00");
        assertThat(error(fixture.get("/api/occupations/software"), 400)).contains("not an O*NET-SOC code");
    }

    @Test
    void tasksArePointsForTheScatterWithTheThresholds() throws Exception {
        JsonNode all = ok(fixture.get("/api/tasks"));
        assertThat(all.get("total").asInt() + all.get("unplaced").asInt()).isEqualTo(486);
        assertThat(all.get("returned").asInt()).isEqualTo(all.get("total").asInt());
        assertThat(all.at("/thresholds/verificationCost").asDouble()).isEqualTo(0.5);
        JsonNode point = all.at("/points/0");
        assertThat(point.get("statement").asText()).isNotBlank();
        assertThat(point.get("transferability").asDouble()).isBetween(0.0, 1.0);
        int quadrants = 0;
        for (JsonNode count : all.get("quadrants")) {
            quadrants += count.asInt();
        }
        assertThat(quadrants).isEqualTo(all.get("total").asInt());
        JsonNode family = ok(fixture.get("/api/tasks?family=15-0000&limit=5"));
        assertThat(family.get("points")).hasSize(5).allSatisfy(p -> assertThat(p.get("code").asText()).startsWith("15-"));
        assertThat(error(fixture.get("/api/tasks?limit=20001"), 400)).contains("1 to 20000");
    }

    @Test
    void pluginsListTheLexiconAsActive() throws Exception {
        JsonNode plugins = ok(fixture.get("/api/plugins"));
        assertThat(plugins.get("activeScorers").toString()).isEqualTo("[\"lexicon\"]");
        JsonNode plugin = plugins.at("/plugins/0");
        assertThat(plugin.get("state").asText()).isEqualTo("active");
        assertThat(plugin.at("/scorers/0/id").asText()).isEqualTo("lexicon");
        assertThat(plugin.at("/scorers/0/state").asText()).isEqualTo("active");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertThat(error(fixture.get("/api/nothing"), 404)).contains("no such path: GET /api/nothing");
        assertThat(error(fixture.get("/api/classify"), 405)).contains("GET is not allowed on /api/classify");
        HttpResponse<String> delete = fixture.client.send(HttpRequest.newBuilder(fixture.uri("/api/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(error(delete, 405)).contains("DELETE");
    }

    @Test
    void theOpenApiDescriptionDocumentsEveryRoute() throws Exception {
        JsonNode openApi = ok(fixture.get("/api/openapi.json"));
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        Set<String> paths = new HashSet<>();
        openApi.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/api/health", "/api/classify", "/api/explain", "/api/search",
                "/api/rank", "/api/occupations/{code}", "/api/tasks", "/api/plugins", "/api/openapi.json",
                "/api/groups/{classification}/{code}", "/api/industries", "/api/classifications");
        assertThat(openApi.at("/paths/~1api~1search/get/responses/501/description").asText()).contains("without an embedder");
        // every documented GET without required parameters answers 200
        for (String path : List.of("/api/health", "/api/rank", "/api/tasks", "/api/plugins")) {
            assertThat(fixture.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void thePageAndChartJsAreServed() throws Exception {
        HttpResponse<String> page = fixture.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(page.body()).contains("<title>Moravec").contains("/webjars/chart.js/4.5.1/dist/chart.umd.js")
                .contains("USDOL/ETA");
        HttpResponse<String> chart = fixture.get("/webjars/chart.js/4.5.1/dist/chart.umd.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).startsWith("/*!\n * Chart.js v4.5.1");
        for (String file : List.of("/static/app.js", "/static/charts.js", "/static/style.css")) {
            assertThat(fixture.get(file).statusCode()).as(file).isEqualTo(200);
        }
    }

    /** A server whose plugins folder is empty: it serves the taxonomy, and answers 503 to classify. */
    @Test
    void withoutAnActiveScorerClassifyIs503AndHealthDegraded(@TempDir Path other) throws Exception {
        try (ServerFixture empty = new ServerFixture(other, ServerOptions.defaults(0), EngineConfig.defaults(),
                ServerFixture.Plugins.NONE)) {
            JsonNode health = empty.json(empty.get("/api/health"));
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("problem").asText()).contains("no scorer is active");
            HttpResponse<String> classify = empty.post("/api/classify", "{\"statement\": \"Write reports\"}");
            assertThat(classify.statusCode()).isEqualTo(503);
            assertThat(empty.json(classify).at("/error/message").asText()).contains("no scorer is active");
            assertThat(empty.get("/api/rank?level=major").statusCode()).isEqualTo(200);
        }
    }

    /** A scorer that hangs: the request's time budget ends it with 503; other requests go on. */
    @Test
    void aClassifyRequestPastItsTimeBudgetIs503(@TempDir Path other) throws Exception {
        ServerOptions options = new ServerOptions(ServerOptions.LOOPBACK, 0, 1 << 20, 1000, Duration.ofMillis(500), 20_000);
        EngineConfig config = new EngineConfig(Thresholds.DEFAULT, Map.of(), Duration.ofSeconds(5), 20);
        try (ServerFixture sleepy = new ServerFixture(other, options, config, ServerFixture.Plugins.LEXICON_AND_SLEEPY)) {
            long started = System.nanoTime();
            HttpResponse<String> slow = sleepy.post("/api/classify", "{\"statement\": \"a slow task\"}");
            assertThat(slow.statusCode()).as(slow.body()).isEqualTo(503);
            assertThat(sleepy.json(slow).at("/error/message").asText()).contains("took longer than");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            HttpResponse<String> quick = sleepy.post("/api/classify", "{\"statement\": \"Write reports\"}");
            assertThat(quick.statusCode()).as(quick.body()).isEqualTo(200);
            assertThat(sleepy.json(quick).get("ratings")).hasSize(2);
        }
    }
}
