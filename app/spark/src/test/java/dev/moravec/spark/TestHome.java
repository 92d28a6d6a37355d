package dev.moravec.spark;

import dev.moravec.app.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Where the tests' commands run: the job jar's kit as built into {@code target/classes} is a distribution's
 * home in miniature (the runtime bundles, the three shipped scorers, their checksums and the calibrated
 * configuration), so {@code moravec classify} and the Spark job run with the same plugins and
 * configuration, the scorers verified as shipped. Each test has its own data folder ({@code MORAVEC_HOME}).
 */
final class TestHome {

    /** The kit, relative to the module's folder, where Maven runs the tests. */
    static final Path KIT = Path.of("target", "classes", "dev", "moravec", "spark", "kit").toAbsolutePath();

    /** The scorer bundles the build copied for the tests. */
    static final Path TEST_PLUGINS = Path.of("target", "test-plugins").toAbsolutePath();

    private TestHome() {}

    /**
     * @param data the data folder: the vector cache, the user's record of installed plugins
     * @return the environment of a distribution at the kit
     */
    static Environment environment(Path data) {
        return new Environment(KIT, Map.of("MORAVEC_HOME", data.toString()), InputStream.nullInputStream(), System.out);
    }

    /**
     * A plugins folder of some of the shipped scorers.
     *
     * @param dir the folder to fill
     * @param scorers the scorers' module names, such as {@code lexicon}
     * @return the folder
     */
    static Path plugins(Path dir, List<String> scorers) {
        try {
            Files.createDirectories(dir);
            for (String scorer : scorers) {
                String name = "moravec-plugin-" + scorer + "-";
                try (var jars = Files.list(TEST_PLUGINS)) {
                    Path jar = jars.filter(j -> j.getFileName().toString().startsWith(name)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no " + scorer + " bundle in " + TEST_PLUGINS));
                    Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
