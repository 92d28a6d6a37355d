package dev.moravec.app;


import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the command runs: the distribution's home folder (its {@code bundles/} and {@code plugins/}),
 * the environment variables it reads, and its standard streams. Tests make their own.
 *
 * @param home the distribution's folder, holding {@code bundles/} and {@code plugins/}
 * @param variables environment variables ({@code MORAVEC_PLUGINS})
 * @param stdin what {@code -} reads
 * @param stdout where output goes when no {@code --out} is given; the process's is a plain stream on file
 *     descriptor 1, so that its write errors are thrown rather than swallowed as {@link System#out}'s are
 */
public record Environment(Path home, Map<String, String> variables, InputStream stdin, OutputStream stdout) {

    /**
     * The process's environment: home from the system property {@code moravec.home} (the launcher
     * sets it), else the folder above the jar this class came from ({@code lib/..}).
     *
     * @return the environment
     */
    public static Environment fromSystem() {
        String property = System.getProperty("moravec.home");
        Path home = property != null ? Path.of(property) : jarHome();
        return new Environment(home.toAbsolutePath().normalize(), System.getenv(), System.in,
                new FileOutputStream(FileDescriptor.out));
    }

    private static Path jarHome() {
        try {
            Path jar = Path.of(Environment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            return lib == null || lib.getParent() == null ? Path.of(".") : lib.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".");
        }
    }

    /** @return the distribution's default configuration, {@code conf/moravec.json}, which may not exist */
    public Path defaultConfig() {
        return home.resolve("conf").resolve("moravec.json");
    }

    /** @return the folder of the OSGi runtime bundles */
    public Path bundlesDir() {
        return home.resolve("bundles");
    }

    /**
     * The plugins folder: the option if given, else {@code MORAVEC_PLUGINS}, else the distribution's
     * {@code plugins/}.
     *
     * @param option the {@code --plugins} option, or {@code null}
     * @return the folder
     */
    public Path pluginsDir(Path option) {
        if (option != null) {
            return option;
        }
        String variable = variables.get("MORAVEC_PLUGINS");
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return home.resolve("plugins");
    }

    /**
     * The data folder (the taxonomy index and caches): the option if given, else {@code MORAVEC_HOME},
     * else {@code ~/.moravec}.
     *
     * @param option the {@code --data} option, or {@code null}
     * @return the folder
     */
    public Path dataDir(Path option) {
        if (option != null) {
            return option;
        }
        String variable = variables.get("MORAVEC_HOME");
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return Path.of(System.getProperty("user.home"), ".moravec");
    }

    /**
     * The user's own Moravec folder, where the record of installed plugins lives: {@code MORAVEC_HOME},
     * else {@code ~/.moravec}. Unlike the data folder, {@code --data} does not move it, so a plugin
     * installed once is trusted whichever taxonomy a command reads.
     *
     * @return the folder, which may not exist yet
     */
    public Path userDir() {
        return dataDir(null);
    }

    /** @return the distribution's own plugins folder, whose shipped jars its checksum file vouches for */
    public Path shippedPluginsDir() {
        return home.resolve("plugins");
    }

    /** @return the distribution's checksums of its shipped plugins, {@code conf/shipped-plugins.sha256} */
    public Path shippedChecksums() {
        return home.resolve("conf").resolve(dev.moravec.host.VerifiedPlugins.SHIPPED_CHECKSUMS);
    }

    /**
     * The user's record of installed plugins.
     *
     * @param mapper the mapper to read and write it
     * @return the record, in {@link #userDir()}
     */
    public dev.moravec.host.InstalledPlugins installedPlugins(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return new dev.moravec.host.InstalledPlugins(userDir().resolve(dev.moravec.host.InstalledPlugins.FILE_NAME), mapper);
    }

    /**
     * The cap of the vector cache in the data folder: {@code MORAVEC_VECTOR_CACHE_MB} megabytes, else 1,024.
     * Past it the older vectors are dropped, so anonymous requests to a server cannot fill the disk.
     *
     * @return the cap in bytes
     * @throws dev.moravec.model.BadInputException if the variable is not a whole number of megabytes from 1 to 1,048,576
     */
    public long vectorCacheBytes() throws dev.moravec.model.BadInputException {
        String value = variables.get("MORAVEC_VECTOR_CACHE_MB");
        if (value == null || value.isBlank()) {
            return dev.moravec.embeddings.EmbeddingService.DEFAULT_CACHE_BYTES;
        }
        try {
            long megabytes = Long.parseLong(value.strip());
            if (megabytes >= 1 && megabytes <= 1 << 20) {
                return megabytes << 20;
            }
        } catch (NumberFormatException e) {
            // said below, as an out-of-range value is
        }
        throw new dev.moravec.model.BadInputException("MORAVEC_VECTOR_CACHE_MB must be a whole number of megabytes from 1"
                + " to 1048576, not " + dev.moravec.model.Quoted.of(value));
    }

    /** @return whether the home folder looks like a distribution */
    public boolean hasBundles() {
        return Files.isDirectory(bundlesDir());
    }
}
