package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bottlenecks, scenarios, rank --scenario and classify --scenario through CommandLine.execute, on the
 * built-in starter catalog rated by the lexicon plugin.
 */
class BottleneckCommandsTest {

    @TempDir
    static Path dir;

    private static CliFixture cli;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void classifyTheStarterCatalog() throws Exception {
        cli = new CliFixture(dir);
        CliFixture.Run classified = cli.run("classify", "--taxonomy", "--data", dir.resolve("data").toString());
        assertThat(classified.exitCode()).as(classified.err()).isZero();
    }

    private static CliFixture.Run run(String... args) {
        String[] withData = java.util.Arrays.copyOf(args, args.length + 2);
        withData[args.length] = "--data";
        withData[args.length + 1] = dir.resolve("data").toString();
        return cli.run(withData);
    }

    @Test
    void bottlenecksListEveryMajorGroupWithItsFactorShares() throws Exception {
        CliFixture.Run table = run("bottlenecks", "--level", "major");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.outLines().get(0)).startsWith("Bottlenecks by major");
        assertThat(table.outLines().get(2)).contains("DOMINANT").contains("EMBO").contains("TAST");
        JsonNode json = mapper.readTree(run("bottlenecks", "--level", "major", "--format", "json").out());
        assertThat(json.get("rows")).hasSize(22);
        assertThat(json.get("factors")).hasSize(8);
        json.get("rows").forEach(row -> assertThat(row.get("laggingShare").asDouble()).isBetween(0.0, 1.0));
        CliFixture.Run csv = run("bottlenecks", "--level", "major", "--format", "csv");
        assertThat(csv.outLines().get(0)).startsWith("code,title,").contains("ofLagging.EMBODIMENT").contains("workers.TASTE");
        assertThat(csv.outLines()).hasSize(23);
        assertThat(run("bottlenecks", "--level", "galaxy").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void scenariosSayWhatEachBreakthroughChanges() throws Exception {
        CliFixture.Run table = run("scenarios", "--level", "major", "--limit", "3");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Scenario robotics:").contains("Scenario multimodality:")
                .contains("Scenario autonomy:").contains("Scenario memory:").contains("tasks:").contains("employment:");
        JsonNode json = mapper.readTree(run("scenarios", "--scenario", "robotics+memory", "--format", "json").out());
        assertThat(json.get("scenarios")).hasSize(1);
        assertThat(json.at("/scenarios/0/name").asText()).isEqualTo("robotics+memory");
        assertThat(json.at("/scenarios/0/rises").size()).isLessThanOrEqualTo(5);
        JsonNode within = mapper.readTree(run("scenarios", "--scenario", "robotics", "--level", "occupation",
                "--family", "47-0000", "--format", "json").out());
        assertThat(within.at("/scenarios/0/tasks").asInt()).isPositive().isLessThan(json.at("/scenarios/0/tasks").asInt());
        assertThat(within.at("/scenarios/0/rises")).allSatisfy(rise -> assertThat(rise.get("code").asText()).startsWith("47-"));
        CliFixture.Run unknown = run("scenarios", "--scenario", "teleportation");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("no scenario 'teleportation'").contains("robotics");
        // a scenario of the user's own, from the configuration file
        Path config = Files.writeString(dir.resolve("judges.json"),
                "{\"scenarios\": {\"judges\": {\"description\": \"panels agree on taste\", \"relief\": {\"TASTE\": 0.5}}}}");
        CliFixture.Run judges = run("scenarios", "--scenario", "judges", "--config", config.toString());
        assertThat(judges.exitCode()).as(judges.err()).isZero();
        assertThat(judges.out()).contains("Scenario judges: panels agree on taste (relieves TASTE 0.50)");
    }

    @Test
    void rankUnderAScenarioSaysSoAndNamesEachRowsBottleneck() throws Exception {
        CliFixture.Run plain = run("rank", "--level", "major");
        CliFixture.Run robotics = run("rank", "--level", "major", "--scenario", "robotics");
        assertThat(robotics.exitCode()).as(robotics.err()).isZero();
        assertThat(robotics.outLines().get(0)).contains("under the scenario robotics");
        assertThat(plain.outLines().get(2)).endsWith("BOTTLENECK");
        JsonNode json = mapper.readTree(run("rank", "--level", "major", "--scenario", "robotics", "--format", "json").out());
        assertThat(json.get("scenario").asText()).isEqualTo("robotics");
        assertThat(json.get("rows")).hasSize(22);
        assertThat(json.at("/rows/0").has("bottleneck")).isTrue();
    }

    @Test
    void classifyWithAScenarioAddsWhereEachTaskWouldStand() throws Exception {
        Path out = dir.resolve("out.jsonl");
        CliFixture.Run run = cli.run("classify", "--scenario", "robotics", "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String line : Files.readAllLines(out)) {
            JsonNode record = mapper.readTree(line);
            assertThat(record.at("/scenario/name").asText()).isEqualTo("robotics");
            assertThat(record.at("/scenario/score").asDouble()).isGreaterThanOrEqualTo(record.get("score").asDouble() - 1e-9);
            assertThat(record.has("bottlenecks")).isTrue();
            assertThat(record.has("verification")).isTrue();
        }
        Path csv = dir.resolve("out.csv");
        assertThat(cli.run("classify", "--scenario", "robotics", "--out", csv.toString(), "--no-progress").exitCode()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).contains(",verification,bottlenecks,scenario,scenario.transferability,");
        CliFixture.Run taxonomy = run("classify", "--taxonomy", "--scenario", "robotics");
        assertThat(taxonomy.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(taxonomy.err()).contains("moravec rank --scenario robotics");
    }
}
