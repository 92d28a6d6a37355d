package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.testing.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private Path plugins(String... packages) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestBundles.build(plugins.resolve("steady.jar"), "test.steady", "1.0.0", "dev.moravec.testing.plugins.steady",
                Map.of());
        for (String name : packages) {
            TestBundles.build(plugins.resolve(name + ".jar"), "test." + name, "1.0.0",
                    "dev.moravec.testing.plugins." + name, Map.of());
        }
        return plugins;
    }

    private Path catalog(int tasks, Map<Integer, String> special) throws Exception {
        List<String> lines = new ArrayList<>(List.of("id\tstatement"));
        for (int i = 1; i <= tasks; i++) {
            lines.add(i + "\t" + special.getOrDefault(i, "Write report number " + i));
        }
        return Files.write(dir.resolve("tasks.tsv"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void aPluginThatCallsExitFromItsRatingsAndThreadsCannotEndTheRun() throws Exception {
        Path plugins = plugins("exiting");
        Path catalog = catalog(1000, Map.of(100, "exit now", 500, "start a thread", 900, "halt here"));
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
    void installingAJarThatCallsExitIsRefusedNamingTheClass() throws Exception {
        Path jar = TestBundles.build(dir.resolve("built").resolve("exitonstart.jar"), "test.exitonstart", "1.0.0",
                "dev.moravec.testing.plugins.exitonstart", Map.of());
        Path plugins = Files.createDirectories(dir.resolve("empty-plugins"));
        Distribution.Run run = Distribution.run(Map.of("MORAVEC_HOME", dir.resolve("home").toString()), "plugins",
                "install", jar.toString(), "--plugins", plugins.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("cannot install " + jar + ": it could end the Moravec process:"
                + " dev.moravec.testing.plugins.exitonstart.ExitOnStartScorer.<init> calls System.exit")
                .contains("Nothing was changed");
        try (var files = Files.list(plugins)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void anExitTheHostCannotRefuseEndsTheRunWithCode4AndSaysTheOutputIsIncomplete() throws Exception {
        Path plugins = plugins("sneaky");
        Path catalog = catalog(3000, Map.of(2500, "sneak out"));
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
