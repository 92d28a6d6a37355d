package dev.moravec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Rating;
import dev.moravec.api.TaskScorer;
import dev.moravec.model.EngineConfig;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.testing.TestScorers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The streaming pipeline: order and counts against a simple oracle on random catalogs, backpressure
 * from a stalled writer, stopping between batches, and failures of the output.
 */
class CatalogStreamingTest {

    /** The seed of the random catalogs; printed so a failure can be replayed with -Dtests.seed. */
    private static final long SEED = Long.getLong("tests.seed", 20261127L);

    /** Rates by the task id's parity; now and then slow, so batches finish out of order. */
    private static final TaskScorer PARITY = TestScorers.of("parity", task -> {
        long id = Long.parseLong(task.id());
        if (id % 251 == 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean odd = id % 2 == 1;
        return Rating.of(odd ? 0.2 : 0.8, odd ? 0.8 : 0.2, 0.9, List.of("id " + id));
    });

    private final ObjectMapper mapper = new ObjectMapper();
    private final ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(PARITY), EngineConfig.defaults(), 2);

    @AfterEach
    void close() {
        engine.close();
    }

    /** A catalog of numbered tasks, some of them bad, and what a run must make of it. */
    private record Catalog(byte[] tsv, List<String> good, List<Long> badLines) {

        static Catalog random(Random random, int size) {
            StringBuilder text = new StringBuilder("Task ID\tTask\tTask Type\n");
            List<String> good = new ArrayList<>();
            List<Long> bad = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                if (random.nextInt(20) == 0) {
                    text.append(i).append("\t\tCore\n"); // no statement: rejected
                    bad.add(i + 1L);
                } else {
                    text.append(i).append("\tDo task number ").append(i).append(".\tCore\n");
                    good.add(Integer.toString(i));
                }
            }
            return new Catalog(text.toString().getBytes(StandardCharsets.UTF_8), good, bad);
        }

