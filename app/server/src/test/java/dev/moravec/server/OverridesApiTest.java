package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.OverrideStore;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.Quadrant;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API applies the analyst overrides kept in the data folder, a change seen by the next request, and
 * answers the scorers' verdicts with overrides=false; intervals follow seed and resamples.
 */
class OverridesApiTest {

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

    private static JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = fixture.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return fixture.json(response);
    }

    private static JsonNode task(JsonNode occupation, String id) {
        for (JsonNode task : occupation.path("tasks")) {
            if (task.path("id").asText().equals(id)) {
                return task;
            }
        }
        throw new AssertionError("no task " + id);
    }

    @Test
    void anOverrideInTheDataFolderChangesTheNextAnswersAndOverridesFalseShowsTheScorersVerdicts() throws Exception {
        JsonNode before = ok("/api/occupations/15-1252.00?intervals=false");
        assertThat(task(before, "S0049").path("override").isNull()).isTrue();
        OverrideStore store = new OverrideStore(dir, new ObjectMapper());
        AnalystOverride override = new AnalystOverride("15-1252.00", "S0049", OptionalDouble.empty(),
                OptionalDouble.empty(), Quadrant.LAGGING, "needs a person at the desk", "ana", LocalDate.of(2026, 1, 2));
        store.put(override, "ana", new OverrideStore.Effect(null, null), new OverrideStore.Effect(null, null));

        JsonNode after = ok("/api/occupations/15-1252.00?intervals=false");
        JsonNode overridden = task(after, "S0049");
        assertThat(overridden.path("override").path("quadrant").asText()).isEqualTo("LAGGING");
        assertThat(overridden.path("override").path("reason").asText()).isEqualTo("needs a person at the desk");
        assertThat(overridden.path("quadrant")).as("the scorers' verdict stays").isEqualTo(task(before, "S0049").path("quadrant"));
        assertThat(after.path("score").asDouble()).isLessThan(before.path("score").asDouble());
        assertThat(after.path("overrides").path("applied").asInt()).isEqualTo(1);
        JsonNode ranking = ok("/api/rank?level=major&intervals=false&limit=100");
        assertThat(ranking.path("overrides").path("applied").asInt()).isEqualTo(1);
        JsonNode computers = null;
        for (JsonNode row : ranking.path("rows")) {
            if (row.path("code").asText().equals("15-0000")) {
                computers = row;
            }
        }
        assertThat(computers).isNotNull();
        assertThat(computers.path("overridden").asInt()).isEqualTo(1);

        JsonNode unadjusted = ok("/api/occupations/15-1252.00?intervals=false&overrides=false");
        assertThat(unadjusted.path("score")).isEqualTo(before.path("score"));
        assertThat(task(unadjusted, "S0049").path("override").isNull()).isTrue();
        store.remove("15-1252.00", "S0049", "ana", "done", new OverrideStore.Effect(null, null),
                new OverrideStore.Effect(null, null));
        assertThat(ok("/api/occupations/15-1252.00?intervals=false").path("score")).isEqualTo(before.path("score"));
    }

    @Test
    void intervalsFollowTheSeedAndAreLeftOutOnRequest() throws Exception {
        JsonNode seven = ok("/api/rank?level=major&limit=100&seed=7&resamples=200");
        assertThat(seven.path("intervals").path("seed").asLong()).isEqualTo(7);
        assertThat(seven.path("intervals").path("resamples").asInt()).isEqualTo(200);
        assertThat(ok("/api/rank?level=major&limit=100&seed=7&resamples=200")).isEqualTo(seven);
        for (JsonNode row : seven.path("rows")) {
            assertThat(row.path("interval").path("low").asDouble()).isLessThanOrEqualTo(row.path("score").asDouble());
            assertThat(row.path("rankRange").path("high").asInt()).isGreaterThanOrEqualTo(row.path("rank").asInt());
        }
        assertThat(ok("/api/rank?level=major&intervals=false").path("rows").get(0).path("interval").isNull()).isTrue();
        JsonNode occupation = ok("/api/occupations/15-1252.00?resamples=200");
        assertThat(occupation.path("rank").path("of").asInt()).isEqualTo(81);
        assertThat(occupation.path("interval").path("high").asDouble())
                .isGreaterThanOrEqualTo(occupation.path("score").asDouble());
        HttpResponse<String> bad = fixture.get("/api/rank?resamples=5");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("resamples must be a whole number from 100 to 10000");
    }
}
