package dev.moravec.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small release in O*NET's text layout, written for Moravec's tests (five occupations and their tasks,
 * work activities, titles, tools and technology), with extra files in the layouts of O*NET 30.1 Skills,
 * the task-ratings summary and OEWS employment. Tests get their own copy in a folder they may change.
 */
public final class FixtureRelease {

    /** The release's files, as O*NET names them. */
    public static final List<String> FILES = List.of("Alternate Titles.txt", "Content Model Reference.txt",
            "DWA Reference.txt", "Emerging Tasks.txt", "IWA Reference.txt", "Job Zones.txt", "Occupation Data.txt",
            "Task Statements.txt", "Tasks to DWAs.txt", "Technology Skills.txt", "Tools Used.txt");

    /**
     * The extra files: beside the files that complete the release, crosswalks in the official layouts (written
     * for these tests, with many-to-many links, partial flags, codes without partners and leading zeros), an
     * ESCO download's two files and an OEWS industry file with suppressed cells.
     */
    public static final List<String> EXTRAS = List.of("employment.csv", "skills.tsv", "task-ratings.csv",
            "crosswalk-isco-soc2010.csv", "crosswalk-soc2010-soc2018.csv", "crosswalk-onet2010-onet2019.csv",
            "crosswalk-esco-onet.csv", "esco/occupations_en.csv", "esco/ISCOGroups_en.csv", "industry.csv");

    /** The crosswalk files of {@link #EXTRAS}. */
    public static final List<String> CROSSWALKS = List.of("crosswalk-isco-soc2010.csv", "crosswalk-soc2010-soc2018.csv",
            "crosswalk-onet2010-onet2019.csv", "crosswalk-esco-onet.csv");

    private static Path shared;

    private FixtureRelease() {}

    /**
     * One copy of the release and its extra files for every test of this JVM that only reads them;
     * deleted when the JVM exits.
     *
     * @return the folder holding {@code release/} and {@code extra/}
     */
    public static synchronized Path shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("moravec-fixture-");
                copy(dir);
                for (String name : EXTRAS) {
                    extra(dir, name);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                shared = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** @return the release folder of {@link #shared()} */
    public static Path sharedRelease() {
        return shared().resolve("release");
    }

    /**
     * @param name one of {@link #EXTRAS}
     * @return that extra file of {@link #shared()}
     */
    public static Path sharedExtra(String name) {
        return shared().resolve("extra").resolve(name);
    }

    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /**
     * Copies the release into {@code dir/release}.
     *
     * @param dir a folder of the test's own
     * @return the release folder
     */
    public static Path copy(Path dir) {
        try {
            Path release = Files.createDirectories(dir.resolve("release"));
            for (String name : FILES) {
                copyResource("release/" + name, release.resolve(name));
            }
            return release;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies one extra file into {@code dir/extra}.
     *
     * @param dir a folder of the test's own
     * @param name one of {@link #EXTRAS}
     * @return the copy
     */
    public static Path extra(Path dir, String name) {
        if (!EXTRAS.contains(name)) {
            throw new IllegalArgumentException("no extra fixture file " + name + "; there are " + EXTRAS);
        }
        try {
            Path extra = Files.createDirectories(dir.resolve("extra"));
            Path copy = extra.resolve(name);
            Files.createDirectories(copy.getParent());
            if (!Files.exists(copy)) {
                copyResource("extra/" + name, copy);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Zips the release under a top folder, as O*NET ships it.
     *
     * @param dir a folder of the test's own
     * @return the zip file
     */
    public static Path zip(Path dir) {
        Path zip = dir.resolve("db_fixture_text.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            for (String name : FILES.stream().sorted().toList()) {
                zipped.putNextEntry(new ZipEntry("db_fixture_text/" + name));
                try (InputStream in = resource("release/" + name)) {
                    in.transferTo(zipped);
                }
                zipped.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = resource(name)) {
            Files.copy(in, target);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = FixtureRelease.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the test fixture " + name + " is missing from the moravec-testing jar");
        }
        return in;
    }
}