        CatalogSource source() {
            return new CatalogSource("random.tsv", () -> new ByteArrayInputStream(tsv), OptionalLong.of(tsv.length));
        }
    }

    private CatalogClassifier classifier(int batchSize, int parallel) {
        return new CatalogClassifier(engine::classify, new CatalogReaders(mapper), code -> Optional.empty(), batchSize, parallel);
    }

    @Test
    void outputHasEveryGoodRecordOnceInInputOrderAndRejectsEveryBadOneWhateverTheBatching() throws Exception {
        System.out.println("CatalogStreamingTest seed " + SEED);
        Random random = new Random(SEED);
        for (int round = 0; round < 12; round++) {
            Catalog catalog = Catalog.random(random, random.nextInt(3000));
            int batchSize = 1 + random.nextInt(random.nextBoolean() ? 8 : 300);
            int parallel = 1 + random.nextInt(4);
            boolean gzip = random.nextBoolean();
            String context = "round " + round + ": " + catalog.good().size() + " good, batches of " + batchSize + " x "
                    + parallel + (gzip ? ", gzip" : "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream rejects = new ByteArrayOutputStream();
            List<Long> progress = new ArrayList<>();
            RunSummary summary = classifier(batchSize, parallel).run(List.of(catalog.source()), Optional.empty(),
                    new RunOutput(VerdictFormat.jsonLines(mapper), gzip, out, rejects, mapper), OnError.SKIP,
                    (records, bytes) -> progress.add(records));

            List<String> lines = lines(out.toByteArray(), gzip);
            assertThat(lines).as(context).hasSize(catalog.good().size());
            assertThat(lines).as(context).extracting(line -> mapper.readTree(line).get("id").asText())
                    .containsExactlyElementsOf(catalog.good());
            assertThat(lines(rejects.toByteArray(), false)).as(context)
                    .extracting(line -> mapper.readTree(line).get("line").asLong())
                    .containsExactlyElementsOf(catalog.badLines());
            assertThat(summary.classified()).as(context).isEqualTo(catalog.good().size());
            assertThat(summary.rejected()).as(context).isEqualTo(catalog.badLines().size());
            assertThat(summary.read()).as(context).isEqualTo(catalog.good().size() + catalog.badLines().size());
            assertThat(progress).as(context).isSorted();
            if (!progress.isEmpty()) {
                assertThat(progress.get(progress.size() - 1)).as(context).isEqualTo(summary.read());
            }
        }
    }

    private static List<String> lines(byte[] bytes, boolean gzip) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        if (gzip) {
            in = new GZIPInputStream(in); // reads every member of the stream
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aStalledWriterStopsTheReaderAfterABoundedNumberOfBatches() throws Exception {
        int batchSize = 50;
        int parallel = 2;
        Endless input = new Endless();
        CountDownLatch release = new CountDownLatch(1);
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted", e);
                }
                throw new IOException("the test is over");
            }
        };
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<RunSummary> run = runner.submit(() -> classifier(batchSize, parallel).run(
                    List.of(new CatalogSource("endless.tsv", () -> input, OptionalLong.empty())), Optional.empty(),
                    new RunOutput(VerdictFormat.jsonLines(mapper), false, stalled, OutputStream.nullOutputStream(),
                            mapper), OnError.FAIL, (records, bytes) -> { }));
            awaitReaderBlocked();
            long served = input.lines.get();
            // batches rated, waiting or being written, plus what the reading buffers hold ahead
            long bound = (2L * parallel + 3) * batchSize + 3 * 65536 / Endless.LINE_BYTES;
            assertThat(served).as("lines served to the reader while the writer stalls").isLessThanOrEqualTo(bound);
            release.countDown();
            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("the test is over");
        } finally {
            release.countDown();
            runner.shutdownNow();
        }
    }

    /** Waits until the reader thread is parked handing on a batch: nothing but the writer can move it. */
    private static void awaitReaderBlocked() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (var entry : Thread.getAllStackTraces().entrySet()) {
                if (entry.getKey().getName().equals("moravec-reader")
                        && entry.getKey().getState() == Thread.State.WAITING
                        && List.of(entry.getValue()).stream().anyMatch(f -> f.getMethodName().equals("put"))) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the reader never blocked on a full queue: is the queue unbounded?");
    }

    /** An endless TSV catalog of equally long lines that counts the lines it served. */
    private static final class Endless extends InputStream {
        static final int LINE_BYTES = "1234567\tDo task 1234567.\tCore\n".length();
        final AtomicLong lines = new AtomicLong();
        private byte[] current = "Task ID\tTask\tTask Type\n".getBytes(StandardCharsets.US_ASCII);
        private int position;

        @Override
        public int read() {
            if (position == current.length) {
                long n = lines.incrementAndGet() % 10_000_000;
                current = String.format("%07d\tDo task %07d.\tCore\n", n, n).getBytes(StandardCharsets.US_ASCII);
                position = 0;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }

    @Test
    void aStopRequestEndsTheRunAfterAWholeBatch() throws Exception {
        Catalog catalog = Catalog.random(new Random(SEED), 2000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong done = new AtomicLong();
        RunSummary summary = classifier(100, 2).run(List.of(catalog.source()), Optional.empty(),
                new RunOutput(VerdictFormat.jsonLines(mapper), false, out, new ByteArrayOutputStream(), mapper),
                OnError.SKIP, ResumePoint.START, (records, bytes) -> done.set(records), () -> done.get() >= 500);

        assertThat(summary.stopped()).isTrue();
        assertThat(summary.read()).isEqualTo(done.get()).isLessThan(2000);
        List<String> lines = lines(out.toByteArray(), false);
        assertThat(lines).hasSize((int) summary.classified());
        assertThat(lines).extracting(line -> mapper.readTree(line).get("id").asText())
                .containsExactlyElementsOf(catalog.good().subList(0, lines.size()));
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n");
    }

    @Test
    void aFailingOutputEndsTheRunWithItsErrorAndStopsTheReader() {
        Catalog catalog = Catalog.random(new Random(SEED), 3000);
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> classifier(10, 2).run(List.of(catalog.source()), Optional.empty(),
                new RunOutput(VerdictFormat.jsonLines(mapper), false, failing, new ByteArrayOutputStream(), mapper),
                OnError.SKIP, (records, bytes) -> { }))
                .isInstanceOf(IOException.class).hasMessage("disk full");
    }
}
