package dev.moravec.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Embedder;
import dev.moravec.embeddings.EmbeddingService;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.host.HostOptions;
import dev.moravec.host.PluginHost;
import dev.moravec.host.PluginHostException;
import dev.moravec.host.PluginState;
import dev.moravec.host.PluginStatus;
import dev.moravec.host.PluginTrust;
import dev.moravec.scoring.ScoringEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;
import dev.moravec.taxonomy.index.IndexTaxonomyView;
import dev.moravec.taxonomy.index.TaxonomyIndex;

/**
 * The composition root: a running plugin host with the shared embedder, the taxonomy index the scorers
 * read, and the scoring engine over the host's scorers, for one command or one server. Closed when the
 * work ends (also on errors, since Felix's threads would otherwise keep the JVM alive).
 */
public final class Session implements AutoCloseable {

    /**
     * How long a server's quarantine of a broken scorer lasts before the scorer is probed again (a
     * command's quarantine lasts to its end).
     */
    public static final java.time.Duration QUARANTINE_COOL_DOWN = java.time.Duration.ofSeconds(60);

    /** How often a working command checks the plugins folder for changes. */
    static final java.time.Duration WATCH_POLL = java.time.Duration.ofSeconds(1);

    private final PluginHost host;
    private final EngineConfig config;
    private final EmbeddingService embedder;
    private final TaxonomyIndex taxonomy;
    private final boolean ownsTaxonomy;
    private ScoringEngine engine;

    private Session(PluginHost host, EngineConfig config, EmbeddingService embedder, TaxonomyIndex taxonomy,
            boolean ownsTaxonomy) {
        this.host = host;
        this.config = config;
        this.embedder = embedder;
        this.taxonomy = taxonomy;
        this.ownsTaxonomy = ownsTaxonomy;
    }

    /**
     * Starts the host with the plugins and configuration the options name; scorers see the taxonomy
     * index of the data folder, if there is one.
     *
     * @param environment where the distribution is
     * @param options the shared options
     * @param mapper the mapper for the configuration file
     * @return the session
     * @throws BadInputException if the configuration file is wrong
     * @throws PluginHostException if the framework cannot start
     * @throws IOException if the bundles folder cannot be listed
     */
    public static Session start(Environment environment, SessionOptions options, ObjectMapper mapper)
            throws BadInputException, PluginHostException, IOException {
        return start(environment, options, mapper, null);
    }

    /**
     * Starts the host with the plugins and configuration the options name; scorers see the given index.
     *
     * @param environment where the distribution is
     * @param options the shared options
     * @param mapper the mapper for the configuration file
     * @param taxonomyIndex the index scorers see, which the caller keeps open and closes; {@code null}
     *     for the data folder's index, if there is one
     * @return the session
     * @throws BadInputException if the configuration file is wrong
     * @throws PluginHostException if the framework cannot start
     * @throws IOException if the bundles folder cannot be listed
     */
    public static Session start(Environment environment, SessionOptions options, ObjectMapper mapper, TaxonomyIndex taxonomyIndex)
            throws BadInputException, PluginHostException, IOException {
        return start(environment, options, mapper, taxonomyIndex, true);
    }

    /**
     * Starts the host with the plugins and configuration the options name, verifying every jar (see
     * {@link VerifiedPlugins}) and leaving out the scorers disabled with {@code moravec plugins disable}.
     *
     * @param environment where the distribution is
     * @param options the shared options
     * @param mapper the mapper for the configuration file
     * @param taxonomyIndex the index scorers see, which the caller keeps open and closes; {@code null}
     *     for the data folder's index, if there is one
     * @param working true for a command that rates: it watches the plugins folder, so jars added,
     *     replaced or removed while it runs take effect, and wrong scorer settings stop it; false for a
     *     command that inspects the plugins, which reports wrong settings instead and rates nothing, so
     *     it opens no taxonomy index
     * @return the session
     * @throws BadInputException if the configuration file or a scorer's settings are wrong
     * @throws PluginHostException if the framework cannot start
     * @throws IOException if the bundles folder cannot be listed
     */
    public static Session start(Environment environment, SessionOptions options, ObjectMapper mapper, TaxonomyIndex taxonomyIndex,
            boolean working) throws BadInputException, PluginHostException, IOException {
        return start(environment, PluginSetup.of(environment, options, mapper), options.dataDir(environment), mapper,
                taxonomyIndex, working, working ? WATCH_POLL : null);
    }

    /**
     * Starts the session of one worker of a distributed job (a Spark executor): its driver chose the
     * plugins, the configuration and which jars may run, so the session reads no user record and runs
     * exactly that setup. It rates, so it opens the data folder's taxonomy index, if there is one, and
     * wrong scorer settings stop it; it does not watch the plugins folder, whose jars the job brought.
     *
     * @param environment where the runtime bundles are ({@link Environment#bundlesDir()})
     * @param setup the plugins folder, the configuration and the trust rule the driver chose
     * @param dataDir the data folder: the taxonomy index scorers read and the vector cache
     * @param mapper the mapper for the taxonomy index
     * @return the session
     * @throws BadInputException if a scorer's settings are wrong
     * @throws PluginHostException if the framework cannot start
     * @throws IOException if the bundles folder cannot be listed
     */
    public static Session startWorker(Environment environment, PluginSetup setup, Path dataDir, ObjectMapper mapper)
            throws BadInputException, PluginHostException, IOException {
        return start(environment, setup, dataDir, mapper, null, true, null);
    }

