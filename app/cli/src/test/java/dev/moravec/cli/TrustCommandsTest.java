package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intervals, compare and analyst overrides through CommandLine.execute, on the built-in starter catalog
 * rated by the lexicon plugin. The override tests run in order: add, see it everywhere, remove.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustCommandsTest {

    private static final String OCCUPATION = "15-1252.00";
    private static final String TASK = "S0049";

    @TempDir
    static Path dir;

    private static CliFixture cli;
    private static JsonNode before;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void classifyTheStarterCatalog() throws Exception {
        cli = new CliFixture(dir);
        CliFixture.Run classified = cli.run("classify", "--taxonomy", "--data", dir.resolve("data").toString());
        assertThat(classified.exitCode()).as(classified.err()).isZero();
        before = new ObjectMapper().readTree(run("show", OCCUPATION, "--format", "json", "--no-intervals").out());
    }

    private static CliFixture.Run run(String... args) {
        String[] withData = Arrays.copyOf(args, args.length + 2);
        withData[args.length] = "--data";
        withData[args.length + 1] = dir.resolve("data").toString();
        return cli.run(withData);
    }

    private JsonNode json(String... args) throws Exception {
        CliFixture.Run run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return mapper.readTree(run.out());
    }

    @Test
    @Order(1)
    void everyFamilyScoreHasAnIntervalAroundItAndEveryRowARankRangeAroundItsRankTheSameForTheSameSeed() throws Exception {
        CliFixture.Run table = run("rank", "--level", "major", "--resamples", "200", "--seed", "7");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.outLines().get(1)).startsWith("Intervals: 90% bootstrap").contains("200 resamples, seed 7");
        assertThat(table.outLines().get(2)).contains("90% INTERVAL").contains("RANK RANGE");
        JsonNode ranking = json("rank", "--level", "major", "--resamples", "200", "--seed", "7", "--format", "json");
        assertThat(ranking.path("intervals").path("seed").asLong()).isEqualTo(7);
        assertThat(ranking.get("rows")).hasSize(22);
        for (JsonNode row : ranking.get("rows")) {
            assertThat(row.path("interval").path("low").asDouble()).isLessThanOrEqualTo(row.path("score").asDouble());
            assertThat(row.path("interval").path("high").asDouble()).isGreaterThanOrEqualTo(row.path("score").asDouble());
            assertThat(row.path("rankRange").path("low").asInt()).isBetween(1, row.path("rank").asInt());
            assertThat(row.path("rankRange").path("high").asInt()).isBetween(row.path("rank").asInt(), 22);
        }
        assertThat(json("rank", "--level", "major", "--resamples", "200", "--seed", "7", "--format", "json"))
                .isEqualTo(ranking);
        CliFixture.Run csv = run("rank", "--level", "major", "--resamples", "200", "--format", "csv");
        assertThat(csv.outLines().get(0)).contains("interval.low,interval.high,rankRange.low,rankRange.high");
        assertThat(json("rank", "--level", "major", "--no-intervals", "--format", "json").path("rows").get(0)
                .path("interval").isNull()).isTrue();
        assertThat(run("rank", "--level", "major", "--resamples", "10").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);

        CliFixture.Run show = run("show", OCCUPATION, "--resamples", "200");
        assertThat(show.out()).containsPattern("Score: +0\\.\\d\\d \\(90% interval 0\\.\\d\\d-0\\.\\d\\d\\)")
                .containsPattern("Rank: +\\d+ of 81 occupations, lagging first \\(90% range \\d+-\\d+\\)");
        CliFixture.Run bottlenecks = run("bottlenecks", "--level", "major", "--resamples", "200");
        assertThat(bottlenecks.outLines().get(2)).contains("90% INTERVAL");
    }

    @Test
    @Order(2)
    void compareCountsMatchedCodesListsTheUnmatchedAndBadRowsAndNamesTheDisagreements() throws Exception {
        Path measure = dir.resolve("exposure.csv");
        // values the test makes up for occupations of the starter catalog, by SOC and O*NET-SOC code
        Files.writeString(measure, """
                SOC Code,title,exposure
                15-1252,Software Developers,0.9
                43-4051.00,Customer Service Representatives,0.8
                47-2061,Construction Laborers,0.05
                37-2011,Janitors,0.1
                29-1141,Registered Nurses,0.3
                23-1023,Judges,0.95
                99-9999,Nobody,0.5
                15-99,Broken,0.4
                """);
        CliFixture.Run table = run("compare", "--measure", measure.toString(), "--resamples", "200");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Read:       8 rows, 7 codes in column 'SOC Code'; 1 bad row:")
                .contains("exposure.csv:9: field 'SOC Code': '15-99' is not an O*NET-SOC code")
                .contains("Matched:    6 of 7 codes").contains("99-9999 (exposure.csv:8): no O*NET-SOC occupation")
                .containsPattern("Spearman: +-?\\d\\.\\d{3} \\(90% interval -?\\d\\.\\d{3} to -?\\d\\.\\d{3}\\)")
                .contains("Ranked higher by 'exposure' than by Moravec").contains("Ranked higher by Moravec than by");
        JsonNode json = json("compare", "--measure", measure.toString(), "--resamples", "200", "--format", "json");
        assertThat(json.path("matched").asInt()).isEqualTo(6);
        assertThat(json.path("compared").asInt()).isEqualTo(6);
        assertThat(json.path("unmatched")).hasSize(1);
        assertThat(json.path("badRows")).hasSize(1);
        JsonNode judges = null;
        for (JsonNode point : json.path("points")) {
            if (point.path("code").asText().equals("23-1023.00")) {
                judges = point;
            }
        }
        assertThat(judges).isNotNull();
        assertThat(judges.path("measure").asDouble()).isEqualTo(0.95);
        assertThat(judges.path("measureRank").asDouble()).isEqualTo(1.0);
        CliFixture.Run csv = run("compare", "--measure", measure.toString(), "--resamples", "200", "--format", "csv");
        assertThat(csv.outLines()).hasSize(7);
        assertThat(csv.outLines().get(0)).isEqualTo(String.join(",", CompareCommand.CSV));

        Files.writeString(measure, "occupation_name,value\nSoftware,0.3\n");
        CliFixture.Run refused = run("compare", "--measure", measure.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("exposure.csv:1: no column of occupation codes").contains("--code-column");
    }

    @Test
    @Order(3)
    void anOverrideOfOneTaskMovesItsOccupationAsTheWeightedMeanSaysAndShowsEverywhere() throws Exception {
        CliFixture.Run unknown = run("override", "add", "--occupation", OCCUPATION, "--task", "NO-SUCH-TASK",
                "--transferability", "0.1", "--reason", "test", "--author", "ana");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("has no task NO-SUCH-TASK");

        JsonNode rankingBefore = json("rank", "--level", "occupation", "--limit", "1000", "--no-intervals", "--format",
                "json");
        CliFixture.Run added = run("override", "add", "--occupation", OCCUPATION, "--task", TASK, "--transferability",
                "0.1", "--verification-cost", "0.9", "--reason", "the tests need a person", "--author", "ana", "--date",
                "2026-01-02");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Override added for " + OCCUPATION + " task " + TASK + ": T 0.10, V 0.90");

        // the oracle: the occupation's T and V are its tasks' weighted means, with the task's T and V replaced
        double weights = 0;
        double t = 0;
        double v = 0;
        for (JsonNode task : before.path("tasks")) {
            boolean overridden = task.path("id").asText().equals(TASK);
            double weight = task.path("weight").asDouble();
            weights += weight;
            t += weight * (overridden ? 0.1 : task.path("transferability").asDouble());
            v += weight * (overridden ? 0.9 : task.path("verificationCost").asDouble());
        }
        JsonNode after = json("show", OCCUPATION, "--format", "json", "--no-intervals");
        assertThat(after.path("transferability").asDouble()).isCloseTo(t / weights, within(1e-3));
        assertThat(after.path("verificationCost").asDouble()).isCloseTo(v / weights, within(1e-3));
        assertThat(after.path("score").asDouble()).isLessThan(before.path("score").asDouble());
        assertThat(after.path("overrides").path("applied").asInt()).isEqualTo(1);
        JsonNode task = taskOf(after, TASK);
        assertThat(task.path("override").path("reason").asText()).isEqualTo("the tests need a person");
        assertThat(task.path("override").path("transferability").asDouble()).isEqualTo(0.1);
        assertThat(task.path("transferability").asDouble()).as("the scorers' T stays in the record")
                .isEqualTo(taskOf(before, TASK).path("transferability").asDouble());

        // its rank, lagging first: one more than the occupations scored below it, counted on the rows before
        JsonNode rankingAfter = json("rank", "--level", "occupation", "--limit", "1000", "--no-intervals", "--format",
                "json");
        double newScore = after.path("score").asDouble();
        int below = 0;
        for (JsonNode row : rankingBefore.path("rows")) {
            if (!row.path("code").asText().equals(OCCUPATION) && row.path("score").asDouble() < newScore) {
                below++;
            }
        }
        assertThat(rowOf(rankingAfter, OCCUPATION).path("rank").asInt()).isEqualTo(below + 1);
        assertThat(rowOf(rankingAfter, OCCUPATION).path("overridden").asInt()).isEqualTo(1);

        assertThat(run("show", OCCUPATION, "--no-intervals").out()).contains("* OVERRIDDEN by ana on 2026-01-02")
                .contains("Analyst overrides: 1 applied");
        CliFixture.Run explain = run("explain", "--occupation", OCCUPATION, "--task", TASK);
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("OVERRIDDEN").contains("by ana: the tests need a person")
                .containsPattern("Verdict: +LAGGING +T 0\\.10 +V 0\\.90").contains("Scorers: ");
        assertThat(run("explain", "--occupation", OCCUPATION, "--task", TASK, "--no-overrides").out())
                .doesNotContain("OVERRIDDEN");

        JsonNode unadjusted = json("show", OCCUPATION, "--format", "json", "--no-intervals", "--no-overrides");
        assertThat(unadjusted.path("score")).isEqualTo(before.path("score"));
        assertThat(json("rank", "--level", "occupation", "--limit", "1000", "--no-intervals", "--no-overrides",
                "--format", "json").path("rows")).isEqualTo(rankingBefore.path("rows"));

        JsonNode log = json("override", "log", "--format", "json");
        assertThat(log.path("entries")).hasSize(1);
        JsonNode entry = log.path("entries").get(0);
        assertThat(entry.path("who").asText()).isEqualTo("ana");
        assertThat(entry.path("action").asText()).isEqualTo("add");
        assertThat(entry.path("before").path("override").isNull()).isTrue();
        assertThat(entry.path("before").path("occupation").path("score")).isEqualTo(before.path("score"));
        assertThat(entry.path("after").path("occupation").path("score").asDouble()).isCloseTo(newScore, within(1e-4));
        assertThat(run("override", "log").out()).contains("1 change in").contains("ana").contains("the tests need a person");
        assertThat(run("override", "list").out()).contains(OCCUPATION + " task " + TASK).contains("T 0.10, V 0.90");
    }

    @Test
    @Order(4)
    void anOverridesFileIsReadWithItsErrorsAndUnknownTargetsReportedThenRemovingRestoresTheScores() throws Exception {
        Path file = dir.resolve("overrides.csv");
        Files.writeString(file, """
                occupation,task,quadrant,reason,author,date
                15-1252.00,S0050,LAGGING,needs hands,bo,2026-01-03
                15-1252.00,S0050,PURE_REASONING,again,bo,2026-01-03
                """);
        CliFixture.Run twice = run("rank", "--level", "major", "--overrides", file.toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(twice.err()).contains("overrides.csv:3: a second override for 15-1252.00 task S0050");
        Files.writeString(file, """
                occupation,task,quadrant,reason,author,date
                15-1252.00,S0050,SIDEWAYS,needs hands,bo,2026-01-03
                """);
        assertThat(run("rank", "--overrides", file.toString()).err())
                .contains("overrides.csv:2: field 'quadrant': 'SIDEWAYS' is not");
        Files.writeString(file, """
                occupation,task,quadrant,reason,author,date
                15-1252.00,NO-SUCH,LAGGING,needs hands,bo,2026-01-03
                """);
        CliFixture.Run unknown = run("rank", "--level", "major", "--overrides", file.toString(), "--no-intervals");
        assertThat(unknown.exitCode()).as(unknown.err()).isZero();
        assertThat(unknown.err()).contains("the override of 15-1252.00 task NO-SUCH in " + file + " is not applied");

        CliFixture.Run removed = run("override", "remove", "--occupation", OCCUPATION, "--task", TASK, "--author", "ana",
                "--reason", "the scorers were right");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(json("show", OCCUPATION, "--format", "json", "--no-intervals").path("score"))
                .isEqualTo(before.path("score"));
        JsonNode log = json("override", "log", "--format", "json");
        assertThat(log.path("entries")).hasSize(2);
        assertThat(log.path("entries").get(1).path("action").asText()).isEqualTo("remove");
        assertThat(log.path("entries").get(1).path("after").path("occupation").path("score"))
                .isEqualTo(before.path("score"));
        assertThat(run("override", "remove", "--occupation", OCCUPATION, "--task", TASK).exitCode())
                .isEqualTo(ExitCodes.BAD_INPUT);
    }

    private static JsonNode taskOf(JsonNode occupation, String id) {
        Map<String, JsonNode> tasks = new HashMap<>();
        occupation.path("tasks").forEach(t -> tasks.put(t.path("id").asText(), t));
        return tasks.get(id);
    }

    private static JsonNode rowOf(JsonNode ranking, String code) {
        Map<String, JsonNode> rows = new HashMap<>();
        ranking.path("rows").forEach(r -> rows.put(r.path("code").asText(), r));
        return rows.get(code);
    }
}
