package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.engine.BadInputException;
import dev.moravec.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every command that starts the plugin host. */
final class HostMixin {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of scorer plugin bundles (default: $MORAVEC_PLUGINS, else the distribution's plugins/).")
    Path plugins;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON configuration: thresholds, scorer weights and settings, time limit (default: the"
                    + " distribution's conf/moravec.json, calibrated for the shipped scorers; see README).")
    Path config;

    @Option(names = "--allow-unverified",
            description = "Run plugin jars that were never installed with 'moravec plugins install', or that changed"
                    + " since, for this run only (each is named in a warning). See the README's trust model.")
    boolean allowUnverified;

    @Mixin
    DataMixin data;

    /**
     * The configuration to use: the {@code --config} file, else the distribution's default
     * {@code conf/moravec.json}, else the built-in defaults.
     *
     * @param environment where the command runs
     * @param mapper the JSON mapper
     * @return the configuration
     * @throws BadInputException if the file is wrong
     */
    EngineConfig config(Environment environment, ObjectMapper mapper) throws BadInputException {
        Path file = configFile(environment);
        return file == null ? EngineConfig.defaults() : EngineConfig.read(file, mapper);
    }

    /**
     * The configuration file in use, for reports.
     *
     * @param environment where the command runs
     * @return the {@code --config} file, else the distribution's default if present, else {@code null}
     */
    Path configFile(Environment environment) {
        if (config != null) {
            return config;
        }
        Path shipped = environment.defaultConfig();
        return Files.isRegularFile(shipped) ? shipped : null;
    }
}
