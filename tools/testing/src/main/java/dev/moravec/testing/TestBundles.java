package dev.moravec.testing;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import dev.moravec.api.TaskScorer;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds real plugin bundles from the test scorers of this module ({@code dev.moravec.testing.plugins}) with bnd, as a plugin author's build
 * would, and finds the runtime bundles the build copied to {@code target/runtime-bundles}.
 */
public final class TestBundles {

    private TestBundles() {}

    /**
     * Builds a bundle holding one package of the test classes, its DS components processed.
     *
     * @param target the jar to write
     * @param symbolicName the bundle's symbolic name
     * @param version its version
     * @param testPackage the package to put in it
     * @param extraHeaders more bnd instructions
     * @return the jar
     * @throws Exception if bnd fails
     */
    public static Path build(Path target, String symbolicName, String version, String testPackage,
            Map<String, String> extraHeaders) throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", symbolicName);
            builder.setProperty("Bundle-Version", version);
            builder.setProperty("Private-Package", testPackage);
            builder.setProperty("-dsannotations", "*");
            builder.setProperty("-metatypeannotations", "*");
            extraHeaders.forEach(builder::setProperty);
            builder.addClasspath(codeSource(TestBundles.class));
            builder.addClasspath(codeSource(TaskScorer.class));
            Jar jar = builder.build();
            List<String> errors = builder.getErrors();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("bnd failed: " + errors);
            }
            Files.createDirectories(target.getParent());
            jar.write(target.toFile());
            return target;
        }
    }

    /** @return the OSGi runtime bundles copied by the build */
    public static List<Path> runtimeBundles() throws IOException {
        Path dir = Path.of("target", "runtime-bundles");
        List<Path> jars;
        try (java.util.stream.Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : java.util.stream.Stream.empty()) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("target/runtime-bundles is empty: run the tests through Maven");
        }
        return jars;
    }

    private static File codeSource(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
