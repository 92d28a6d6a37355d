package dev.moravec.engine;

import dev.moravec.api.ScorerInfo;
import dev.moravec.api.TaskScorer;
import dev.moravec.engine.internal.ComponentDiagnostics;
import dev.moravec.engine.internal.FelixLog;
import dev.moravec.engine.internal.ResolutionMessages;
import dev.moravec.engine.internal.SystemPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Apache Felix framework that runs the scoring plugins. It exports the Moravec api (and
 * Jackson and SLF4J) through the system bundle, starts the runtime bundles (Declarative Services),
 * then installs and starts every jar in the plugins folder, and follows the {@link TaskScorer}
 * services they register in a {@link ScorerRegistry}.
 *
 * <p>A bad plugin never stops the host: a jar that is not a bundle, does not resolve or fails to
 * start is reported in {@link #plugins()} with the reason. Always {@link #close()} the host, also on
 * errors: Felix runs non-daemon threads that would keep the JVM alive.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Felix felix;
    private final Path storage;
    private final ScorerRegistry registry = new ScorerRegistry();
    private final Map<Long, List<ScorerHandle>> scorersByBundle = new ConcurrentHashMap<>();
    private final Map<Long, String> scorerProblems = new ConcurrentHashMap<>();
    private final Map<Path, Bundle> pluginBundles = new LinkedHashMap<>();
    private final Map<Path, PluginStatus> pluginFailures = new HashMap<>();
    private final Path pluginsDir;
    private ServiceTracker<TaskScorer, ScorerHandle> tracker;

    private PluginHost(Felix felix, Path storage, Path pluginsDir) {
        this.felix = felix;
        this.storage = storage;
        this.pluginsDir = pluginsDir;
    }

    /**
     * Starts the framework, the runtime bundles and every plugin.
     *
     * @param options where the bundles are
     * @return the running host
     * @throws PluginHostException if the framework or a runtime bundle cannot start
     */
    public static PluginHost start(HostOptions options) throws PluginHostException {
        Path storage;
        try {
            storage = Files.createTempDirectory("moravec-felix-");
        } catch (IOException e) {
            throw new PluginHostException("cannot create the OSGi framework's cache folder in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage()
                    + "; make java.io.tmpdir writable", e);
        }
        Map<String, Object> config = new HashMap<>(options.properties());
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.exports());
        config.put("felix.log.logger", new FelixLog());
        config.put("felix.log.level", "2");
        // SCR would print component failures with stack traces to standard error; the host reports
        // them itself (ComponentDiagnostics), one line per plugin
        config.put("ds.loglevel", "error");
        config.put("ds.log.enabled", "false");
        Felix felix = new Felix(config);
        PluginHost host = new PluginHost(felix, storage, options.pluginsDir());
        boolean started = false;
        try {
            felix.init();
            felix.start();
            host.startRuntime(options.runtimeBundles());
            host.registerServices(options.services());
            host.trackScorers();
            host.startPlugins();
            started = true;
            return host;
        } catch (BundleException e) {
            throw new PluginHostException("the OSGi framework failed to start: " + e.getMessage(), e);
        } finally {
            if (!started) {
                host.close();
            }
        }
    }

    private void startRuntime(List<Path> bundles) throws PluginHostException {
        if (bundles.isEmpty()) {
            throw new PluginHostException("no OSGi runtime bundles (Declarative Services) were given; "
                    + "the distribution's bundles/ folder is missing or empty: rebuild or reinstall Moravec", null);
        }
        BundleContext context = felix.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        try {
            for (Path file : bundles) {
                installed.add(context.installBundle(file.toUri().toString()));
            }
            for (Bundle bundle : installed) {
                if (!isFragment(bundle)) {
                    bundle.start();
                }
            }
        } catch (BundleException e) {
            throw new PluginHostException("an OSGi runtime bundle failed to start: "
                    + ResolutionMessages.explain(e) + "; rebuild or reinstall Moravec", e);
        }
    }

    private void registerServices(List<HostOptions.Service<?>> services) {
        for (HostOptions.Service<?> service : services) {
            register(service);
        }
    }

    private <T> void register(HostOptions.Service<T> service) {
        felix.getBundleContext().registerService(service.type(), service.service(), null);
    }

    private void trackScorers() {
        BundleContext context = felix.getBundleContext();
        tracker = new ServiceTracker<>(context, TaskScorer.class, new ServiceTrackerCustomizer<>() {
            @Override
            public ScorerHandle addingService(ServiceReference<TaskScorer> reference) {
                Bundle bundle = reference.getBundle();
                TaskScorer scorer = context.getService(reference);
                if (scorer == null) {
                    List<String> problems = ComponentDiagnostics.problems(context, bundle);
                    scorerProblems.put(bundle.getBundleId(), problems.isEmpty()
                            ? "its scorer component failed to activate" : String.join("; ", problems));
                    return null;
                }
                ScorerInfo info;
                try {
                    info = scorer.info();
                } catch (RuntimeException | LinkageError e) {
                    scorerProblems.put(bundle.getBundleId(), "its scorer's info() failed: " + e);
                    context.ungetService(reference);
                    return null;
                }
                ScorerHandle handle = registry.add(scorer, info, describe(bundle));
                scorersByBundle.computeIfAbsent(bundle.getBundleId(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(handle);
                LOG.debug("scorer {} {} from {}", info.id(), info.version(), describe(bundle));
                return handle;
            }

            @Override
            public void modifiedService(ServiceReference<TaskScorer> reference, ScorerHandle handle) {}

            @Override
            public void removedService(ServiceReference<TaskScorer> reference, ScorerHandle handle) {
                registry.remove(handle);
                List<ScorerHandle> handles = scorersByBundle.get(reference.getBundle().getBundleId());
                if (handles != null) {
                    handles.remove(handle);
                }
                context.ungetService(reference);
            }
        });
        tracker.open();
    }

    private void startPlugins() {
        List<Path> jars;
        try {
            jars = HostOptions.jarsIn(pluginsDir);
        } catch (IOException e) {
            LOG.warn("cannot list the plugins folder {}: {}", pluginsDir, e.getMessage());
            return;
        }
        BundleContext context = felix.getBundleContext();
        for (Path jar : jars) {
            try {
                pluginBundles.put(jar, context.installBundle(jar.toUri().toString()));
            } catch (BundleException | RuntimeException e) {
                pluginFailures.put(jar, new PluginStatus(jar, null, PluginState.INVALID, List.of(),
                        "not an installable OSGi bundle: " + ResolutionMessages.explain(e)));
            }
        }
        // start only after every plugin is installed, so plugins may depend on each other
        for (Map.Entry<Path, Bundle> entry : pluginBundles.entrySet()) {
            Bundle bundle = entry.getValue();
            if (isFragment(bundle)) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                boolean unresolved = bundle.getState() == Bundle.INSTALLED;
                pluginFailures.put(entry.getKey(), new PluginStatus(entry.getKey(), describe(bundle),
                        unresolved ? PluginState.FAILED_TO_RESOLVE : PluginState.FAILED_TO_START, List.of(),
                        ResolutionMessages.explain(e)));
            }
        }
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    /** @return the scorers the plugins registered */
    public ScorerRegistry registry() {
        return registry;
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
        List<PluginStatus> statuses = new ArrayList<>(pluginFailures.values());
        for (Map.Entry<Path, Bundle> entry : pluginBundles.entrySet()) {
            if (pluginFailures.containsKey(entry.getKey())) {
                continue;
            }
            Bundle bundle = entry.getValue();
            List<ScorerHandle> scorers = new ArrayList<>(scorersByBundle.getOrDefault(bundle.getBundleId(), List.of()));
            scorers.sort(Comparator.comparing(ScorerHandle::id));
            String problem = scorerProblems.get(bundle.getBundleId());
            PluginState state;
            if (!scorers.isEmpty()) {
                state = PluginState.ACTIVE;
            } else if (problem != null) {
                state = PluginState.FAILED_TO_START;
            } else {
                List<String> components = ComponentDiagnostics.problems(felix.getBundleContext(), bundle);
                state = components.isEmpty() ? PluginState.NO_SCORER : PluginState.FAILED_TO_START;
                problem = !components.isEmpty() ? String.join("; ", components)
                        : isFragment(bundle) ? "a fragment bundle; it registers no scorer of its own"
                        : "the bundle started but registered no TaskScorer service";
            }
            statuses.add(new PluginStatus(entry.getKey(), describe(bundle), state, scorers, problem));
        }
        statuses.sort(Comparator.comparing(s -> s.file().getFileName().toString()));
        return statuses;
    }

    /**
     * The state of every bundle in the framework, runtime bundles included, for diagnostics.
     *
     * @return symbolic name and version mapped to the bundle state's name
     */
    public Map<String, String> bundleStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (Bundle bundle : felix.getBundleContext().getBundles()) {
            states.put(describe(bundle), stateName(bundle.getState()));
        }
        return states;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /** Stops the framework, waits for its threads to end and deletes its cache. */
    @Override
    public void close() {
        try {
            if (tracker != null) {
                tracker.close();
            }
            felix.stop();
            felix.waitForStop(10_000);
        } catch (BundleException | RuntimeException e) {
            LOG.warn("the OSGi framework did not stop cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(storage);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
