package dev.moravec.engine;

import dev.moravec.api.ScorerInfo;
import dev.moravec.api.TaskScorer;
import dev.moravec.engine.internal.ComponentDiagnostics;
import dev.moravec.engine.internal.FelixLog;
import dev.moravec.engine.internal.FolderWatch;
import dev.moravec.engine.internal.FrameworkStorage;
import dev.moravec.engine.internal.ResolutionMessages;
import dev.moravec.engine.internal.ScorerConfigurations;
import dev.moravec.engine.internal.SystemPackages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
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
 * misconfigured or fails to start is reported in {@link #plugins()} with the reason. Always
 * {@link #close()} the host, also on errors: Felix runs non-daemon threads that would keep the JVM alive.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** How long a stopping scorer waits for the batches in flight; a batch ends in bounded time anyway. */
    private static final Duration RETIRE_WAIT = Duration.ofSeconds(60);

    private final Felix felix;
    private final Path storage;
    private final Path pluginsDir;
    private final PluginTrust trust;
    private final ScorerRegistry registry = new ScorerRegistry();
    private final Map<Long, List<ScorerHandle>> scorersByBundle = new ConcurrentHashMap<>();
    private final Map<ScorerHandle, Bundle> bundleOfScorer = new ConcurrentHashMap<>();
    private final Map<Long, String> scorerProblems = new ConcurrentHashMap<>();
    /** The jars whose bundle is installed, by file; guarded by {@code this}. */
    private final Map<Path, Loaded> loaded = new TreeMap<>();
    /** The jars that could not be installed, or whose last change was not applied; guarded by {@code this}. */
    private final Map<Path, PluginStatus> rejected = new TreeMap<>();
    private ScorerConfigurations configurations;
    private ServiceTracker<TaskScorer, ScorerHandle> tracker;
    private FolderWatch watch;
    private volatile boolean closing;

    /** A jar whose bundle is installed, and how it went. */
    private record Loaded(Bundle bundle, String sha256, String trust, PluginState failed, String failure) {
        Loaded withFailure(PluginState state, String problem) {
            return new Loaded(bundle, sha256, trust, state, problem);
        }
    }

    private PluginHost(Felix felix, Path storage, Path pluginsDir, PluginTrust trust) {
        this.felix = felix;
        this.storage = storage;
        this.pluginsDir = pluginsDir;
        this.trust = trust;
    }

    /**
     * Starts the framework, the runtime bundles and every plugin, and the watch if asked for.
     *
     * @param options where the bundles are, the settings, the trust rule
     * @return the running host
     * @throws PluginHostException if the framework or a runtime bundle cannot start
     */
    public static PluginHost start(HostOptions options) throws PluginHostException {
        Path storage;
        try {
            storage = FrameworkStorage.create(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new PluginHostException("cannot create the OSGi framework's cache folder in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage()
                    + "; make java.io.tmpdir writable", e);
        }
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.exports());
        config.put("felix.log.logger", new FelixLog());
        config.put("felix.log.level", "2");
        // SCR would print component failures with stack traces to standard error; the host reports
        // them itself (ComponentDiagnostics), one line per plugin
        config.put("ds.loglevel", "error");
        config.put("ds.log.enabled", "false");
        if (options.watch() != null) {
            config.putAll(FolderWatch.properties(options.pluginsDir(), storage.resolve("fileinstall"),
                    Math.max(50, options.watch().toMillis())));
        }
        Felix felix = new Felix(config);
        PluginHost host = new PluginHost(felix, storage, options.pluginsDir(), options.trust());
        boolean started = false;
        try {
            felix.init();
            felix.start();
            host.startRuntime(options.runtimeBundles());
            host.configurations = new ScorerConfigurations(felix.getBundleContext(), options.scorerSettings());
            host.configurations.publish();
            host.registerServices(options.services());
            host.trackScorers();
            host.startPlugins();
            if (options.watch() != null) {
                host.watch();
            }
            started = true;
            return host;
        } catch (BundleException e) {
            throw new PluginHostException("the OSGi framework failed to start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PluginHostException("the scorers' settings could not be handed to them: " + e.getMessage(), e);
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
            // FileInstall starts only to watch, after the plugins are in (see watch())
            Bundle fileInstall = FolderWatch.find(context);
            for (Bundle bundle : installed) {
                if (!isFragment(bundle) && !bundle.equals(fileInstall)) {
                    bundle.start();
                }
            }
        } catch (BundleException e) {
            throw new PluginHostException("an OSGi runtime bundle failed to start: "
                    + ResolutionMessages.explain(e) + "; rebuild or reinstall Moravec", e);
        }
    }

    private void watch() throws PluginHostException, BundleException {
        BundleContext context = felix.getBundleContext();
        Bundle fileInstall = FolderWatch.find(context);
        if (fileInstall == null) {
            throw new PluginHostException("cannot watch the plugins folder: the runtime bundles lack Apache Felix"
                    + " FileInstall; rebuild or reinstall Moravec", null);
        }
        watch = FolderWatch.start(context, fileInstall, new FolderWatch.Listener() {
            @Override
            public void changed(Path jar) {
                if (!closing) {
                    load(jar.toAbsolutePath(), true);
                }
            }

            @Override
            public void removed(Path jar) {
                if (!closing) {
                    unload(jar.toAbsolutePath());
                }
            }
        });
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
                Optional<String> undeclared = configurations.undeclared(bundle, info.id());
                if (undeclared.isPresent()) {
                    scorerProblems.put(bundle.getBundleId(), undeclared.get());
                    context.ungetService(reference);
                    return null;
                }
                ScorerHandle handle = registry.add(scorer, info, describe(bundle));
                bundleOfScorer.put(handle, bundle);
                scorersByBundle.computeIfAbsent(bundle.getBundleId(), id -> new CopyOnWriteArrayList<>()).add(handle);
                LOG.debug("scorer {} {} from {}", info.id(), info.version(), describe(bundle));
                return handle;
            }

            @Override
            public void modifiedService(ServiceReference<TaskScorer> reference, ScorerHandle handle) {}

            // called while the service unregisters, before its component is deactivated
            @Override
            public void removedService(ServiceReference<TaskScorer> reference, ScorerHandle handle) {
                registry.remove(handle);
                try {
                    if (!handle.retire(closing ? Duration.ZERO : RETIRE_WAIT) && !closing) {
                        LOG.warn("scorer {} {} stopped while a batch still used it", handle.id(), handle.info().version());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                List<ScorerHandle> handles = scorersByBundle.get(reference.getBundle().getBundleId());
                if (handles != null) {
                    handles.remove(handle);
                }
                bundleOfScorer.remove(handle);
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
        for (Path jar : jars) {
            load(jar.toAbsolutePath(), false);
        }
        // start only after every plugin is installed, so plugins may depend on each other
        synchronized (this) {
            for (Path jar : List.copyOf(loaded.keySet())) {
                start(jar);
            }
        }
    }

    /**
     * Verifies, installs and (if asked) starts a jar, replacing the bundle an earlier version of the
     * same file installed. A jar whose bytes are loaded already is left alone.
     */
    private synchronized void load(Path jar, boolean startNow) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            rejected.put(jar, status(jar, null, PluginState.INVALID, "cannot read the file: " + e.getMessage(), null, null));
            return;
        }
        String sha256 = sha256(bytes);
        Loaded current = loaded.get(jar);
        if (current != null && current.sha256().equals(sha256)) {
            rejected.remove(jar);
            return;
        }
        PluginTrust.Decision decision = trust.check(jar, sha256);
        if (!decision.trusted()) {
            rejected.put(jar, status(jar, null, PluginState.REFUSED, decision.reason(), sha256, decision.reason()));
            return;
        }
        Bundle bundle;
        try {
            bundle = install(jar, bytes, sha256);
        } catch (BundleException e) {
            if (current != null && e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
                // the same bundle version with other bytes: it cannot run beside the old, so replace it in place
                unload(jar);
                current = null;
                try {
                    bundle = install(jar, bytes, sha256);
                } catch (BundleException again) {
                    rejected.put(jar, invalid(jar, again, sha256, decision.reason()));
                    return;
                }
            } else {
                rejected.put(jar, invalid(jar, e, sha256, decision.reason()));
                return;
            }
        } catch (RuntimeException e) {
            rejected.put(jar, status(jar, null, PluginState.INVALID, "not an installable OSGi bundle: " + e, sha256,
                    decision.reason()));
            return;
        }
        List<String> problems = configurations.problems(bundle);
        if (!problems.isEmpty()) {
            rejected.put(jar, status(jar, describe(bundle), PluginState.MISCONFIGURED, String.join("; ", problems),
                    sha256, decision.reason()));
            uninstall(bundle);
            return;
        }
        rejected.remove(jar);
        loaded.put(jar, new Loaded(bundle, sha256, decision.reason(), null, null));
        if (startNow) {
            start(jar);
        }
        if (current != null) {
            uninstall(current.bundle());
        }
    }

    private Bundle install(Path jar, byte[] bytes, String sha256) throws BundleException {
        // the location names the bytes, so a replacement installs beside the bundle it replaces
        return felix.getBundleContext().installBundle(jar.toUri() + "#sha256=" + sha256, new ByteArrayInputStream(bytes));
    }

    private static PluginStatus invalid(Path jar, BundleException e, String sha256, String trust) {
        return status(jar, null, PluginState.INVALID, "not an installable OSGi bundle: " + ResolutionMessages.explain(e),
                sha256, trust);
    }

    private static PluginStatus status(Path jar, String bundle, PluginState state, String problem, String sha256,
            String trust) {
        return new PluginStatus(jar, bundle, state, List.of(), problem, sha256, trust);
    }

    private void start(Path jar) {
        Loaded entry = loaded.get(jar);
        Bundle bundle = entry.bundle();
        if (isFragment(bundle)) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            boolean unresolved = bundle.getState() == Bundle.INSTALLED;
            loaded.put(jar, entry.withFailure(unresolved ? PluginState.FAILED_TO_RESOLVE : PluginState.FAILED_TO_START,
                    ResolutionMessages.explain(e)));
        }
    }

    private synchronized void unload(Path jar) {
        rejected.remove(jar);
        Loaded entry = loaded.remove(jar);
        if (entry != null) {
            uninstall(entry.bundle());
        }
    }

    private void uninstall(Bundle bundle) {
        try {
            bundle.uninstall(); // stops it first: its scorers retire once the batches in flight are done
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("could not uninstall {}: {}", describe(bundle), e.toString());
        }
        scorerProblems.remove(bundle.getBundleId());
        scorersByBundle.remove(bundle.getBundleId());
        // let go of the old class loader, and rewire any plugin that used its packages
        felix.adapt(FrameworkWiring.class).refreshBundles(null);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
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
    public synchronized List<PluginStatus> plugins() {
        List<PluginStatus> statuses = new ArrayList<>();
        TreeSet<Path> files = new TreeSet<>(loaded.keySet());
        files.addAll(rejected.keySet());
        for (Path file : files) {
            Loaded entry = loaded.get(file);
            PluginStatus refusal = rejected.get(file);
            if (entry == null) {
                statuses.add(refusal);
                continue;
            }
            PluginStatus status = status(file, entry);
            if (refusal != null) {
                // the file changed and the change was not applied: say so, and what still runs
                status = new PluginStatus(file, status.bundle(), refusal.state(), status.scorers(), refusal.problem()
                        + "; the version verified before (" + status.bundle() + ") keeps running",
                        refusal.sha256(), refusal.trust());
            }
            statuses.add(status);
        }
        statuses.sort(Comparator.comparing(s -> s.file().getFileName().toString()));
        return statuses;
    }

    private PluginStatus status(Path file, Loaded entry) {
        Bundle bundle = entry.bundle();
        List<ScorerHandle> scorers = new ArrayList<>(scorersByBundle.getOrDefault(bundle.getBundleId(), List.of()));
        scorers.sort(Comparator.comparing(ScorerHandle::id));
        if (entry.failed() != null) {
            return new PluginStatus(file, describe(bundle), entry.failed(), scorers, entry.failure(), entry.sha256(),
                    entry.trust());
        }
        String problem = scorerProblems.get(bundle.getBundleId());
        PluginState state;
        if (!scorers.isEmpty()) {
            state = PluginState.ACTIVE;
            problem = null;
        } else if (problem != null) {
            state = PluginState.FAILED_TO_START;
        } else {
            List<String> components = ComponentDiagnostics.problems(felix.getBundleContext(), bundle);
            state = components.isEmpty() ? PluginState.NO_SCORER : PluginState.FAILED_TO_START;
            problem = !components.isEmpty() ? String.join("; ", components)
                    : isFragment(bundle) ? "a fragment bundle; it registers no scorer of its own"
                    : "the bundle started but registered no TaskScorer service";
        }
        return new PluginStatus(file, describe(bundle), state, scorers, problem, entry.sha256(), entry.trust());
    }

    /**
     * The settings a scorer declares, with their defaults and configured values.
     *
     * @param scorer a scorer of this host
     * @return its settings; empty if it declares none or is gone
     */
    public List<ScorerSetting> settings(ScorerHandle scorer) {
        Bundle bundle = bundleOfScorer.get(scorer);
        return bundle == null ? List.of() : configurations.describe(bundle, scorer.id());
    }

    /**
     * How a plugin's bundle is wired into the framework: where each package it imports comes from,
     * and who uses the packages it exports.
     *
     * @param file a jar of the plugins folder
     * @return one line per package (the JDK's own left out), {@code imports}/{@code exports}; empty if the jar
     *     has no resolved bundle
     */
    public synchronized Map<String, List<String>> wiring(Path file) {
        Loaded entry = loaded.get(file);
        BundleWiring wiring = entry == null ? null : entry.bundle().adapt(BundleWiring.class);
        if (wiring == null) {
            return Map.of();
        }
        List<String> imports = new ArrayList<>();
        for (BundleWire wire : wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
            BundleCapability capability = wire.getCapability();
            if (String.valueOf(capability.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE)).startsWith("java.")) {
                continue; // the JDK's own packages say nothing about the plugin
            }
            Bundle provider = wire.getProviderWiring().getBundle();
            imports.add(capability.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE) + " "
                    + capability.getAttributes().get("version") + " from "
                    + (provider.getBundleId() == 0 ? "the host" : describe(provider)));
        }
        List<String> exports = new ArrayList<>();
        for (BundleWire wire : wiring.getProvidedWires(BundleRevision.PACKAGE_NAMESPACE)) {
            exports.add(wire.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE) + " to "
                    + describe(wire.getRequirerWiring().getBundle()));
        }
        imports.sort(null);
        exports.sort(null);
        return Map.of("imports", imports, "exports", exports);
    }

    /**
     * Tries a jar in this framework without keeping it: installs it, checks its settings, starts it and
     * sees what it registers, then uninstalls it again. For {@code moravec plugins install}, which
     * changes nothing unless this succeeds. The jar's trust is not asked: trying it is how the user
     * decides to trust it.
     *
     * @param candidate the jar to try
     * @param replacing the jar of the plugins folder it would replace (the same file name), or
     *     {@code null}; its bundle is unloaded first, so the two cannot collide
     * @return what became of it, with the scorers it registered (their handles are retired already)
     * @throws IOException if the jar cannot be read
     */
    public synchronized PluginStatus tryPlugin(Path candidate, Path replacing) throws IOException {
        if (replacing != null) {
            unload(replacing.toAbsolutePath());
        }
        byte[] bytes = Files.readAllBytes(candidate);
        String sha256 = sha256(bytes);
        Path jar = candidate.toAbsolutePath();
        Bundle bundle;
        try {
            bundle = install(jar, bytes, sha256);
        } catch (BundleException e) {
            PluginStatus status = invalid(jar, e, sha256, null);
            if (e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
                status = status(jar, null, PluginState.INVALID, "the same bundle (symbolic name and version) as a"
                        + " plugin already in the folder: " + ResolutionMessages.explain(e), sha256, null);
            }
            return status;
        } catch (RuntimeException e) {
            return status(jar, null, PluginState.INVALID, "not an installable OSGi bundle: " + e, sha256, null);
        }
        loaded.put(jar, new Loaded(bundle, sha256, null, null, null));
        try {
            List<String> problems = configurations.problems(bundle);
            if (!problems.isEmpty()) {
                return status(jar, describe(bundle), PluginState.MISCONFIGURED, String.join("; ", problems), sha256, null);
            }
            start(jar);
            return status(jar, loaded.get(jar));
        } finally {
            unload(jar);
        }
    }

    /**
     * The state of every bundle in the framework, runtime bundles included, for diagnostics.
     *
     * @return symbolic name and version mapped to the bundle state's name
     */
    public Map<String, String> bundleStates() {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (Bundle bundle : felix.getBundleContext().getBundles()) {
            states.put(describe(bundle), stateName(bundle.getState()));
        }
        return states;
    }

    /**
     * The state of a plugin's bundle.
     *
     * @param file a jar of the plugins folder
     * @return its bundle's state, such as {@code ACTIVE}, if the jar has a bundle
     */
    public synchronized Optional<String> bundleState(Path file) {
        Loaded entry = loaded.get(file);
        return entry == null ? Optional.empty() : Optional.of(stateName(entry.bundle().getState()));
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

    /** Stops watching, stops the framework, waits for its threads to end and deletes its cache. */
    @Override
    public void close() {
        closing = true;
        try {
            if (watch != null) {
                watch.close();
            }
            if (tracker != null) {
                tracker.close();
            }
            if (configurations != null) {
                configurations.close();
            }
            felix.stop();
            felix.waitForStop(10_000);
        } catch (BundleException | RuntimeException e) {
            LOG.warn("the OSGi framework did not stop cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            FrameworkStorage.delete(storage);
        }
    }
}
