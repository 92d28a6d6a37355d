package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import dev.moravec.host.PluginState;
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
 * lexicon plugin and a test plugin that names bottleneck factors: answers, status codes, the JSON errors
 * for bad requests, and the OpenAPI description of every field.
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
        assertThat(health.get("scorers").toString()).isEqualTo("[\"lexicon\",\"word-factors\"]");
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
        assertThat(record.get("verification").asText()).isEqualTo("PROGRAM_CHECK");
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
    void bottlenecksSplitEachFamilysLaggingWorkByFactor() throws Exception {
        JsonNode major = ok(fixture.get("/api/bottlenecks"));
        assertThat(major.get("level").asText()).isEqualTo("major");
        assertThat(major.get("family").isNull()).isTrue();
        assertThat(major.get("factors")).hasSize(BottleneckFactor.values().length).allSatisfy(f -> {
            assertThat(f.get("axis").asText()).isIn("transferability", "verificationCost");
            assertThat(f.get("meaning").asText()).isNotBlank();
        });
        assertThat(major.get("factors").get(0).get("factor").asText()).isEqualTo("EMBODIMENT");
        JsonNode rows = major.get("rows");
        assertThat(rows).hasSize(22).allSatisfy(row -> {
            assertThat(row.get("laggingShare").asDouble()).isBetween(0.0, 1.0);
            double named = 0;
            for (JsonNode share : row.get("ofLagging")) {
                named += share.asDouble();
            }
            assertThat(named).as(row.get("code").asText()).isLessThanOrEqualTo(1.0 + 1e-9);
            assertThat(row.get("workers").isNull()).as("no employment imported").isTrue();
        });
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get("laggingShare").asDouble()).as("the most lagging work first")
                    .isLessThanOrEqualTo(rows.get(i - 1).get("laggingShare").asDouble());
        }
        // the test plugin names EMBODIMENT for repairing and installing
        JsonNode repair = row(rows, "49-0000");
        assertThat(repair.get("dominant").asText()).isEqualTo("EMBODIMENT");
        assertThat(repair.at("/ofLagging/EMBODIMENT").asDouble()).isPositive();

        JsonNode occupations = ok(fixture.get("/api/bottlenecks?level=occupation&family=49-0000"));
        assertThat(occupations.get("level").asText()).isEqualTo("occupation");
        assertThat(occupations.get("rows")).hasSize(3)
                .allSatisfy(row -> assertThat(row.get("code").asText()).startsWith("49-").endsWith(".00"));
        assertThat(error(fixture.get("/api/bottlenecks?level=galaxy"), 400)).contains("level must be");
        assertThat(error(fixture.get("/api/bottlenecks?family=99-0000"), 404)).contains("no family");
        assertThat(error(fixture.get("/api/bottlenecks?family=fifteen"), 400)).contains("not a SOC");
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + rows);
    }

    @Test
    void scenariosSayWhatEachBreakthroughChanges() throws Exception {
        JsonNode all = ok(fixture.get("/api/scenarios"));
        assertThat(all.get("factors")).hasSize(BottleneckFactor.values().length);
        List<String> names = new ArrayList<>();
        all.get("scenarios").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactly("robotics", "multimodality", "autonomy", "memory");
        JsonNode robotics = all.at("/scenarios/0");
        assertThat(robotics.at("/relief/EMBODIMENT").asDouble()).isEqualTo(1.0);
        assertThat(robotics.get("description").asText()).isNotBlank();
        assertThat(robotics.get("moved").asInt()).isPositive().isLessThanOrEqualTo(robotics.get("tasks").asInt());
        assertThat(robotics.get("changedQuadrant").asInt()).isPositive().isLessThanOrEqualTo(robotics.get("moved").asInt());
        int transitions = 0;
        for (JsonNode n : robotics.get("transitions")) {
            transitions += n.asInt();
        }
        assertThat(transitions).isEqualTo(robotics.get("changedQuadrant").asInt());
        robotics.get("transitions").fieldNames().forEachRemaining(move -> assertThat(move).matches("[A-Z_]+ -> [A-Z_]+"));
        assertThat(robotics.at("/movedBy/EMBODIMENT").asInt()).isPositive();
        assertThat(robotics.get("level").asText()).isEqualTo("major");
        assertThat(robotics.get("rises")).hasSizeBetween(1, 5).allSatisfy(rise -> assertThat(rise.get("after").asDouble())
                .isGreaterThanOrEqualTo(rise.get("before").asDouble()));
        assertThat(robotics.get("examples")).isNotEmpty().allSatisfy(example -> {
            assertThat(example.get("from").asText()).isNotEqualTo(example.get("to").asText());
            assertThat(example.get("movedBy")).isNotEmpty();
            assertThat(example.get("statement").asText()).isNotBlank();
        });
        assertThat(robotics.get("employmentLeavingLagging").isNull()).as("no employment imported").isTrue();
        // memory moves only tasks held back by the factors it relieves
        List<String> movedByMemory = new ArrayList<>();
        all.at("/scenarios/3/movedBy").fieldNames().forEachRemaining(movedByMemory::add);
        assertThat(movedByMemory).isSubsetOf("TACIT_KNOWLEDGE", "LONG_HORIZON");
        // within one family: its tasks only, its occupations ranked by their rise
        JsonNode construction = ok(fixture.get("/api/scenarios?scenario=robotics&level=occupation&family=47-0000"));
        assertThat(construction.at("/scenarios/0/tasks").asInt()).isPositive().isLessThan(robotics.get("tasks").asInt());
        assertThat(construction.at("/scenarios/0/rises")).isNotEmpty()
                .allSatisfy(rise -> assertThat(rise.get("code").asText()).startsWith("47-"));
        assertThat(fixture.get("/api/scenarios?family=99-0000").statusCode()).isEqualTo(404);

        JsonNode two = ok(fixture.get("/api/scenarios?level=occupation&limit=2&scenario=robotics%2Bautonomy"));
        assertThat(two.get("scenarios")).hasSize(1);
        JsonNode both = two.at("/scenarios/0");
        assertThat(both.get("name").asText()).isEqualTo("robotics+autonomy");
        assertThat(both.get("level").asText()).isEqualTo("occupation");
        assertThat(both.get("rises")).hasSizeBetween(1, 2);
        assertThat(both.at("/relief/COMPUTER_USE").asDouble()).isEqualTo(1.0);
        assertThat(both.get("moved").asInt()).isGreaterThan(robotics.get("moved").asInt());
        assertThat(error(fixture.get("/api/scenarios?level=galaxy"), 400)).contains("level must be");
        assertThat(error(fixture.get("/api/scenarios?limit=0"), 400)).contains("limit must be");
    }

    @Test
    void aScenarioRanksAndPlacesTheTasksAsItWouldLeaveThem() throws Exception {
        JsonNode before = ok(fixture.get("/api/rank?level=major&limit=100"));
        JsonNode after = ok(fixture.get("/api/rank?level=major&limit=100&scenario=robotics"));
        assertThat(before.get("scenario").isNull()).isTrue();
        assertThat(after.get("scenario").asText()).isEqualTo("robotics");
        assertThat(after.get("rows")).hasSize(22).allSatisfy(row -> assertThat(row.get("score").asDouble())
                .as("a relief never lowers a score: %s", row.get("code").asText())
                .isGreaterThanOrEqualTo(row(before.get("rows"), row.get("code").asText()).get("score").asDouble()));
        assertThat(row(after.get("rows"), "49-0000").get("score").asDouble())
                .isGreaterThan(row(before.get("rows"), "49-0000").get("score").asDouble());
        assertThat(row(before.get("rows"), "49-0000").get("bottleneck").asText()).isEqualTo("EMBODIMENT");

        JsonNode plain = ok(fixture.get("/api/tasks?family=49-0000"));
        assertThat(plain.get("scenario").isNull()).isTrue();
        assertThat(plain.get("moved").asInt()).isZero();
        assertThat(plain.get("points")).allSatisfy(p -> assertThat(p.get("movedBy")).isEmpty());
        JsonNode moved = ok(fixture.get("/api/tasks?family=49-0000&scenario=robotics"));
        assertThat(moved.get("scenario").asText()).isEqualTo("robotics");
        List<JsonNode> movedPoints = new ArrayList<>();
        moved.get("points").forEach(p -> {
            if (!p.get("movedBy").isEmpty()) {
                movedPoints.add(p);
            }
        });
        assertThat(movedPoints).hasSize(moved.get("moved").asInt()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.get("movedBy").toString()).contains("EMBODIMENT"));
        assertThat(moved.get("total").asInt()).isEqualTo(plain.get("total").asInt());
    }

    @Test
    void anUnknownScenarioIs400NamingTheConfiguredOnes() throws Exception {
        for (String path : List.of("/api/rank?scenario=teleportation", "/api/tasks?scenario=teleportation",
                "/api/scenarios?scenario=teleportation", "/api/rank?level=major&scenario=robotics%2Bteleportation")) {
            assertThat(error(fixture.get(path), 400)).as(path).contains("no scenario 'teleportation'")
                    .contains("robotics, multimodality, autonomy, memory");
        }
    }

    @Test
    void theDrillDownAndExplainSayWhatHoldsTheWorkBack() throws Exception {
        JsonNode occupation = ok(fixture.get("/api/occupations/49-9071.00"));
        assertThat(occupation.at("/bottlenecks/dominant").asText()).isEqualTo("EMBODIMENT");
        assertThat(occupation.at("/bottlenecks/factors/EMBODIMENT").asDouble()).isPositive();
        assertThat(occupation.at("/bottlenecks/laggingBy/EMBODIMENT").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(occupation.get("tasks")).allSatisfy(task -> assertThat(task.has("verification") && task.has("bottleneck"))
                .isTrue());
        JsonNode repair = null;
        for (JsonNode task : occupation.get("tasks")) {
            if (task.get("statement").asText().startsWith("Repair")) {
                repair = task;
            }
        }
        assertThat(repair).isNotNull();
        assertThat(repair.get("bottleneck").asText()).isEqualTo("EMBODIMENT");
        assertThat(repair.get("verification").asText()).isEqualTo("PHYSICAL_CHECK");

        JsonNode explained = ok(fixture.get("/api/explain?task=Lift%20and%20carry%20furniture%20up%20stairs"));
        assertThat(explained.get("verification").asText()).isEqualTo("PHYSICAL_CHECK");
        assertThat(explained.at("/bottlenecks/0/factor").asText()).isEqualTo("EMBODIMENT");
        JsonNode rating = explained.at("/ratings/1");
        assertThat(rating.get("scorer").asText()).isEqualTo("word-factors");
        assertThat(rating.get("verification").asText()).isEqualTo("PHYSICAL_CHECK");
        assertThat(rating.at("/bottlenecks/0/evidence/0").asText()).contains("lift");
    }

    @Test
    void pluginsListTheLexiconAsActive() throws Exception {
        JsonNode plugins = ok(fixture.get("/api/plugins"));
        assertThat(plugins.get("activeScorers").toString()).isEqualTo("[\"lexicon\",\"word-factors\"]");
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
                "/api/rank", "/api/occupations/{code}", "/api/tasks", "/api/bottlenecks", "/api/scenarios", "/api/plugins",
                "/api/openapi.json", "/api/groups/{classification}/{code}", "/api/industries", "/api/classifications");
        assertThat(openApi.at("/paths/~1api~1search/get/responses/501/description").asText()).contains("without an embedder");
        // every documented GET without required parameters answers 200
        for (String path : List.of("/api/health", "/api/rank", "/api/tasks", "/api/bottlenecks", "/api/scenarios",
                "/api/plugins")) {
            assertThat(fixture.get(path).statusCode()).as(path).isEqualTo(200);
        }
        // the scenario parameter on every route that takes one
        for (String path : List.of("/api/rank", "/api/tasks", "/api/scenarios")) {
            assertThat(openApi.at("/paths/" + path.replace("/", "~1") + "/get/parameters").toString()).as(path)
                    .contains("#/components/parameters/Scenario");
        }
        List<String> states = new ArrayList<>();
        openApi.at("/components/schemas/Plugins/properties/plugins/items/properties/state/enum")
                .forEach(state -> states.add(state.asText()));
        assertThat(states).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(PluginState.values()).map(PluginState::label).toList());
        assertThat(enumOf(openApi, "Factor")).containsExactlyElementsOf(
                java.util.Arrays.stream(BottleneckFactor.values()).map(Enum::name).toList());
        assertThat(enumOf(openApi, "VerificationMode")).containsExactlyElementsOf(
                java.util.Arrays.stream(VerificationMode.values()).map(Enum::name).toList());
    }

    private static List<String> enumOf(JsonNode openApi, String schema) {
        List<String> values = new ArrayList<>();
        openApi.at("/components/schemas/" + schema + "/enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        return values;
    }

    /** Every member of the API's answers is in the OpenAPI description, so a new field cannot go undocumented. */
    @Test
    void theOpenApiDescriptionDocumentsEveryFieldOfTheAnswers() throws Exception {
        JsonNode openApi = ok(fixture.get("/api/openapi.json"));
        Map<String, String> requests = new java.util.LinkedHashMap<>();
        requests.put("/api/health", "/api/health");
        requests.put("/api/plugins", "/api/plugins");
        requests.put("/api/explain?task=Lift%20and%20carry%20furniture%20up%20stairs", "/api/explain");
        requests.put("/api/search?q=repair&limit=3", "/api/search");
        requests.put("/api/rank?level=major&limit=3", "/api/rank");
        requests.put("/api/rank?level=task&limit=3&scenario=robotics", "/api/rank");
        requests.put("/api/occupations/49-9071.00", "/api/occupations/{code}");
        requests.put("/api/tasks?family=49-0000&scenario=robotics", "/api/tasks");
        requests.put("/api/bottlenecks", "/api/bottlenecks");
        requests.put("/api/scenarios", "/api/scenarios");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            JsonNode schema = openApi.at("/paths/" + request.getValue().replace("/", "~1")
                    + "/get/responses/200/content/application~1json/schema");
            assertThat(schema.isMissingNode()).as(request.getValue()).isFalse();
            assertThat(undocumented(openApi, ok(fixture.get(request.getKey())), schema, ""))
                    .as("members of %s that openapi.json does not describe", request.getKey()).isEmpty();
        }
        JsonNode record = ok(fixture.post("/api/classify", "{\"statement\": \"Repair doors\", \"id\": \"r\"}"));
        assertThat(undocumented(openApi, record, openApi.at("/components/schemas/VerdictRecord"), ""))
                .as("members of a classify record that openapi.json does not describe").isEmpty();
    }

    /**
     * The paths of the members of a JSON value that its schema does not declare: objects must name each
     * member under properties, unless the schema allows any (additionalProperties, or no properties at all).
     */
    static List<String> undocumented(JsonNode openApi, JsonNode value, JsonNode schema, String path) {
        schema = resolve(openApi, schema);
        if (schema.has("oneOf")) {
            List<String> fewest = null;
            for (JsonNode option : schema.get("oneOf")) {
                List<String> missing = undocumented(openApi, value, option, path);
                if (fewest == null || missing.size() < fewest.size()) {
                    fewest = missing;
                }
            }
            return fewest;
        }
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        JsonNode additional = schema.get("additionalProperties");
        List<JsonNode> parts = new ArrayList<>(List.of(schema));
        schema.path("allOf").forEach(part -> parts.add(resolve(openApi, part)));
        for (JsonNode part : parts) {
            part.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
            if (additional == null) {
                additional = part.get("additionalProperties");
            }
        }
        List<String> missing = new ArrayList<>();
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                String at = path + "/" + member.getKey();
                JsonNode declared = properties.get(member.getKey());
                if (declared != null) {
                    missing.addAll(undocumented(openApi, member.getValue(), declared, at));
                } else if (additional != null && additional.isObject()) {
                    missing.addAll(undocumented(openApi, member.getValue(), additional, at));
                } else if (!properties.isEmpty() && (additional == null || !additional.asBoolean(true))) {
                    missing.add(at);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                missing.addAll(undocumented(openApi, value.get(i), schema.get("items"), path + "/" + i));
            }
        }
        return missing;
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        return schema.has("$ref") ? openApi.at(schema.get("$ref").asText().substring(1)) : schema;
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
