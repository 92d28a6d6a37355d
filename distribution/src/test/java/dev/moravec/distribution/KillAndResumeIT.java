package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code classify --resume} after real kills: the launcher's JVM is killed with SIGKILL (no shutdown
 * hook runs) at seeded random points of a long run, resumed each time, and the finished output must
 * hold what one uninterrupted run writes, every record once, in input order.
 */
class KillAndResumeIT {

    /** The seed of the kill points; printed so a failure can be replayed with -Dtests.seed. */
    private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

    private static final int TASKS = 100_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"verdicts.jsonl", "verdicts.csv.gz"})
    void killedRunsResumeToTheOutputOfOneWholeRun(String name) throws Exception {
        System.out.println("KillAndResumeIT seed: -Dtests.seed=" + SEED);
        // the lexicon scorer alone: the semantic one would spend the run embedding, and the descriptor
        // scorer adds nothing to what resuming has to get right
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("MORAVEC_HOME", data.toString());
        for (String id : List.of("semantic", "descriptors")) {
            assertThat(Distribution.run(env, "plugins", "disable", id).exitCode()).isZero();
        }
        Path catalog = dir.resolve("catalog.tsv.gz");
        writeCatalog(catalog, TASKS);

        Path whole = dir.resolve("whole-" + name);
        Distribution.Run wholeRun = Distribution.run(env, "classify", catalog.toString(), "--out", whole.toString(),
                "--no-progress", "--threads", "1");
        assertThat(wholeRun.exitCode()).as(wholeRun.err()).isZero();
        long wholeSize = Files.size(whole);

        Path out = dir.resolve(name);
        Random random = new Random(SEED);
        int kills = 0;
        long killedAt = 0;
        while (true) {
            List<String> args = new ArrayList<>(List.of("classify", catalog.toString(), "--out", out.toString(),
                    "--no-progress", "--threads", "1"));
            if (Files.exists(out)) {
                args.add("--resume");
            }
            // kill once the output has grown past a random point further on than the last kill
            long killAt = killedAt + (long) ((wholeSize - killedAt) * (0.1 + 0.5 * random.nextDouble()));
            Path err = dir.resolve("err-" + kills + ".txt");
            Process process = start(env, args, err);
            boolean killed = false;
            while (process.isAlive() && kills < 4) {
                if (Files.exists(out) && Files.size(out) >= killAt) {
                    process.destroyForcibly(); // SIGKILL
                    killed = true;
                    break;
                }
                Thread.sleep(2);
            }
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("moravec %s ended", args).isTrue();
            if (!killed || process.exitValue() == 0) {
                assertThat(process.exitValue()).as(Files.readString(err)).isZero();
                break;
            }
            kills++;
            killedAt = Files.size(out);
        }
        assertThat(kills).as("runs killed before the last one completed").isGreaterThanOrEqualTo(2);
        List<String> expected = lines(whole);
        List<String> actual = lines(out);
        assertThat(actual).hasSize(expected.size());
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).hasSize(TASKS + (name.contains(".csv") ? 1 : 0));
    }

    private static Process start(Map<String, String> env, List<String> args, Path err) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Distribution.HOME.resolve("bin/moravec").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static List<String> lines(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * A catalog of the given size: the starter catalog's tasks over and over, each copy with ids of its
     * own, as gzip-compressed TSV in O*NET's column layout.
     */
    private static void writeCatalog(Path file, int tasks) throws java.io.IOException {
        java.util.List<dev.moravec.taxonomy.sources.TaxonomyTask> starter = dev.moravec.taxonomy.sources.StarterCatalog.release().tasks();
        try (java.io.Writer out = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                Files.newOutputStream(file)), java.nio.charset.StandardCharsets.UTF_8)) {
            out.write("O*NET-SOC Code\tTask ID\tTask\tTask Type\n");
            for (int i = 0; i < tasks; i++) {
                dev.moravec.api.Task task = starter.get(i % starter.size()).task();
                out.write(task.occupationCode() + "\t" + i + "\t" + task.statement() + "\t"
                        + (task.type() == null ? "" : task.type() == dev.moravec.api.TaskType.CORE ? "Core" : "Supplemental") + "\n");
            }
        }
    }
}
