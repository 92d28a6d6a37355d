package dev.moravec.spark.internal;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What every executor needs to start its plugin host as the driver decided, sent with the job's tasks:
 * the names of the files the driver shipped (found on an executor with {@code SparkFiles.get}), which
 * plugin jars it trusts, the configuration, the data folder and how to rate. Small and serialisable;
 * nothing of a plugin host travels.
 *
 * @param bundles the file names of the OSGi runtime bundles
 * @param plugins the file names of the plugin jars the driver trusts, each with the driver's decision
 * @param configuration the configuration file's content, as {@code ConfigurationFile} writes it
 * @param dataDir the data folder (the taxonomy index scorers read, the vector cache); {@code null} for each
 *     executor's own default ({@code MORAVEC_HOME}, else {@code ~/.moravec})
 * @param threads the scoring threads per executor JVM; 0 for the number of cores it may use
 * @param batchSize the tasks rated at once
 */
public record WorkerSetup(List<String> bundles, Map<String, ApprovedJar> plugins, String configuration, String dataDir,
        int threads, int batchSize) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the collections. */
    public WorkerSetup {
        bundles = List.copyOf(bundles);
        plugins = Map.copyOf(plugins);
    }

    /**
     * A plugin jar the driver decided to run.
     *
     * @param sha256 the SHA-256 of the bytes the driver read and shipped
     * @param kind how the driver verified it ({@code PluginTrust.Kind} by name)
     * @param reason the driver's reason, as {@code moravec plugins list} shows it
     */
    public record ApprovedJar(String sha256, String kind, String reason) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
