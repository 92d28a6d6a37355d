package dev.moravec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The pipeline when something breaks: any error of the reader thread (out of memory too) ends the run
 * instead of hanging it, a failed read names the input, the figures written before a failure are
 * reported, a batch size is bounded, and an output file is locked against a second writer.
 */
class PipelineFailureTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(TestScorers.constant("steady", 0.8, 0.2, 1)),
            EngineConfig.defaults(), 2);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        engine.close();
    }

    private static byte[] catalog(int tasks) {
        StringBuilder text = new StringBuilder("Task ID\tTask\n");
        for (int i = 1; i <= tasks; i++) {
            text.append(i).append("\tWrite report number ").append(i).append(".\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Runs the pipeline over one input, noting what it reports when it fails. */
    private RunSummary run(CatalogSource source, OutputStream out, AtomicReference<RunSummary> failed)
            throws Exception {
        return new CatalogClassifier(engine::classify, new CatalogReaders(mapper), code -> Optional.empty(), 100, 2)
                .run(List.of(source), Optional.empty(), new RunOutput(VerdictFormat.jsonLines(mapper), false, out,
                        new ByteArrayOutputStream(), mapper), OnError.SKIP, ResumePoint.START,
                        new CatalogClassifier.Progress() {
                            @Override
                            public void update(long records, long bytes) {}

                            @Override
                            public void failed(RunSummary soFar) {
                                failed.set(soFar);
                            }
                        }, () -> false);
    }

    @Test
    void anOutOfMemoryErrorInTheReaderThreadEndsTheRunInsteadOfHangingIt() {
        byte[] tsv = catalog(5000);
        CatalogSource source = new CatalogSource("huge.tsv", () -> new InputStream() {
            private int read;

            @Override
            public int read() {
                if (read == tsv.length / 2) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return tsv[read++];
            }
        }, OptionalLong.empty());
        AtomicReference<RunSummary> failed = new AtomicReference<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> run(source,
                new ByteArrayOutputStream(), failed)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the classification stopped: java.lang.OutOfMemoryError: Java heap space")
                .hasCauseInstanceOf(OutOfMemoryError.class));
        assertThat(failed.get().classified()).isPositive().isLessThan(5000);
    }

    @Test
    void aGzipFileCutInTheMiddleIsBadInputNamingTheFileAfterTheRecordsBeforeTheCut() throws Exception {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gzip)) {
            out.write(catalog(20_000));
        }
        byte[] cut = java.util.Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2);
        CatalogSource source = new CatalogSource("tasks.tsv.gz", () -> new ByteArrayInputStream(cut),
                OptionalLong.of(cut.length));
        AtomicReference<RunSummary> failed = new AtomicReference<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> run(source, out, failed)).isInstanceOf(BadInputException.class)
                .hasMessage("tasks.tsv.gz: the input ends in the middle or is damaged (Unexpected end of ZLIB input"
                        + " stream): was it cut short while copied or downloaded? The records before it were read");
        assertThat(failed.get().classified()).isPositive()
                .isEqualTo(out.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aFolderGivenAsInputIsBadInputNamingIt() {
        CatalogReaders readers = new CatalogReaders(mapper);
        assertThatThrownBy(() -> readers.open(dir.toString(), Optional.empty())).isInstanceOf(BadInputException.class)
                .hasMessage(dir + " is a folder, not a catalog file: give the files in it");
    }

    @Test
    void aFailingOutputReportsTheRecordsWrittenBeforeIt() {
        OutputStream full = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > 20_000) {
                    throw new IOException("No space left on device");
                }
                written += len;
            }
        };
        AtomicReference<RunSummary> failed = new AtomicReference<>();
        byte[] tsv = catalog(2000);
        CatalogSource source = new CatalogSource("tasks.tsv", () -> new ByteArrayInputStream(tsv), OptionalLong.empty());
        assertThatThrownBy(() -> run(source, new NamedOutputStream(full, "out.jsonl"), failed))
                .isInstanceOf(OutputFailedException.class).hasMessage("cannot write out.jsonl: No space left on device");
        assertThat(failed.get().classified()).isPositive().isLessThan(2000);
        assertThat(failed.get().read()).isEqualTo(failed.get().classified() + failed.get().rejected());
    }

    @Test
    void theBatchSizeIsBounded() {
        assertThatThrownBy(() -> new CatalogClassifier(engine::classify, new CatalogReaders(mapper), c -> Optional.empty(),
                Integer.MAX_VALUE, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize must be 1 to 100000");
    }

    @Test
    void anOutputFileIsLockedAgainstASecondWriterWhichLeavesItAsItIs() throws Exception {
        Path file = dir.resolve("out").resolve("rated.jsonl");
        try (OutputLock first = OutputLock.acquire(file); OutputStream out = first.open(false)) {
            out.write("{\"id\": \"1\"}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThatThrownBy(() -> OutputLock.acquire(file)).isInstanceOf(OutputLockedException.class)
                    .hasMessage("cannot write " + file + ": another moravec run is writing it (it holds the file's"
                            + " lock); wait for that run to end, or write to another file");
            assertThat(Files.readString(file)).isEqualTo("{\"id\": \"1\"}\n");
        }
        try (OutputLock again = OutputLock.acquire(file)) {
            again.reassert();
            again.open(false).close(); // free again, and emptied only now
        }
        assertThat(Files.size(file)).isZero();
    }
}
