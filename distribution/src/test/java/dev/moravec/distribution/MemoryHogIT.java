package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that fills the heap, run by the launcher with a small heap, never hangs the run nor ends it
 * with exit code 0 short of records: its rating fails with the {@link OutOfMemoryError} and the run
 * completes, or, when another thread of Moravec ran out of memory while the plugin held it all, the run
 * ends with exit code 1 and a message saying so, its output ending with a whole record. Which of the two
 * happens is the JVM's to decide; both are run here several times.
 */
class MemoryHogIT {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.RepeatedTest(3)
    void aPluginThatFillsTheHeapFailsItsRatingAndTheRunCompletes() throws Exception {
        Path plugins = TestRuns.plugins(dir, "hog");
        Map<Integer, String> hogs = new java.util.HashMap<>();
        for (int i = 500; i <= 2000; i += 500) {
            hogs.put(i, "hog the heap");
        }
        Path catalog = TestRuns.catalog(dir.resolve("tasks.tsv"), 2000, hogs);
        Path out = dir.resolve("out.jsonl");
        Distribution.Run run = Distribution.run(Map.of("JAVA_OPTS", "-Xmx160m"), "classify", catalog.toString(), "--out",
                out.toString(), "--plugins", plugins.toString(), "--allow-unverified", "--no-progress", "--threads", "1");
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (run.exitCode() == 0) {
            assertThat(run.err()).contains("Read 2,000 = classified 2,000 + rejected 0.")
                    .contains("Scorer hog: 4 failed, 0 timed out").contains("4 x threw java.lang.OutOfMemoryError");
            assertThat(records).hasSize(2000);
            assertThat(records.get(499)).contains("\"scorer\":\"hog\"").contains("\"status\":\"FAILED\"");
        } else {
            // another thread of Moravec ran out of memory while the plugin held it all: the run says so and ends
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("moravec: out of memory").contains("--resume");
            assertThat(Files.readString(out)).matches("(?s)|.*\n"); // whole records
            assertThat(records).hasSizeLessThan(2000);
        }
    }
}
