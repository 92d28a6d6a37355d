package dev.moravec.api.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Processor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.annotation.versioning.Version;

/**
 * The plugin contract's package versions follow semantic versioning, checked as bnd's baseline checks
 * them: the contract as it is now is compared with the last released one (the commit
 * {@code baseline.properties} names, compiled here from git), and a change that needs a higher version
 * than {@code package-info.java} declares (a method added to a consumer type, a type removed) fails with
 * bnd's suggestion. So a plugin built against an older minor version keeps loading because the build,
 * not memory, keeps the promise.
 */
class ApiBaselineTest {

    private static final String PACKAGE = "dev.moravec.api";
    private static final String SOURCES = "core/api/src/main/java";

    @TempDir
    Path dir;

    @Test
    void theContractsVersionsCoverItsChangesSinceTheLastRelease() throws Exception {
        Properties baseline = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("baseline.properties"))) {
            baseline.load(in);
        }
        String commit = baseline.getProperty("commit");
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        String listing = git(root, "ls-tree", "-r", "--name-only", commit, SOURCES + "/dev/moravec/api/");
        assumeTrue(listing != null && !listing.isBlank(), () -> "skipped: the baseline commit " + commit
                + " is not in this clone's history (a shallow clone or a source archive); clone the repository whole"
                + " to check the contract's versions");
        Path oldSources = Files.createDirectories(dir.resolve("old-sources"));
        List<File> javaFiles = new ArrayList<>();
        for (String file : listing.strip().split("\n")) {
            if (!file.endsWith(".java") || file.contains("/testkit/")) {
                continue;
            }
            Path target = oldSources.resolve(file.substring(SOURCES.length() + 1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, git(root, "show", commit + ":" + file));
            javaFiles.add(target.toFile());
        }
        Path oldClasses = Files.createDirectories(dir.resolve("old-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(run(javac, javaFiles, oldClasses)).as("the baseline's sources compile").isZero();

        try (Builder newer = bundle(Path.of("target", "classes").toFile(), baseline.getProperty("version"));
                Builder older = bundle(oldClasses.toFile(), baseline.getProperty("version"));
                Processor reporter = new Processor()) {
            Set<Baseline.Info> infos = new Baseline(reporter, new DiffPluginImpl())
                    .baseline(newer.build(), older.build(), null);
            assertThat(newer.getErrors()).as("bnd's errors on the contract as it is").isEmpty();
            assertThat(older.getErrors()).as("bnd's errors on the released contract").isEmpty();
            assertThat(infos).as("the contract's exported packages").isNotEmpty();
            List<String> mismatches = new ArrayList<>();
            for (Baseline.Info info : infos) {
                if (info.mismatch) {
                    mismatches.add(info.packageName + ": declared " + info.newerVersion + ", released "
                            + info.olderVersion + "; its changes need at least " + info.suggestedVersion
                            + (info.reason == null ? "" : " (" + info.reason.strip() + ")")
                            + ". Raise @Version in its package-info.java");
                }
            }
            assertThat(mismatches).as("packages whose version does not cover their changes").isEmpty();
        }
    }

    private static int run(JavaCompiler javac, List<File> sources, Path classes) {
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-nowarn", "-proc:none", "-cp",
                codeSource(Version.class).getPath(), "-d", classes.toString()));
        sources.forEach(f -> arguments.add(f.getPath()));
        return javac.run(null, null, null, arguments.toArray(String[]::new));
    }

    /** A builder of a bundle of the contract's package from a class folder, as the module's bnd.bnd builds it. */
    private static Builder bundle(File classes, String version) throws IOException {
        Builder builder = new Builder();
        builder.setProperty("Bundle-SymbolicName", PACKAGE);
        builder.setProperty("Bundle-Version", version);
        builder.setProperty("-includepackage", PACKAGE);
        builder.addClasspath(classes);
        return builder;
    }

    /** @return what git printed, or {@code null} when git is missing or failed */
    private static String git(Path root, String... arguments) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static File codeSource(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
