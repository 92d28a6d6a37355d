package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code classify} does when its output or input fails, run by the launcher as a user runs it:
 * a full file system, with {@code --out} and with standard output redirected; a pipe closed by its
 * reader ({@code | head -1}); two runs writing one file at once; a folder and a cut gzip file given as
 * input; a batch size past the bound. Each ends promptly with its exit code, a message naming the path,
 * and the figures written so far.
 */
class OutputIntegrityIT {

    @TempDir
    Path dir;

    private Path plugins;

    @BeforeEach
    void plugins() throws Exception {
        plugins = TestRuns.plugins(dir);
    }

    private Path catalog(String name, int tasks) throws IOException {
        return TestRuns.catalog(dir.resolve(name), tasks, Map.of());
    }

    private List<String> classify(String... args) {
        List<String> command = new ArrayList<>(List.of(Distribution.HOME.resolve("bin/moravec").toString(), "classify"));
        command.addAll(List.of(args));
        command.addAll(List.of("--plugins", plugins.toString(), "--allow-unverified", "--no-progress"));
        return command;
    }

    private Distribution.Run run(String... args) throws Exception {
        List<String> command = classify(args);
        return Distribution.run(command.subList(1, command.size()).toArray(String[]::new));
    }

    /** A small tmpfs, which only root can mount; the tests that need one are skipped, with the reason, without. */
    private Path fullFileSystem() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("full"));
        Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(process.waitFor() == 0, "a full file system needs a small tmpfs, which this user cannot mount: " + said);
        return mount;
    }

    private static void unmount(Path mount) throws Exception {
        new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aFullFileSystemEndsTheRunWithCode5NamingThePathAndTheFiguresWritten() throws Exception {
        Path catalog = catalog("tasks.tsv", 5000);
        Path mount = fullFileSystem();
        try {
            Path out = mount.resolve("rated.jsonl");
            Distribution.Run withOut = run(catalog.toString(), "--out", out.toString());
            assertThat(withOut.exitCode()).as(withOut.err()).isEqualTo(5);
            assertThat(withOut.err()).contains("moravec: cannot write " + out + ": No space left on device")
                    .contains("the output may end in a record cut short, which --resume cuts off")
                    .containsPattern("Stopped by the error below: classified [0-9,]+ tasks .* Read [0-9,]+ = classified");

            Path redirected = mount.resolve("stdout.jsonl");
            Files.deleteIfExists(out);
            Process process = new ProcessBuilder(classify(catalog.toString())).redirectOutput(redirected.toFile())
                    .redirectError(dir.resolve("err.txt").toFile()).start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(process.exitValue()).as(err).isEqualTo(5);
            assertThat(err).contains("moravec: cannot write standard output (" + redirected + "): No space left on device");
        } finally {
            unmount(mount);
        }
    }

    @Test
    void aPipeClosedByItsReaderEndsTheRunPromptlyWithCode5() throws Exception {
        Path catalog = catalog("tasks.tsv", 200_000);
        String command = String.join(" ", classify(catalog.toString()).stream().map(a -> "'" + a + "'").toList());
        Process process = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command + " 2>" + dir.resolve("err.txt")
                + " | head -1 > " + dir.resolve("first.jsonl") + "; echo ${PIPESTATUS[0]}").start();
        String status = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(status).as(err).isEqualTo("5");
        assertThat(err).contains("moravec: cannot write standard output: Broken pipe");
        assertThat(Files.readString(dir.resolve("first.jsonl"))).startsWith("{\"id\":\"1\"");
        // the run stopped at the first write after the reader left, long before its 200,000 tasks
        String figures = err.lines().filter(l -> l.startsWith("Stopped by the error below")).findFirst().orElseThrow();
        long classified = Long.parseLong(figures.replaceFirst("^Stopped by the error below: classified ([0-9,]+) .*", "$1")
                .replace(",", ""));
        assertThat(classified).isLessThan(20_000);
    }

    @Test
    void aSecondRunWritingTheSameFileIsRefusedAndTheFirstOneCompletes() throws Exception {
        Path out = dir.resolve("rated.jsonl");
        // the first run reads standard input, so it is still writing for as long as this test feeds it
        Process first = new ProcessBuilder(classify("-", "--in-format", "tsv", "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.txt").toFile()).start();
        try (var input = new java.io.PrintStream(first.getOutputStream(), true, StandardCharsets.UTF_8)) {
            input.println("id\tstatement");
            for (int i = 1; i <= 100; i++) {
                input.println(i + "\tWrite report number " + i);
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!(Files.exists(out) && Files.size(out) > 0)) {
                assertThat(first.isAlive()).as("the first run is still writing").isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(20);
            }
            Distribution.Run second = run(catalog("tasks.tsv", 10).toString(), "--out", out.toString());
            assertThat(second.exitCode()).as(second.err()).isEqualTo(5);
            assertThat(second.err()).contains("moravec: cannot write " + out + ": another moravec run is writing it");
            for (int i = 101; i <= 3000; i++) {
                input.println(i + "\tWrite report number " + i);
            }
        }
        assertThat(first.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(dir.resolve("first.txt"))).isZero();
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(records).hasSize(3000);
        assertThat(records.get(0)).startsWith("{\"id\":\"1\"");
        assertThat(records.get(2999)).startsWith("{\"id\":\"3000\"");
    }

    @Test
    void aFolderAndACutGzipFileAreBadInputNamingThem() throws Exception {
        Distribution.Run folder = run(plugins.toString());
        assertThat(folder.exitCode()).as(folder.err()).isEqualTo(3);
        assertThat(folder.err()).contains("moravec: " + plugins + " is a folder, not a catalog file");

        byte[] tsv = Files.readAllBytes(catalog("tasks.tsv", 20_000));
        Path gzip = dir.resolve("cut.tsv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(tsv);
        }
        byte[] whole = Files.readAllBytes(gzip);
        Files.write(gzip, java.util.Arrays.copyOf(whole, whole.length / 2));
        Distribution.Run cut = run(gzip.toString(), "--out", dir.resolve("cut.jsonl").toString());
        assertThat(cut.exitCode()).as(cut.err()).isEqualTo(3);
        assertThat(cut.err()).contains("moravec: cut.tsv.gz: the input ends in the middle or is damaged")
                .containsPattern("Stopped by the error below: classified [0-9,]+ tasks .* Read [0-9,]+ = classified");
    }

    @Test
    void aBatchSizePastTheBoundIsAUsageError() throws Exception {
        Distribution.Run run = run("--batch-size", "2147483647");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--batch-size must be 1 to 100,000, not 2147483647");
    }
}
