package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.host.HostOptions;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.testing.TestBundles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moravec spark} as a user runs it from the distribution: Spark's jars in {@code spark/}, out of
 * {@code lib/}, on the class path of {@code moravec spark} only; the job in the launcher's JVM; and a plugin
 * that cannot run stopping it with the plugin host's message and no stack trace.
 */
class SparkLauncherIT {

    @TempDir
    Path dir;

    @Test
    void sparksJarsStayOutOfLibAndTheLauncherRunsTheJobWithThem() throws Exception {
        try (Stream<Path> lib = Files.list(Distribution.HOME.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("spark-") || name.startsWith("scala-") || name.startsWith("hadoop-"));
        }
        assertThat(Distribution.HOME.resolve("spark/jars/spark-core_2.13-4.2.0.jar")).exists();
        assertThat(Distribution.HOME.resolve("spark/moravec-spark.jar")).exists();

        Path catalog = starterCatalog();
        Path out = dir.resolve("out");
        Distribution.Run run = Distribution.run("spark", "classify", catalog.toString(), "--out", out.toString(),
                "--master", "local[2]");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Read 486 = classified 486 + rejected 0.").doesNotContain("Exception");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("reconciles").asBoolean()).isTrue();
        assertThat(summary.get("plugins")).hasSize(3);
        try (Stream<Path> parts = Files.list(out.resolve("verdicts"))) {
            assertThat(parts.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".parquet"));
        }
        assertThat(out.resolve("scores/major.csv")).isDirectory();
    }

    @Test
    void aPluginThatDoesNotResolveStopsTheJobWithThePluginHostsMessageAndNoStackTrace() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (Path jar : HostOptions.jarsIn(Distribution.HOME.resolve("plugins"))) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        TestBundles.build(plugins.resolve("broken.jar"), "test.broken", "1.0.0", "dev.moravec.testing.plugins.steady",
                Map.of("Import-Package", "dev.moravec.missing;version=\"[1,2)\",*"));
        Distribution.Run run = Distribution.run("spark", "classify", starterCatalog().toString(), "--out",
                dir.resolve("out").toString(), "--master", "local[2]", "--plugins", plugins.toString(),
                "--allow-unverified");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines.getLast()).startsWith("moravec: the plugin host on executor driver")
                .contains("broken.jar failed to resolve").contains("dev.moravec.missing");
        assertThat(lines).noneMatch(line -> line.strip().startsWith("at "));
    }

    @Test
    void theCommandLineListsSparkAndSendsItToTheLauncher() throws Exception {
        assertThat(Distribution.run("--help").out()).contains("spark");
        Distribution.Run help = Distribution.run("spark", "classify", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--out=DIR").contains("--master=URL");
    }

    private Path starterCatalog() throws Exception {
        Path catalog = dir.resolve("starter-catalog.tsv");
        if (!Files.exists(catalog)) {
            try (InputStream in = StarterCatalog.open()) {
                Files.copy(in, catalog);
            }
        }
        return catalog;
    }
}
