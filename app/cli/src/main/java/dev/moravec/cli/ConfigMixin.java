package dev.moravec.cli;

import dev.moravec.app.SessionOptions;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option: thresholds, scorer weights and settings, time limit, scenarios. */
public final class ConfigMixin {

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON configuration: thresholds, scorer weights and settings, time limit, scenarios (default:"
                    + " the distribution's conf/moravec.json, calibrated for the shipped scorers; see docs/configuration.md).")
    public Path config;

    /**
     * The configuration to use: the {@code --config} file, else the distribution's default
     * {@code conf/moravec.json}, else the built-in defaults.
     *
     * @param moravec the command line
     * @return the configuration
     * @throws BadInputException if the file is wrong
     */
    public EngineConfig read(Moravec moravec) throws BadInputException {
        return new SessionOptions(null, config, false, null).config(moravec.environment, moravec.mapper);
    }
}
