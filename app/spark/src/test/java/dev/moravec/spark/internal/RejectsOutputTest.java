package dev.moravec.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.Rejection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rejects of task attempts as Spark may leave them (a partition read twice, an attempt that died
 * half-way, a partition with nothing rejected): the commit keeps one complete file per partition.
 */
class RejectsOutputTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void oneCompleteFilePerPartitionIsKeptAndTheAttemptsAreGone() throws Exception {
        RejectsOutput output = new RejectsOutput(dir.resolve("rejects").toString(), new Configuration());
        written(output.open(0, 7, mapper), "a", "b").complete();
        written(output.open(0, 3, mapper), "a", "b").complete(); // the same partition read again, say speculatively
        written(output.open(1, 4, mapper), "c"); // died half-way: never complete
        written(output.open(1, 9, mapper), "c", "d").complete();
        output.open(2, 5, mapper).complete(); // nothing rejected: no file

        output.commit();

        assertThat(files(dir.resolve("rejects"))).containsExactly("part-00000.jsonl", "part-00001.jsonl");
        assertThat(reasons(dir.resolve("rejects/part-00000.jsonl"))).containsExactly("a", "b");
        assertThat(reasons(dir.resolve("rejects/part-00001.jsonl"))).containsExactly("c", "d");
    }

    @Test
    void aJobWithoutRejectsLeavesAnEmptyFolderAndAnAbortedOneNoAttempts() throws Exception {
        RejectsOutput clean = new RejectsOutput(dir.resolve("clean").toString(), new Configuration());
        clean.open(0, 1, mapper).complete();
        clean.commit();
        assertThat(files(dir.resolve("clean"))).isEmpty();

        RejectsOutput failed = new RejectsOutput(dir.resolve("failed").toString(), new Configuration());
        written(failed.open(0, 1, mapper), "a").complete();
        failed.abort();
        assertThat(dir.resolve("failed/_attempts")).doesNotExist();
    }

    private static RejectsOutput.Attempt written(RejectsOutput.Attempt attempt, String... reasons) throws Exception {
        for (String reason : reasons) {
            attempt.write(new Rejection("catalog.tsv", 0, "Task", reason, "raw " + reason));
        }
        return attempt;
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    private List<String> reasons(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> {
            try {
                return mapper.readTree(line).get("reason").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
