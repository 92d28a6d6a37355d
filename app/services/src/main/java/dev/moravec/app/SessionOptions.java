package dev.moravec.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.ConfigurationFile;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a user chooses for a session: the plugins folder, the configuration file, whether unverified
 * plugin jars may run, and the data folder. Each may be {@code null} for its default, which the
 * {@link Environment} supplies.
 *
 * @param plugins the plugins folder, or {@code null} for {@code $MORAVEC_PLUGINS}, else the distribution's
 * @param config the configuration file, or {@code null} for the distribution's {@code conf/moravec.json}
 * @param allowUnverified whether jars never installed (or changed since) may run, each with a warning
 * @param data the data folder, or {@code null} for {@code $MORAVEC_HOME}, else {@code ~/.moravec}
 */
public record SessionOptions(Path plugins, Path config, boolean allowUnverified, Path data) {

    /**
     * The configuration file in use, for reports.
     *
     * @param environment where Moravec runs
     * @return the chosen file, else the distribution's default if present, else {@code null}
     */
    public Path configFile(Environment environment) {
        if (config != null) {
            return config;
        }
        Path shipped = environment.defaultConfig();
        return Files.isRegularFile(shipped) ? shipped : null;
    }

    /**
     * The configuration to use: the chosen file, else the distribution's default, else the built-in defaults.
     *
     * @param environment where Moravec runs
     * @param mapper the JSON mapper
     * @return the configuration
     * @throws BadInputException if the file is wrong
     */
    public EngineConfig config(Environment environment, ObjectMapper mapper) throws BadInputException {
        Path file = configFile(environment);
        return file == null ? EngineConfig.defaults() : ConfigurationFile.read(file, mapper);
    }

    /**
     * The data folder.
     *
     * @param environment where Moravec runs
     * @return the chosen folder, else {@code MORAVEC_HOME}, else {@code ~/.moravec}
     */
    public Path dataDir(Environment environment) {
        return environment.dataDir(data);
    }

    /**
     * The plugins folder.
     *
     * @param environment where Moravec runs
     * @return the chosen folder, else {@code MORAVEC_PLUGINS}, else the distribution's {@code plugins/}
     */
    public Path pluginsDir(Environment environment) {
        return environment.pluginsDir(plugins);
    }
}
