package dev.moravec.taxonomy;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The small O*NET-format release written for these tests, and a deterministic scorer. */
final class Fixtures {

    private Fixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the fixture release folder */
    static Path release() {
        return resource("release");
    }

    /** @return an extra file of the fixture: skills.tsv, task-ratings.csv, employment.csv */
    static Path extra(String name) {
        return resource("extra/" + name);
    }

    /** Copies the fixture release to a folder a test may damage. */
    static Path copyOfRelease(Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("release"));
        try (Stream<Path> files = Files.list(release())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** Zips the fixture release under a top folder, as O*NET ships it. */
    static Path zipOfRelease(Path dir) throws IOException {
        Path zip = dir.resolve("db_fixture_text.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out);
                Stream<Path> files = Files.list(release())) {
            for (Path file : files.sorted().toList()) {
                zipped.putNextEntry(new ZipEntry("db_fixture_text/" + file.getFileName()));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(zipped);
                }
                zipped.closeEntry();
            }
        }
        return zip;
    }

    /**
     * A scorer whose rating follows from words of the statement, so tests know every verdict: code,
     * proofs and calculations are pure reasoning; pipes, cable and tools lag; the rest sits between.
     */
    static TaskScorer wordScorer(String version) {
        ScorerInfo info = new ScorerInfo("words", version, "rates by a few words", EnumSet.allOf(Axis.class));
        return new TaskScorer() {
            @Override
            public ScorerInfo info() {
                return info;
            }

            @Override
            public Rating rate(Task task, ScoringContext context) {
                String s = task.statement().toLowerCase();
                for (String word : List.of("code", "prove", "calculate", "program", "data", "report")) {
                    if (s.contains(word)) {
                        return Rating.of(0.9, 0.2, 1, List.of("'" + word + "'"));
                    }
                }
                for (String word : List.of("pipe", "cable", "tool", "install", "repair", "lift", "wash", "drive")) {
                    if (s.contains(word)) {
                        return Rating.of(0.1, 0.9, 1, List.of("'" + word + "'"));
                    }
                }
                return Rating.of(0.6, 0.7, 0.5, List.of("between"));
            }
        };
    }
}
