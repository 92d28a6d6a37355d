package dev.moravec.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.host.InstalledPlugins;
import dev.moravec.host.PluginTrust;
import dev.moravec.host.VerifiedPlugins;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import java.nio.file.Path;

/**
 * What a session's plugin host runs: the plugins folder, the configuration with the scorers that
 * {@code moravec plugins disable} switched off, and the rule that decides which jars may run. A session
 * computes it for itself; a distributed job's driver computes it once and hands it to the sessions of
 * its workers ({@link Session#startWorker}), which then run exactly what the driver chose.
 *
 * @param pluginsDir the folder whose jars are the plugins
 * @param config the configuration
 * @param trust which jars may run
 */
public record PluginSetup(Path pluginsDir, EngineConfig config, PluginTrust trust) {

    /**
     * The setup the options choose, as every command uses it: the configuration file (or the
     * distribution's, or the defaults) less the disabled scorers, and jars verified against the
     * distribution's checksums and the user's record of installed plugins ({@link VerifiedPlugins}).
     *
     * @param environment where Moravec runs
     * @param options the user's choices
     * @param mapper the mapper for the configuration file and the record
     * @return the setup
     * @throws BadInputException if the configuration file is wrong, or the record or checksums cannot be read
     */
    public static PluginSetup of(Environment environment, SessionOptions options, ObjectMapper mapper)
            throws BadInputException {
        Path plugins = options.pluginsDir(environment);
        InstalledPlugins installed = environment.installedPlugins(mapper);
        try {
            EngineConfig config = options.config(environment, mapper).disabling(installed.disabled(plugins));
            PluginTrust trust = new VerifiedPlugins(installed, environment.shippedPluginsDir(),
                    environment.shippedChecksums(), options.allowUnverified());
            return new PluginSetup(plugins, config, trust);
        } catch (java.io.UncheckedIOException e) {
            throw new BadInputException(e.getCause().getMessage(), e);
        }
    }
}
