package dev.moravec.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the plugin host runs: where its bundles are, the scorers' settings, which jars it trusts and
 * whether it watches the plugins folder.
 *
 * @param runtimeBundles the OSGi runtime bundles started before any plugin (Declarative Services,
 *     Configuration Admin, Metatype, FileInstall and their dependencies); a failure to start one of
 *     them is fatal
 * @param pluginsDir the folder whose jars are the plugins; a missing folder means no plugins
 * @param scorerSettings each scorer's own settings by scorer id ({@code scorers.<id>.settings} of the
 *     configuration), checked against the metatype the scorer declares
 * @param services host objects registered as OSGi services before any plugin starts, such as the
 *     embedder; their types must come from the exported api
 * @param trust which jars may run
 * @param watch how often to check the plugins folder for jars added, replaced or removed, so they take
 *     effect while the host runs; {@code null} not to watch
 */
public record HostOptions(List<Path> runtimeBundles, Path pluginsDir, Map<String, Map<String, String>> scorerSettings,
        List<Service<?>> services, PluginTrust trust, Duration watch) {

    /** Copies the lists. */
    public HostOptions {
        runtimeBundles = List.copyOf(runtimeBundles);
        scorerSettings = Map.copyOf(scorerSettings);
        services = List.copyOf(services);
    }

    /**
     * Options for a folder the calling program fills itself: every jar trusted, no host services, no
     * watching.
     *
     * @param runtimeBundles the OSGi runtime bundles
     * @param pluginsDir the plugins folder
     * @param scorerSettings each scorer's own settings by scorer id
     */
    public HostOptions(List<Path> runtimeBundles, Path pluginsDir, Map<String, Map<String, String>> scorerSettings) {
        this(runtimeBundles, pluginsDir, scorerSettings, List.of(), PluginTrust.EVERY_JAR, null);
    }

    /**
     * These options, watching the plugins folder.
     *
     * @param poll how often to check it
     * @return the new options
     */
    public HostOptions watching(Duration poll) {
        return new HostOptions(runtimeBundles, pluginsDir, scorerSettings, services, trust, poll);
    }

    /**
     * These options, with another trust rule.
     *
     * @param rule the rule
     * @return the new options
     */
    public HostOptions trusting(PluginTrust rule) {
        return new HostOptions(runtimeBundles, pluginsDir, scorerSettings, services, rule, watch);
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
