package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classify --resume} through the command line: a cut output is repaired and completed. */
class ClassifyResumeTest {

    @TempDir
    Path dir;

    private CliFixture cli;

    @BeforeEach
    void layOut() throws Exception {
        cli = new CliFixture(dir);
    }

    @Test
    void aRunCutInTheMiddleOfARecordResumesToTheOutputOfAWholeRun() throws Exception {
        Path whole = dir.resolve("whole.jsonl.gz");
        CliFixture.Run first = cli.run("classify", "--out", whole.toString(), "--batch-size", "50");
        assertThat(first.exitCode()).as(first.err()).isZero();

        Path cut = dir.resolve("cut.jsonl.gz");
        Files.copy(whole, cut);
        try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(whole) * 2 / 3); // inside a gzip member, as a kill leaves it
        }
        CliFixture.Run resumed = cli.run("classify", "--out", cut.toString(), "--batch-size", "50", "--resume");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).containsPattern("Resuming: .*cut\\.jsonl\\.gz holds [0-9,]+ records and .* 0 rejected"
                + " ones; cut off [0-9,]+ bytes of a record the interrupted run was writing\\.")
                .containsPattern("Read [0-9,]+ = already written [0-9,]+ \\+ classified [0-9,]+ \\+ rejected 0\\.");
        assertThat(text(cut)).isEqualTo(text(whole));
    }

    @Test
    void resumingAnOutputOfOtherScorersIsRefused() throws Exception {
        Path out = dir.resolve("out.jsonl");
        assertThat(cli.run("classify", "--out", out.toString()).exitCode()).isZero();
        String text = Files.readString(out).replace("\"scorer\":\"lexicon\",\"version\":\"", "\"scorer\":\"lexicon\","
                + "\"version\":\"0.0.1-");
        Files.writeString(out, text);

        CliFixture.Run run = cli.run("classify", "--out", out.toString(), "--resume");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("moravec: cannot resume: " + out + " was rated by lexicon 0.0.1-")
                .contains("but this run's scorers are lexicon ");
    }

    @Test
    void resumeNeedsAnOutputFile() {
        CliFixture.Run run = cli.run("classify", "--resume");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--resume continues the file --out names; give --out");
    }

    private static String text(Path gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
