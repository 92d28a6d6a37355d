package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.Environment;
import dev.moravec.app.PluginSetup;
import dev.moravec.app.SessionOptions;
import dev.moravec.catalog.ConfigurationFile;
import dev.moravec.host.HostOptions;
import dev.moravec.host.PluginTrust;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Digest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the driver ships to the executors, decided as {@code classify} decides it: the OSGi runtime
 * bundles, the plugin jars the trust rule accepts (a refused jar is left out with a warning, as
 * {@code classify} leaves it out; one run unverified is named in a warning) and the configuration with the disabled scorers switched off. They come
 * from the distribution the driver runs in, or, where there is none (the job jar under
 * {@code spark-submit} on a cluster), from the kit inside the job jar: the runtime bundles, the shipped
 * scorers, their checksums and the calibrated configuration. Close it to delete an extracted kit.
 */
public final class JobKit implements AutoCloseable {

    /** Where the job jar holds its kit; {@value #KIT}{@code kit.list} names its files. */
    static final String KIT = "/dev/moravec/spark/kit/";

    private final List<Path> bundles;
    private final Map<Path, WorkerSetup.ApprovedJar> plugins;
    private final String configuration;
    private final List<String> warnings;
    private final Path extracted;

    private JobKit(List<Path> bundles, Map<Path, WorkerSetup.ApprovedJar> plugins, String configuration,
            List<String> warnings, Path extracted) {
        this.bundles = bundles;
        this.plugins = plugins;
        this.configuration = configuration;
        this.warnings = warnings;
        this.extracted = extracted;
    }

    /**
     * Decides what to ship.
     *
     * @param environment where the driver runs; without a {@code bundles/} folder, the job jar's kit is used
     * @param options the plugins folder, configuration, trust and data folder the user chose
     * @param mapper the mapper for the configuration and the record of installed plugins
     * @return the kit
     * @throws BadInputException if the configuration is wrong
     * @throws IOException if a jar cannot be read, or the kit cannot be extracted
     */
    public static JobKit prepare(Environment environment, SessionOptions options, ObjectMapper mapper)
            throws BadInputException, IOException {
        Path extracted = null;
        Environment home = environment;
        if (!environment.hasBundles()) {
            extracted = extractKit();
            home = new Environment(extracted, environment.variables(), environment.stdin(), environment.stdout());
        }
        boolean done = false;
        try {
            PluginSetup setup = PluginSetup.of(home, options, mapper);
            Map<Path, WorkerSetup.ApprovedJar> trusted = new LinkedHashMap<>();
            List<String> warnings = new ArrayList<>();
            for (Path jar : HostOptions.jarsIn(setup.pluginsDir())) {
                String sha256 = Digest.sha256(Files.readAllBytes(jar));
                PluginTrust.Decision decision = setup.trust().check(jar.toAbsolutePath(), sha256);
                if (decision.trusted()) {
                    trusted.put(jar, new WorkerSetup.ApprovedJar(sha256, decision.kind().name(), decision.reason()));
                    if (decision.kind() == PluginTrust.Kind.UNVERIFIED) {
                        warnings.add("plugin " + jar.getFileName() + " runs " + decision.reason());
                    }
                } else {
                    warnings.add("plugin " + jar.getFileName() + " refused: " + decision.reason());
                }
            }
            if (trusted.isEmpty()) {
                throw new BadInputException("no plugin to run: the plugins folder " + setup.pluginsDir()
                        + " has no jar the job may run" + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings)
                        + ")") + "; give --plugins a folder of scorer bundles");
            }
            Path written = Files.createTempFile("moravec-spark-config-", ".json");
            String configuration;
            try {
                ConfigurationFile.write(setup.config(), written, mapper);
                configuration = Files.readString(written);
            } finally {
                Files.deleteIfExists(written);
            }
            JobKit kit = new JobKit(HostOptions.jarsIn(home.bundlesDir()), trusted, configuration, warnings, extracted);
            done = true;
            return kit;
        } finally {
            if (!done && extracted != null) {
                delete(extracted);
            }
        }
    }

    /** @return one line for each plugin jar left out, without a prefix */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The files to ship, as {@code spark-submit --files} takes them: given to the Spark session as
     * {@code spark.files} when it starts. (Files added to a running context are not sent with the tasks of
     * Spark SQL's queries, which run in the session's own set of artifacts.)
     *
     * @return the URIs of the runtime bundles and the trusted plugin jars
     */
    public List<String> files() {
        List<String> files = new ArrayList<>();
        for (Path bundle : bundles) {
            files.add(bundle.toAbsolutePath().toUri().toString());
        }
        for (Path jar : plugins.keySet()) {
            files.add(jar.toAbsolutePath().toUri().toString());
        }
        return files;
    }

    /**
     * What the executors start their plugin host with, finding the {@link #files()} with {@code SparkFiles}.
     *
     * @param dataDir the executors' data folder, or {@code null} for their own default
     * @param threads scoring threads per executor, 0 for its cores
     * @param batchSize tasks rated at once
     * @return the setup
     */
    public WorkerSetup setup(String dataDir, int threads, int batchSize) {
        List<String> bundleNames = bundles.stream().map(b -> b.getFileName().toString()).toList();
        Map<String, WorkerSetup.ApprovedJar> approved = new LinkedHashMap<>();
        plugins.forEach((jar, decision) -> approved.put(jar.getFileName().toString(), decision));
        return new WorkerSetup(bundleNames, approved, configuration, dataDir, threads, batchSize);
    }

    @Override
    public void close() {
        if (extracted != null) {
            delete(extracted);
        }
    }

    private static Path extractKit() throws IOException {
        InputStream list = JobKit.class.getResourceAsStream(KIT + "kit.list");
        if (list == null) {
            throw new IOException("Moravec's distribution was not found (no bundles/ folder beside lib/ or the job jar)"
                    + " and the job jar holds no kit: run the job jar that the build made (spark/moravec-spark.jar)");
        }
        Path dir = Files.createTempDirectory("moravec-spark-kit-");
        try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                if (name.isBlank()) {
                    continue;
                }
                Path target = dir.resolve(name.strip()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("the job jar's kit names a file outside it: " + name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = JobKit.class.getResourceAsStream(KIT + name.strip())) {
                    if (in == null) {
                        throw new IOException("the job jar's kit lacks " + name + "; rebuild the job jar");
                    }
                    Files.copy(in, target);
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
        return dir;
    }

    /**
     * Deletes a temporary folder, as far as it can: one left behind is harmless.
     *
     * @param dir the folder
     */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
