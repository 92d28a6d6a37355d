package dev.moravec.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the plugin host finds its bundles.
 *
 * @param runtimeBundles the OSGi runtime bundles started before any plugin (Declarative Services and
 *     its dependencies); a failure to start one of them is fatal
 * @param pluginsDir the folder whose jars are the plugins; a missing folder means no plugins
 * @param properties extra framework properties, such as scorer settings from the configuration
 * @param services host objects registered as OSGi services before any plugin starts, such as the
 *     embedder; their types must come from the exported api
 */
public record HostOptions(List<Path> runtimeBundles, Path pluginsDir, Map<String, String> properties,
        List<Service<?>> services) {

    /** Copies the lists. */
    public HostOptions {
        runtimeBundles = List.copyOf(runtimeBundles);
        properties = Map.copyOf(properties);
        services = List.copyOf(services);
    }

    /**
     * Options without host services.
     *
     * @param runtimeBundles the OSGi runtime bundles
     * @param pluginsDir the plugins folder
     * @param properties extra framework properties
     */
    public HostOptions(List<Path> runtimeBundles, Path pluginsDir, Map<String, String> properties) {
        this(runtimeBundles, pluginsDir, properties, List.of());
    }

    /**
     * A host object offered to plugins as an OSGi service.
     *
     * @param type the service interface, from the exported api
     * @param service the object
     * @param <T> the service type
     */
    public record Service<T>(Class<T> type, T service) {}

    /**
     * Every jar in a folder, by name.
     *
     * @param dir the folder
     * @return the jars; empty if the folder does not exist
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }
}
