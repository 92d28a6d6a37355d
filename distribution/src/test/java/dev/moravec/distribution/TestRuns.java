package dev.moravec.distribution;

import dev.moravec.testing.TestBundles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the launcher runs of the hostile tests use: a plugins folder of test plugins and a catalog of numbered tasks. */
final class TestRuns {

    private TestRuns() {}

    /**
     * A plugins folder holding the steady test plugin and others of {@code dev.moravec.testing.plugins}.
     *
     * @param dir where to make it, as {@code plugins/}
     * @param packages the other test plugins, by package name (such as {@code exiting})
     * @return the folder
     * @throws Exception if bnd fails
     */
    static Path plugins(Path dir, String... packages) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        List<String> all = new ArrayList<>(List.of("steady"));
        all.addAll(List.of(packages));
        for (String name : all) {
            TestBundles.build(plugins.resolve(name + ".jar"), "test." + name, "1.0.0", "dev.moravec.testing.plugins." + name,
                    Map.of());
        }
        return plugins;
    }

    /**
     * A TSV catalog of tasks numbered from 1, each "Write report number N" unless given another statement.
     *
     * @param file the file to write
     * @param tasks how many
     * @param statements other statements, by task number
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path catalog(Path file, int tasks, Map<Integer, String> statements) throws IOException {
        List<String> lines = new ArrayList<>(List.of("id\tstatement"));
        for (int i = 1; i <= tasks; i++) {
            lines.add(i + "\t" + statements.getOrDefault(i, "Write report number " + i));
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
