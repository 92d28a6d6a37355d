package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.Environment;
import dev.moravec.app.SessionOptions;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every command that starts the plugin host. */
public final class HostMixin {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of scorer plugin bundles (default: $MORAVEC_PLUGINS, else the distribution's plugins/).")
    public Path plugins;

    @Mixin
    public ConfigMixin configuration;

    @Option(names = "--allow-unverified",
            description = "Run plugin jars that were never installed with 'moravec plugins install', or that changed"
                    + " since, for this run only (each is named in a warning). See the trust model in docs/plugins.md.")
    public boolean allowUnverified;

    @Mixin
    public DataMixin data;

    /** @return what these options choose for a session */
    public SessionOptions session() {
        return new SessionOptions(plugins, configuration.config, allowUnverified, data.data);
    }

    /**
     * The configuration to use: the {@code --config} file, else the distribution's default
     * {@code conf/moravec.json}, else the built-in defaults.
     *
     * @param environment where the command runs
     * @param mapper the JSON mapper
     * @return the configuration
     * @throws BadInputException if the file is wrong
     */
    public EngineConfig config(Environment environment, ObjectMapper mapper) throws BadInputException {
        return session().config(environment, mapper);
    }

    /**
     * The configuration file in use, for reports.
     *
     * @param environment where the command runs
     * @return the {@code --config} file, else the distribution's default if present, else {@code null}
     */
    public Path configFile(Environment environment) {
        return session().configFile(environment);
    }
}
