package dev.moravec.host;

import dev.moravec.api.TaskScorer;
import dev.moravec.host.internal.Bundles;
import dev.moravec.host.internal.ExitCalls;
import dev.moravec.host.internal.FelixRuntime;
import dev.moravec.host.internal.FolderWatch;
import dev.moravec.host.internal.PluginInspection;
import dev.moravec.host.internal.PluginInstaller;
import dev.moravec.host.internal.ScorerConfigurations;
import dev.moravec.host.internal.ScorerTracker;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScorerRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Apache Felix framework that runs the scoring plugins. It exports the Moravec api (and
 * Jackson and SLF4J) through the system bundle, starts the runtime bundles (Declarative Services,
 * Configuration Admin, Metatype), hands the scorers their settings, then verifies, installs and starts
 * every jar in the plugins folder, and follows the {@link TaskScorer} services they register in a
 * {@link ScorerRegistry}. When asked to, it watches the folder (with FileInstall) and applies jars
 * added, replaced or removed while it runs.
 *
 * <p>Every jar goes through one path, at start and when watched: the host reads its bytes, asks the
 * {@link PluginTrust} about their SHA-256, installs exactly those bytes, checks the scorers' settings
 * against the bundle's metatype, and only then starts it. A replaced jar's new bundle starts before
 * the old one stops, and a scorer whose bundle stops waits for the batches in flight to finish with it
 * ({@link ScorerHandle}), so every task of a batch is rated by one version of each scorer.
 *
 * <p>A bad plugin never stops the host: a jar that is refused, is not a bundle, does not resolve, is
 * misconfigured or fails to start is reported in {@link #plugins()} with the reason. Nor can a plugin
 * end the process: its calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} are
 * rewritten as its classes load into a {@link dev.moravec.host.guard.ProcessExitDenied} thrown at the
 * caller, so a rating fails, an activation fails or a thread the plugin started ends instead. Always
 * {@link #close()} the host, also on errors: Felix runs non-daemon threads that would keep the JVM alive.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final FelixRuntime runtime;
    private final Path pluginsDir;
    private ScorerConfigurations configurations;
    private ScorerTracker scorers;
    private PluginInspection inspection;
    private PluginInstaller installer;
    private FolderWatch watch;
    private volatile boolean closing;

    private PluginHost(FelixRuntime runtime, Path pluginsDir) {
        this.runtime = runtime;
        this.pluginsDir = pluginsDir;
    }

    /**
     * Starts the framework, the runtime bundles and every plugin, and the watch if asked for.
     *
     * @param options where the bundles are, the settings, the trust rule
     * @return the running host
     * @throws PluginHostException if the framework or a runtime bundle cannot start
     */
    public static PluginHost start(HostOptions options) throws PluginHostException {
        PluginHost host = new PluginHost(FelixRuntime.start(options), options.pluginsDir());
        boolean started = false;
        try {
            host.configurations = new ScorerConfigurations(host.runtime.context(), options.scorerSettings());
            host.configurations.publish();
            host.runtime.register(options.services());
            host.scorers = new ScorerTracker(host.runtime.context(), host.configurations);
            host.inspection = new PluginInspection(host.runtime.context(), host.scorers, host.configurations);
            host.installer = new PluginInstaller(host.runtime, options.trust(), host.configurations, host.scorers,
                    host.inspection);
            host.installer.installAll(options.pluginsDir());
            if (options.watch() != null) {
                host.watch = host.runtime.watch(host.new Changes());
            }
            started = true;
            return host;
        } catch (IOException e) {
            throw new PluginHostException("the scorers' settings could not be handed to them: " + e.getMessage(), e);
        } finally {
            if (!started) {
                host.close();
            }
        }
    }

    // the watched folder's changes, applied until the host closes
    private final class Changes implements FolderWatch.Listener {
        @Override
        public void changed(Path jar) {
            if (!closing) {
                installer.load(jar.toAbsolutePath(), true);
            }
        }

        @Override
        public void removed(Path jar) {
            if (!closing) {
                installer.unload(jar.toAbsolutePath());
            }
        }
    }

    /** @return the scorers the plugins registered */
    public ScorerRegistry registry() {
        return scorers.registry();
    }

    /** @return the plugins folder */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /**
     * What became of each jar in the plugins folder.
     *
     * @return one status per jar, by file name
     */
    public List<PluginStatus> plugins() {
        return installer.read(inspection::statuses);
    }

    /**
     * The settings a scorer declares, with their defaults and configured values.
     *
     * @param scorer a scorer of this host
     * @return its settings; empty if it declares none or is gone
     */
    public List<ScorerSetting> settings(ScorerHandle scorer) {
        return inspection.settings(scorer);
    }

    /**
     * How a plugin's bundle is wired into the framework: where each package it imports comes from,
     * and who uses the packages it exports.
     *
     * @param file a jar of the plugins folder
     * @return one line per package (the JDK's own left out), {@code imports}/{@code exports}; empty if the jar
     *     has no resolved bundle
     */
    public Map<String, List<String>> wiring(Path file) {
        return installer.read((installed, rejected) -> installed.containsKey(file)
                ? inspection.wiring(installed.get(file).bundle()) : Map.of());
    }

    /**
     * Tries a jar in this framework without keeping it: installs it, checks its settings, starts it and
     * sees what it registers, then uninstalls it again. A scorer that calls {@code System.exit} as it
     * starts fails to start, naming its class. For {@code moravec plugins install}, which
     * changes nothing unless this succeeds. The jar's trust is not asked: trying it is how the user
     * decides to trust it.
     *
     * @param candidate the jar to try
     * @param replacing the jar of the plugins folder it would replace (the same file name), or
     *     {@code null}; its bundle is unloaded first, so the two cannot collide
     * @return what became of it, with the scorers it registered (their handles are retired already)
     * @throws IOException if the jar cannot be read
     */
    public PluginStatus tryPlugin(Path candidate, Path replacing) throws IOException {
        return installer.tryPlugin(candidate, replacing);
    }

    /**
     * Where a jar's classes (and those of the jars inside it) call {@code System.exit},
     * {@code Runtime.exit} or {@code Runtime.halt}: calls the host refuses as they are made, named so
     * that {@code moravec plugins install} can tell the user. Libraries inside a plugin often have such
     * calls in command-line tools of their own, which a scorer never runs.
     *
     * @param jar the jar
     * @return one line per calling method, such as {@code com.example.MyScorer.rate calls System.exit}
     * @throws IOException if the jar cannot be read
     */
    public static List<String> exitCalls(Path jar) throws IOException {
        return ExitCalls.findInJar(java.nio.file.Files.readAllBytes(jar));
    }

    /**
     * The state of every bundle in the framework, runtime bundles included, for diagnostics.
     *
     * @return symbolic name and version mapped to the bundle state's name
     */
    public Map<String, String> bundleStates() {
        return inspection.bundleStates();
    }

    /**
     * The state of a plugin's bundle.
     *
     * @param file a jar of the plugins folder
     * @return its bundle's state, such as {@code ACTIVE}, if the jar has a bundle
     */
    public Optional<String> bundleState(Path file) {
        return installer.bundle(file).map(Bundles::stateName);
    }

    /** Stops watching, stops the framework, waits for its threads to end and deletes its cache. */
    @Override
    public void close() {
        closing = true;
        try {
            if (watch != null) {
                watch.close();
            }
            if (scorers != null) {
                scorers.close();
            }
            if (configurations != null) {
                configurations.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("the OSGi framework did not stop cleanly: {}", e.toString());
        } finally {
            runtime.close();
        }
    }
}
