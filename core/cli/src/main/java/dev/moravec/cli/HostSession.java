package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.engine.BadInputException;
import dev.moravec.engine.EngineConfig;
import dev.moravec.engine.HostOptions;
import dev.moravec.engine.PluginHost;
import dev.moravec.engine.PluginHostException;
import dev.moravec.engine.PluginState;
import dev.moravec.engine.PluginStatus;
import dev.moravec.engine.ScoringEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A running plugin host and scoring engine for one command, closed when the command ends (also on
 * errors, since Felix's threads would otherwise keep the JVM alive).
 */
final class HostSession implements AutoCloseable {

    private final PluginHost host;
    private final EngineConfig config;
    private ScoringEngine engine;

    private HostSession(PluginHost host, EngineConfig config) {
        this.host = host;
        this.config = config;
    }

    /**
     * Starts the host with the plugins and configuration the options name.
     *
     * @param environment where the distribution is
     * @param options the shared options
     * @param mapper the mapper for the configuration file
     * @return the session
     * @throws BadInputException if the configuration file is wrong
     * @throws PluginHostException if the framework cannot start
     * @throws IOException if the bundles folder cannot be listed
     */
    static HostSession start(Environment environment, HostMixin options, ObjectMapper mapper)
            throws BadInputException, PluginHostException, IOException {
        EngineConfig config = config(options, mapper);
        Path plugins = environment.pluginsDir(options.plugins);
        HostOptions hostOptions = new HostOptions(HostOptions.jarsIn(environment.bundlesDir()), plugins,
                config.scorerProperties());
        return new HostSession(PluginHost.start(hostOptions), config);
    }

    /**
     * The configuration the options name.
     *
     * @param options the shared options
     * @param mapper the mapper for the configuration file
     * @return the file's configuration, or the defaults without {@code --config}
     * @throws BadInputException if the configuration file is wrong
     */
    static EngineConfig config(HostMixin options, ObjectMapper mapper) throws BadInputException {
        return options.config == null ? EngineConfig.defaults() : EngineConfig.read(options.config, mapper);
    }

    /** @return the plugin host */
    PluginHost host() {
        return host;
    }

    /**
     * The scoring engine, started on first use.
     *
     * @param threads the worker threads
     * @return the engine
     * @throws PluginHostException if no scorer is active
     */
    ScoringEngine engine(int threads) throws PluginHostException {
        return engine(threads, true);
    }

    /**
     * The scoring engine, started on first use.
     *
     * @param threads the worker threads
     * @param requireScorer whether no active scorer is an error; a server starts without one and
     *     follows the registry as scorers come
     * @return the engine
     * @throws PluginHostException if no scorer is active and one is required
     */
    ScoringEngine engine(int threads, boolean requireScorer) throws PluginHostException {
        if (engine == null) {
            engine = new ScoringEngine(host.registry(), config, threads);
        }
        if (requireScorer && engine.scorers().isEmpty()) {
            throw new PluginHostException("no scorer is active: the plugins folder " + host.pluginsDir()
                    + " has no working scorer bundle (run 'moravec plugins list' to see why), or the"
                    + " configuration disables them all", null);
        }
        return engine;
    }

    /**
     * Warns about plugins that did not start, one line each, so a broken jar is reported, not fatal.
     *
     * @param err where to warn
     */
    void warnAboutBrokenPlugins(PrintWriter err) {
        for (PluginStatus plugin : host.plugins()) {
            if (plugin.state() != PluginState.ACTIVE) {
                err.println("moravec: warning: plugin " + plugin.file().getFileName() + " " + plugin.state().label()
                        + ": " + plugin.problem());
            }
        }
        err.flush();
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            host.close();
        }
    }
}
