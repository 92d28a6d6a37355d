package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.testing.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through CommandLine.execute, on a distribution laid out from the build's bundles. */
class MoravecCommandTest {

    @TempDir
    Path dir;

    private CliFixture cli;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void layOut() throws Exception {
        cli = new CliFixture(dir);
    }

    @Test
    void pluginsListShowsTheLexiconActive() {
        CliFixture.Run run = cli.run("plugins", "list");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).startsWith("ID").contains("VERSION", "STATE", "AXES", "BUNDLE");
        assertThat(run.out()).containsPattern("lexicon +\\S+ +active +transferability, verificationCost +shipped +dev\\.moravec\\.lexicon");
    }

    @Test
    void explainShowsEachScorersEvidenceAndTheVerdict() {
        CliFixture.Run pure = cli.run("explain", "Write unit tests for existing software modules");
        assertThat(pure.exitCode()).as(pure.err()).isZero();
        assertThat(pure.out()).contains("Verdict:    PURE_REASONING", "'unit tests' -> code, software and queries");
        CliFixture.Run lagging = cli.run("explain", "Trim trees and remove branches using chainsaws", "--occupation",
                "37-3013.00");
        assertThat(lagging.out()).contains("Verdict:    LAGGING", "'chainsaws' -> tools, machines and equipment",
                "Occupation: 37-3013.00 Tree Trimmers and Pruners");
    }

    @Test
    void classifyWithoutInputRatesTheStarterCatalogAndSummaryReconciles() throws Exception {
        CliFixture.Run run = cli.run("classify");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("S0001");
        assertThat(first.get("occupation").get("title").asText()).isEqualTo("Chief Executives");
        assertThat(first.get("ratings").get(0).get("scorer").asText()).isEqualTo("lexicon");
        assertThat(run.err()).contains("Classified " + String.format("%,d", lines.size()) + " tasks",
                "Read " + String.format("%,d", lines.size()) + " = classified " + String.format("%,d", lines.size())
                        + " + rejected 0.");
    }

    @Test
    void classifyWritesCsvToAFileAndReadsStandardInput() throws Exception {
        Path out = dir.resolve("out/result.csv");
        CliFixture.Run run = cli.runWithInput("id,task\n1,Write SQL queries\n2,Drive a delivery truck\n", "classify", "-",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("id,statement,occupationCode").contains("lexicon.evidence");
        assertThat(lines.get(1)).startsWith("1,\"Write SQL queries\"").contains("PURE_REASONING");
        assertThat(lines.get(2)).contains("LAGGING");
    }

    @Test
    void badInputStopsWithFileLineAndFieldOrGoesToTheRejectsFile() throws Exception {
        Path input = Files.writeString(dir.resolve("tasks.tsv"),
                "Task ID\tTask\tO*NET-SOC Code\n1\tWrite code\t15-1252.00\n2\tBad code\t15-9\n3\t\t15-1252.00\n4\tCook meals\t35-2014.00\n");
        CliFixture.Run fail = cli.run("classify", input.toString(), "--out", dir.resolve("out.jsonl").toString());
        assertThat(fail.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        // the figures of what was written before the bad record, then the error
        assertThat(fail.err()).startsWith("Stopped by the error below: classified 1 tasks in ")
                .contains("Read 1 = classified 1 + rejected 0.\nmoravec: tasks.tsv:3: field 'O*NET-SOC Code':"
                        + " occupation code '15-9'")
                .doesNotContain("Exception");

        CliFixture.Run skip = cli.run("classify", input.toString(), "--out", dir.resolve("out.jsonl").toString(),
                "--on-error", "skip");
        assertThat(skip.exitCode()).as(skip.err()).isZero();
        assertThat(skip.err()).contains("Read 4 = classified 2 + rejected 2 (see " + dir.resolve("out.rejects.jsonl"));
        List<String> rejected = Files.readAllLines(dir.resolve("out.rejects.jsonl"));
        assertThat(rejected).hasSize(2);
        assertThat(mapper.readTree(rejected.get(1)).get("line").asInt()).isEqualTo(4);
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(2);
    }

    @Test
    void usageErrorsBadConfigurationsAndMissingFilesHaveTheirOwnExitCodes() throws Exception {
        assertThat(cli.run("classify", "--no-such-option").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("classify", "--on-error", "ignore").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("classify", "--in-format", "xml").exitCode()).isEqualTo(ExitCodes.USAGE);

        Path config = Files.writeString(dir.resolve("config.json"), "{\"thresholds\": {\"transferability\": 2}}");
        CliFixture.Run bad = cli.run("classify", "--config", config.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("thresholds.transferability 2.0 is outside [0, 1]");

        CliFixture.Run missing = cli.run("classify", dir.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nope.csv does not exist");
    }

    @Test
    void hostileCatalogsAndASettingTheScorerRefusesAreBadInput() throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.json"), "[" + "[".repeat(1001) + "]".repeat(1001) + "]");
        CliFixture.Run nested = cli.run("classify", deep.toString());
        assertThat(nested.exitCode()).as(nested.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nested.err()).contains("moravec: deep.json:1: past a limit of the parser: Document nesting depth"
                + " (1001) exceeds the maximum allowed (1000)").doesNotContain("Exception");

        Path utf16 = dir.resolve("excel.tsv");
        Files.write(utf16, "\uFEFFTask ID\tTask\n1\tRédiger un mémo juridique\n".getBytes(StandardCharsets.UTF_16LE));
        CliFixture.Run unicode = cli.run("classify", utf16.toString(), "--out", dir.resolve("excel.jsonl").toString());
        assertThat(unicode.exitCode()).as(unicode.err()).isZero();
        assertThat(Files.readString(dir.resolve("excel.jsonl"))).contains("\"statement\":\"Rédiger un mémo juridique\"");

        Path config = Files.writeString(dir.resolve("lexicon.json"),
                "{\"scorers\": {\"lexicon\": {\"settings\": {\"file\": \"" + dir.resolve("missing-lexicon.json") + "\"}}}}");
        CliFixture.Run refused = cli.run("classify", "--config", config.toString());
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("moravec: wrong scorer settings in the configuration:")
                .contains("it did not start with the settings the configuration gives it (scorers.lexicon.settings [file])")
                .contains("missing-lexicon.json");
    }

    @Test
    void aConfigurationChangesThresholdsAndWeights() throws Exception {
        Path config = Files.writeString(dir.resolve("strict.json"),
                "{\"thresholds\": {\"transferability\": 0.99, \"verificationCost\": 0.01}}");
        CliFixture.Run run = cli.run("explain", "Write unit tests for existing software modules", "--config",
                config.toString());
        assertThat(run.out()).contains("Verdict:    LAGGING");
    }

    @Test
    void withoutScorersClassifyFailsClearlyAndABrokenJarIsReportedNotFatal() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliFixture.Run none = cli.run("classify", "--plugins", empty.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.PLUGINS);
        assertThat(none.err()).contains("no scorer is active");

        Files.writeString(cli.plugins().resolve("broken.jar"), "not a jar");
        CliFixture.Run list = cli.run("plugins", "list", "--allow-unverified");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("broken.jar: not an installable OSGi bundle").contains("active");
        CliFixture.Run classify = cli.run("explain", "Drive a bus", "--allow-unverified");
        assertThat(classify.exitCode()).isZero();
        assertThat(classify.err()).contains("warning: plugin broken.jar invalid");
    }

    @Test
    void aJarDroppedIntoThePluginsFolderRunsOnlyOnceInstalledOrAllowedUnverified() throws Exception {
        Path dropped = TestBundles.build(cli.plugins().resolve("steady.jar"), "test.steady", "1.0.0",
                "dev.moravec.testing.plugins.steady", Map.of());
        CliFixture.Run list = cli.run("plugins", "list");
        assertThat(list.out()).containsPattern("- +- +refused +- +refused +- +steady\\.jar")
                .contains("steady.jar: not installed (SHA-256 ").contains("run 'moravec plugins install " + dropped);
        CliFixture.Run explain = cli.run("explain", "Write unit tests");
        assertThat(explain.out()).doesNotContain("steady as ever");
        assertThat(explain.err()).contains("warning: plugin steady.jar refused: not installed");

        CliFixture.Run once = cli.run("explain", "Write unit tests", "--allow-unverified");
        assertThat(once.out()).contains("steady as ever");
        assertThat(once.err()).contains("warning: plugin steady.jar runs unverified, run because of --allow-unverified");

        assertThat(cli.run("plugins", "install", dropped.toString()).exitCode()).isZero();
        assertThat(cli.run("plugins", "list").out()).containsPattern("steady +1\\.0\\.0 +active +transferability, verificationCost +installed");
        assertThat(cli.run("explain", "Write unit tests").out()).contains("steady as ever");
    }

    @Test
    void misbehavingPluginsAreIsolatedAndReportedWhileTheBatchCompletes() throws Exception {
        cli.install("throwing", "throwing");
        cli.install("sleepy", "sleepy");
        Path config = Files.writeString(dir.resolve("fast.json"), "{\"taskTimeLimitMillis\": 200}");
        String input = "id,task\n1,boom the build\n2,Write code\n3,slow painting\n4,nan math\n5,error check\n6,leak work\n";
        CliFixture.Run run = cli.runWithInput(input, "classify", "-", "--config", config.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).as(run.out()).hasSize(6);
        assertThat(run.err()).contains("Read 6 = classified 6 + rejected 0.")
                .contains("Scorer throwing: 3 failed, 0 timed out")
                .contains("threw java.lang.IllegalStateException: deliberate failure")
                .contains("threw java.lang.AssertionError: deliberate error")
                .contains("returned an invalid rating: transferability NaN is outside [0, 1]")
                .contains("Scorer sleepy: 0 failed, 1 timed out");
    }
}