    private static Session start(Environment environment, PluginSetup setup, Path data, ObjectMapper mapper,
            TaxonomyIndex taxonomyIndex, boolean working, java.time.Duration watch)
            throws BadInputException, PluginHostException, IOException {
        EngineConfig config = setup.config();
        // the model loads only when a scorer first embeds, so sessions without such scorers do not pay for it
        EmbeddingService embedder = new EmbeddingService(data.resolve("cache"), Runtime.getRuntime().availableProcessors(),
                environment.vectorCacheBytes());
        boolean ownsTaxonomy = taxonomyIndex == null && working;
        // the index opens while the framework starts: both take a good part of start-up
        FutureTask<TaxonomyIndex> opening = ownsTaxonomy
                ? new FutureTask<>(() -> Taxonomies.openIfPresent(data, mapper)) : null;
        if (opening != null) {
            Thread.ofPlatform().name("moravec-open-taxonomy").daemon().start(opening);
        }
        PluginHost host = null;
        boolean started = false;
        try {
            HostOptions hostOptions = new HostOptions(HostOptions.jarsIn(environment.bundlesDir()), setup.pluginsDir(),
                    config.scorerSettings(), List.of(new HostOptions.Service<>(Embedder.class, embedder)), setup.trust(),
                    watch);
            host = PluginHost.start(hostOptions);
            TaxonomyIndex taxonomy = opening != null ? opened(opening) : taxonomyIndex;
            Session session = new Session(host, config, embedder, taxonomy, ownsTaxonomy);
            started = true;
            if (working) {
                session.failOnMisconfiguredPlugins();
            }
            return session;
        } finally {
            if (!started) {
                if (host != null) {
                    host.close();
                }
                embedder.close();
                if (opening != null) {
                    closeWhenOpened(opening);
                }
            }
        }
    }

    private static TaxonomyIndex opened(FutureTask<TaxonomyIndex> opening)
            throws IOException, BadInputException {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while opening the taxonomy index");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof BadInputException bad) {
                throw bad;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("opening the taxonomy index failed", e.getCause());
        }
    }

    /** Closes the index a failed start opened, once it is open. */
    private static void closeWhenOpened(FutureTask<TaxonomyIndex> opening) {
        try {
            closeQuietly(opening.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            // it did not open: nothing to close
        }
    }

    private void failOnMisconfiguredPlugins() throws BadInputException {
        List<String> problems = host.plugins().stream().filter(p -> p.state() == PluginState.MISCONFIGURED)
                .map(p -> p.file().getFileName() + ": " + p.problem()).toList();
        if (!problems.isEmpty()) {
            close();
            throw new BadInputException("wrong scorer settings in the configuration: " + String.join("; ", problems)
                    + ". Fix them ('moravec plugins info ID' lists a scorer's settings)");
        }
    }

    /** @return the configuration, with the scorers disabled by 'moravec plugins disable' switched off */
    public EngineConfig config() {
        return config;
    }

    /** @return the embedding service the plugins share */
    public EmbeddingService embedder() {
        return embedder;
    }

    /** @return the taxonomy index the scorers see, or {@code null} when none was imported */
    public TaxonomyIndex taxonomy() {
        return taxonomy;
    }

    /** @return the plugin host */
    public PluginHost host() {
        return host;
    }

    /**
     * The scoring engine, started on first use.
     *
     * @param threads the worker threads
     * @return the engine
     * @throws PluginHostException if no scorer is active
     */
    public ScoringEngine engine(int threads) throws PluginHostException {
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
    public ScoringEngine engine(int threads, boolean requireScorer) throws PluginHostException {
        return engine(threads, requireScorer, null);
    }

    /**
     * The scoring engine of a server, started on first use: it runs long, so a run of failures
     * quarantines a scorer only when a probe with a plain task fails too (the tasks of a client's
     * requests cannot switch a scorer off for everyone), and a quarantine lifts when a probe after
     * {@link #QUARANTINE_COOL_DOWN} rates. It starts without an active scorer and follows the registry.
     *
     * @param threads the worker threads
     * @return the engine
     */
    public ScoringEngine serverEngine(int threads) {
        try {
            return engine(threads, false, QUARANTINE_COOL_DOWN);
        } catch (PluginHostException e) {
            throw new IllegalStateException("no scorer is required", e);
        }
    }

    private ScoringEngine engine(int threads, boolean requireScorer, java.time.Duration coolDown)
            throws PluginHostException {
        if (engine == null) {
            engine = new ScoringEngine(host.registry(), config, threads,
                    taxonomy == null ? null : new IndexTaxonomyView(taxonomy), coolDown);
        }
        if (requireScorer && engine.scorers().isEmpty()) {
            throw new PluginHostException("no scorer is active: the plugins folder " + host.pluginsDir()
                    + " has no working scorer bundle (run 'moravec plugins list' to see why), or the"
                    + " configuration disables them all", null);
        }
        return engine;
    }

    /**
     * What to warn about the plugins: each that did not start, and each that runs unverified, so a
     * broken jar is reported, not fatal.
     *
     * @return one line each, without a prefix
     */
    public List<String> pluginWarnings() {
        List<String> warnings = new java.util.ArrayList<>();
        for (PluginStatus plugin : host.plugins()) {
            if (plugin.state() != PluginState.ACTIVE) {
                warnings.add("plugin " + plugin.file().getFileName() + " " + plugin.state().label() + ": " + plugin.problem());
            } else if (plugin.verifiedAs(PluginTrust.Kind.UNVERIFIED)) {
                warnings.add("plugin " + plugin.file().getFileName() + " runs " + plugin.trust().reason());
            }
        }
        return warnings;
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            host.close();
            closeQuietly(embedder);
            if (ownsTaxonomy) {
                closeQuietly(taxonomy);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing read-only resources after the work is done: nothing left to save
            org.slf4j.LoggerFactory.getLogger(Session.class).debug("close failed", e);
        }
    }
}
