package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Thresholds;
import dev.moravec.scoring.ScorerHandle;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with hostile plugins, real bundles in the real Felix, driven over HTTP: one that calls
 * {@code System.exit} cannot end it, one deaf to interrupts holds a bounded number of threads and makes
 * the health degraded, a request past its budget stops its work, and a client's hostile tasks cannot
 * switch a scorer off for everyone.
 */
class HostilePluginsTest {

    @TempDir
    static Path dir;

    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        EngineConfig config = new EngineConfig(Thresholds.DEFAULT, Map.of(), Duration.ofMillis(150), 3);
        ServerOptions options = new ServerOptions(ServerOptions.LOOPBACK, 0, 1 << 20, 1000, Duration.ofMillis(1500), 20_000);
        fixture = new ServerFixture(dir, options, config, ServerFixture.Plugins.LEXICON_AND_FACTORS,
                List.of("exiting", "spinning", "sleepy", "throwing"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static ScorerHandle scorer(String id) {
        return fixture.engine.scorers().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode rating(JsonNode record, String scorer) {
        for (JsonNode rating : record.get("ratings")) {
            if (rating.get("scorer").asText().equals(scorer)) {
                return rating;
            }
        }
        throw new AssertionError("no rating of " + scorer + " in " + record);
    }

    private static HttpResponse<String> classify(String statement) throws Exception {
        return fixture.post("/api/classify", "{\"statement\": \"" + statement + "\"}");
    }

    @Test
    void aPluginThatCallsExitCannotEndTheServer() throws Exception {
        HttpResponse<String> response = classify("exit now");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode exiting = rating(fixture.json(response), "exiting");
        assertThat(exiting.get("status").asText()).isEqualTo("FAILED");
        assertThat(exiting.get("reason").asText()).contains("ExitingScorer.rate called System.exit(0): a plugin may"
                + " not end the Moravec process");
        assertThat(rating(fixture.json(response), "lexicon").get("status").asText()).isIn("OK", "ABSTAINED");
        assertThat(fixture.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aScorerDeafToInterruptsHoldsABoundedNumberOfThreadsAndTheHealthSaysDegraded() throws Exception {
        int limit = fixture.engine.stuckLimit();
        for (int i = 0; i < 3 * limit; i++) {
            HttpResponse<String> response = classify("spin round " + i);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(rating(fixture.json(response), "spinning").get("status").asText()).isIn("TIMED_OUT", "QUARANTINED");
        }
        assertThat(scorer("spinning").stuckCalls()).isEqualTo(limit);
        long scorerThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("moravec-scorer-")).count();
        assertThat(scorerThreads).isLessThanOrEqualTo(2 + limit * 2L); // the workers, and one per stuck call at most
        JsonNode health = fixture.json(fixture.get("/api/health"));
        assertThat(health.get("status").asText()).isEqualTo("degraded");
        assertThat(health.get("problem").asText()).contains("scorer spinning is degraded: " + limit + " of its calls"
                + " ran past the time limit and still run");
        // the other scorers rate on
        HttpResponse<String> plain = classify("Write a report");
        assertThat(rating(fixture.json(plain), "lexicon").get("status").asText()).isEqualTo("OK");
        assertThat(rating(fixture.json(plain), "spinning").get("reason").asText()).startsWith("not asked: ");
    }

    @Test
    void aRequestPastItsBudgetAnswers503AndItsRemainingWorkStops() throws Exception {
        StringBuilder body = new StringBuilder("{\"tasks\": [");
        for (int i = 0; i < 40; i++) {
            body.append(i == 0 ? "" : ", ").append("{\"statement\": \"slow task ").append(i).append("\"}");
        }
        HttpResponse<String> response = fixture.post("/api/classify", body.append("]}").toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        long atAnswer = scorer("sleepy").timedOutCount();
        Thread.sleep(1000);
        // each slow task takes the 150 ms limit: 40 of them on 2 threads would go on for 3 s
        assertThat(scorer("sleepy").timedOutCount()).isLessThanOrEqualTo(atAnswer + 2).isLessThan(40);
    }

    @Test
    void aClientsHostileTasksCannotSwitchAScorerOffForEveryone() throws Exception {
        for (int i = 0; i < 10; i++) {
            classify("boom: break the build " + i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (scorer("throwing").failedCount() < 3 || scorer("throwing").isQuarantined()) { // the probe decides
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
        }
        HttpResponse<String> plain = classify("Write a report for the board");
        assertThat(rating(fixture.json(plain), "throwing").get("status").asText()).isEqualTo("OK");
    }
}
