package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.testing.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that try to end the process, run by the launcher as a user runs it: an exit from a rating or
 * from a thread the plugin starts fails that rating and the run completes; installing such a jar is
 * refused naming the class; an exit the host cannot refuse (by reflection) ends the run with exit code
 * 4 and a message that the output is incomplete, never with the code the plugin chose.
 */
class PluginExitIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPluginThatCallsExitFromItsRatingsAndThreadsCannotEndTheRun() throws Exception {
        Path plugins = TestRuns.plugins(dir, "exiting");
        Path catalog = TestRuns.catalog(dir.resolve("tasks.tsv"), 1000,
                Map.of(100, "exit now", 500, "start a thread", 900, "halt here"));
        Path out = dir.resolve("out.jsonl");
        Distribution.Run run = Distribution.run("classify", catalog.toString(), "--out", out.toString(), "--plugins",
                plugins.toString(), "--allow-unverified", "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Read 1,000 = classified 1,000 + rejected 0.")
                .contains("ExitingScorer.lambda$rate$0 called System.exit(0): a plugin may not end the Moravec process")
                .doesNotContain("\tat ");
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(records).hasSize(1000);
        JsonNode exited = exiting(records.get(99));
        assertThat(exited.get("status").asText()).isEqualTo("FAILED");
        assertThat(exited.get("reason").asText()).contains("ExitingScorer.rate called System.exit(0)");
        assertThat(exiting(records.get(899)).get("reason").asText()).contains("ExitingScorer.rate called Runtime.halt(3)");
        assertThat(exiting(records.get(499)).get("status").asText()).isEqualTo("OK");
    }

    private static JsonNode exiting(String record) throws Exception {
        for (JsonNode rating : MAPPER.readTree(record).get("ratings")) {
            if (rating.get("scorer").asText().equals("exiting")) {
                return rating;
            }
        }
        throw new AssertionError("no rating of the exiting scorer in " + record);
    }

    @Test
    void installingNamesTheExitsOfAJarAndRefusesOneWhoseScorerExitsAsItStarts() throws Exception {
        Path jar = TestBundles.build(dir.resolve("built").resolve("exitonstart.jar"), "test.exitonstart", "1.0.0",
                "dev.moravec.testing.plugins.exitonstart", Map.of());
        Path plugins = Files.createDirectories(dir.resolve("empty-plugins"));
        Distribution.Run run = Distribution.run(Map.of("MORAVEC_HOME", dir.resolve("home").toString()), "plugins",
                "install", jar.toString(), "--plugins", plugins.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("moravec: note: exitonstart.jar has code that would end the process, which"
                + " Moravec refuses as it is called (a rating that calls it fails):"
                + " dev.moravec.testing.plugins.exitonstart.ExitOnStartScorer.<init> calls System.exit")
                .contains("cannot install " + jar + ": it resolves but its scorer does not start: component"
                        + " dev.moravec.testing.plugins.exitonstart.ExitOnStartScorer failed to activate:"
                        + " ProcessExitDenied: dev.moravec.testing.plugins.exitonstart.ExitOnStartScorer.<init> called"
                        + " System.exit(3)")
                .contains("Nothing was changed");
        try (var files = Files.list(plugins)) {
            assertThat(files.toList()).isEmpty();
        }
        // a jar that exits only from a rating installs: its calls are named, and refused when made
        Path exiting = TestBundles.build(dir.resolve("built").resolve("exiting.jar"), "test.exiting", "1.0.0",
                "dev.moravec.testing.plugins.exiting", Map.of());
        Distribution.Run installed = Distribution.run(Map.of("MORAVEC_HOME", dir.resolve("home").toString()),
                "plugins", "install", exiting.toString(), "--plugins", plugins.toString());
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        assertThat(installed.err()).contains("moravec: note: exiting.jar has code that would end the process")
                .contains("dev.moravec.testing.plugins.exiting.ExitingScorer.rate calls Runtime.halt");
        assertThat(installed.out()).contains("Installed exiting.jar");
        assertThat(plugins.resolve("exiting.jar")).exists();
    }

    @Test
    void anExitTheHostCannotRefuseEndsTheRunWithCode4AndSaysTheOutputIsIncomplete() throws Exception {
        Path plugins = TestRuns.plugins(dir, "sneaky");
        Path catalog = TestRuns.catalog(dir.resolve("tasks.tsv"), 3000, Map.of(2500, "sneak out"));
        Path out = dir.resolve("out.jsonl");
        Distribution.Run run = Distribution.run("classify", catalog.toString(), "--out", out.toString(), "--plugins",
                plugins.toString(), "--allow-unverified", "--no-progress", "--batch-size", "100");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("moravec: dev.moravec.testing.plugins.sneaky.SneakyExitScorer.rate (thread")
                .contains("ended the process before the command finished, which Moravec did not ask for: the output"
                        + " is incomplete")
                .contains("--resume");
        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(written).endsWith("\n"); // whole records
        assertThat(written.lines().count()).isLessThan(3000);
    }
}
