package dev.moravec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Rating;
import dev.moravec.api.TaskScorer;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.testing.TestScorers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming interrupted runs. A kill leaves each file a prefix of what the run wrote, cut anywhere,
 * mid-record or mid-gzip-member; these tests cut the files at random (seeded) points, again and again
 * as resumed runs are killed in turn, and check that the finished output equals one uninterrupted
 * run's: no record twice, none lost, the same order.
 */
class ResumeTest {

    /** The seed of the cuts; printed so a failure can be replayed with -Dtests.seed. */
    private static final long SEED = Long.getLong("tests.seed", 20261128L);

    private static final TaskScorer LENGTH = TestScorers.of("length", task -> {
        double t = Math.min(1, task.statement().length() / 60.0);
        return Rating.of(t, 1 - t, 0.7, List.of(task.statement().length() + " characters, \"quoted\""));
    });

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(LENGTH), EngineConfig.defaults(), 2);

    @AfterEach
    void close() {
        engine.close();
    }

    /** A CSV catalog whose statements hold commas, quotes and line breaks, and some bad records. */
    private static byte[] catalog(Random random, int size) {
        StringBuilder csv = new StringBuilder("id,statement,importance\n");
        for (int i = 1; i <= size; i++) {
            switch (random.nextInt(12)) {
                case 0 -> csv.append('t').append(i).append(",\"\",3\n"); // empty statement: rejected
                case 1 -> csv.append('t').append(i).append(",\"Sort the mail,\nthen file it\",9\n"); // importance 9: rejected
                case 2 -> csv.append('t').append(i).append(",\"Draft \"\"terms\"\" for\ncase ").append(i).append("\",4\n");
                default -> csv.append('t').append(i).append(",Do task ").append(i).append(" with care").append(",")
                        .append(1 + random.nextInt(5)).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private CatalogSource source(byte[] bytes) {
        return new CatalogSource("tasks.csv", () -> new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length));
    }

    private VerdictFormat format(boolean csv) {
        return csv ? VerdictFormat.csv(mapper, List.of("length")) : VerdictFormat.jsonLines(mapper);
    }

    private RunSummary run(byte[] catalog, Path out, Path rejects, boolean csv, boolean gzip, ResumePoint from,
            long stopAfter) throws Exception {
        AtomicLong done = new AtomicLong();
        try (OutputStream records = Files.newOutputStream(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                OutputStream rejected = Files.newOutputStream(rejects, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            return new CatalogClassifier(engine::classify, new CatalogReaders(mapper), code -> Optional.empty(), 7, 2)
                    .run(List.of(source(catalog)), Optional.empty(), new RunOutput(format(csv), gzip, records, rejected,
                            mapper), OnError.SKIP, from, (n, bytes) -> done.set(n), () -> done.get() >= stopAfter);
        }
    }

    @Test
    void resumingAfterKillsAtRandomPointsNeitherDuplicatesNorLosesARecord() throws Exception {
        System.out.println("ResumeTest seed " + SEED);
        Random random = new Random(SEED);
        for (int round = 0; round < 16; round++) {
            boolean csv = round % 2 == 1;
            boolean gzip = round % 4 >= 2;
            byte[] catalog = catalog(random, 20 + random.nextInt(400));
            Path expectedOut = dir.resolve("expected-" + round);
            Path expectedRejects = dir.resolve("expected-rejects-" + round);
            run(catalog, expectedOut, expectedRejects, csv, gzip, ResumePoint.START, Long.MAX_VALUE);

            Path out = dir.resolve("out-" + round);
            Path rejects = dir.resolve("rejects-" + round);
            ResumePoint from = ResumePoint.START;
            int kills = 0;
            while (true) {
                long keptOut = Files.exists(out) ? Files.size(out) : 0;
                long keptRejects = Files.exists(rejects) ? Files.size(rejects) : 0;
                boolean kill = kills < 6 && random.nextInt(5) > 0;
                RunSummary summary = run(catalog, out, rejects, csv, gzip, from,
                        kill ? from.done() + random.nextInt(200) : Long.MAX_VALUE);
                if (!summary.stopped()) {
                    break;
                }
                // the kill came while the run was writing: each file is cut somewhere after what it held before
                cut(out, keptOut + random.nextLong(Files.size(out) - keptOut + 1));
                cut(rejects, keptRejects + random.nextLong(Files.size(rejects) - keptRejects + 1));
                InterruptedRun interrupted = InterruptedRun.find(out, csv, gzip, rejects, mapper);
                interrupted.repair();
                assertThat(Files.size(out)).isEqualTo(interrupted.outputKeep());
                from = interrupted.point();
                kills++;
            }
            String context = "round " + round + (csv ? " csv" : " jsonl") + (gzip ? " gzip" : "") + " after " + kills
                    + " kills";
            assertThat(content(out, gzip)).as(context).isEqualTo(content(expectedOut, gzip));
            assertThat(content(rejects, false)).as(context).isEqualTo(content(expectedRejects, false));
        }
    }

    private static void cut(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static String content(Path file, boolean gzip) throws IOException {
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCompletedRunResumesToNothingMore() throws Exception {
        byte[] catalog = catalog(new Random(SEED), 100);
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        RunSummary first = run(catalog, out, rejects, false, false, ResumePoint.START, Long.MAX_VALUE);
        InterruptedRun done = InterruptedRun.find(out, false, false, rejects, mapper);

        assertThat(done.point().records()).isEqualTo(first.classified());
        assertThat(done.point().rejections()).isEqualTo(first.rejected());
        assertThat(done.outputCut()).isZero();
        assertThat(done.scorers()).containsEntry("length", "1.0.0");
        RunSummary again = run(catalog, out, rejects, false, false, done.point(), Long.MAX_VALUE);
        assertThat(again.skipped()).isEqualTo(100);
        assertThat(again.classified() + again.rejected()).isZero();
    }

    @Test
    void resumingWithOtherInputsIsRefusedNamingTheRecordThatDiffers() throws Exception {
        Random random = new Random(SEED);
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        run(catalog(random, 50), out, rejects, false, false, ResumePoint.START, Long.MAX_VALUE);
        ResumePoint point = InterruptedRun.find(out, false, false, rejects, mapper).point();
        byte[] other = "id,statement\nx1,Another task\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> run(catalog(new Random(SEED + 1), 80), out, rejects, false, false, point,
                Long.MAX_VALUE)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("cannot resume: the last")
                .hasMessageContaining("the inputs are not those of the interrupted run");
        assertThatThrownBy(() -> run(other, out, rejects, false, false, point, Long.MAX_VALUE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("but the inputs have only 1 and 0");
    }

    @Test
    void anOutputThatIsNotMoravecsIsRefusedWithWhatItHolds() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "[1, 2, 3]\n");
        assertThatThrownBy(() -> InterruptedRun.find(out, false, false, dir.resolve("none"), mapper))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cannot resume: the last whole line of " + out + " is not a JSON object: '[1, 2, 3]'. Run"
                        + " without --resume to start again");
    }
}
