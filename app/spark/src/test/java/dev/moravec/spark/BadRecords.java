package dev.moravec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The starter catalog with five bad records spread through it, one of each kind a TSV catalog can have
 * (an empty statement, a code that is no SOC code, an unknown task type, a missing field, an empty id),
 * so that a job cut into pieces meets them in several; and the check that rejects written by the Spark
 * job are those {@code classify} writes.
 */
final class BadRecords {

    /** The bad records, as they stand in the catalog. */
    static final List<String> LINES = List.of(
            "15-1252.00\tSoftware Developers\tB1\t\tCore",
            "15-12X2.00\tSoftware Developers\tB2\tWrite code.\tCore",
            "15-1252.00\tSoftware Developers\tB3\tReview code.\tPrimary",
            "15-1252.00\tSoftware Developers\tB4\tReview code.",
            "15-1252.00\tSoftware Developers\t\tReview code again.\tCore");

    /** The good records of the catalog: the starter catalog's. */
    static final int GOOD = 486;

    private BadRecords() {}

    /**
     * @param file where to write the catalog
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path catalog(Path file) throws IOException {
        List<String> lines;
        try (InputStream in = StarterCatalog.open()) {
            lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        for (int i = 0; i < LINES.size(); i++) {
            lines.add(1 + i * (lines.size() - 1) / LINES.size() + i, LINES.get(i));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Checks that the Spark job's rejects folder holds the records {@code classify} rejected, each once,
     * with the same field, reason and record, the source being the same file; the line is {@code null} (Spark's
     * readers do not tell it).
     *
     * @param sparkRejects the job's rejects folder
     * @param classifyRejects classify's rejects file of the same catalog
     */
    static void assertSameRejects(Path sparkRejects, Path classifyRejects) {
        List<String> expected = new ArrayList<>();
        for (String line : Outputs.lines(List.of(classifyRejects))) {
            expected.add(comparable(Outputs.json(line)));
        }
        List<String> actual = new ArrayList<>();
        for (String line : Outputs.lines(Outputs.partFiles(sparkRejects, ".jsonl"))) {
            JsonNode rejection = Outputs.json(line);
            assertThat(rejection.get("line").isNull()).as(line).isTrue();
            assertThat(rejection.get("source").asText()).as(line)
                    .endsWith(Path.of(Outputs.json(Outputs.lines(List.of(classifyRejects)).get(0)).get("source").asText())
                            .getFileName().toString());
            actual.add(comparable(rejection));
        }
        assertThat(expected).hasSize(LINES.size());
        assertThat(actual).as("the Spark job's rejects").containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String comparable(JsonNode rejection) {
        return rejection.get("field") + " | " + rejection.get("reason") + " | " + rejection.get("record");
    }
}
