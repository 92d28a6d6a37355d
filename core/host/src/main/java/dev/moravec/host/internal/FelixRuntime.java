package dev.moravec.host.internal;

import dev.moravec.host.HostOptions;
import dev.moravec.host.PluginHostException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Apache Felix framework of one host: its cache folder, its configuration (the packages
 * the system bundle exports, Felix's and SCR's logging, FileInstall's folder when watching), the
 * runtime bundles (Declarative Services, Configuration Admin, Metatype), the host's own services, and
 * stopping it all again. Every bundle installed after the runtime bundles is woven so that it cannot
 * end the process ({@link ExitWeavingHook}); beyond that it knows nothing of plugins.
 */
public final class FelixRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FelixRuntime.class);

    private final Felix felix;
    private final Path storage;

    private FelixRuntime(Felix felix, Path storage) {
        this.felix = felix;
        this.storage = storage;
    }

    /**
     * Starts the framework and the runtime bundles; FileInstall is installed but waits for
     * {@link #watch}, so no plugin is seen before the host installs them itself.
     *
     * @param options the runtime bundles, and the plugins folder and poll interval when watching
     * @return the running framework
     * @throws PluginHostException if the cache folder, the framework or a runtime bundle fails; what
     *     started is stopped again
     */
    public static FelixRuntime start(HostOptions options) throws PluginHostException {
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
        FelixRuntime runtime = new FelixRuntime(new Felix(config), storage);
        boolean started = false;
        try {
            runtime.felix.init();
            runtime.felix.start();
            runtime.startBundles(options.runtimeBundles());
            runtime.guardLaterBundles();
            started = true;
            return runtime;
        } catch (BundleException e) {
            throw failedToStart(e);
        } finally {
            if (!started) {
                runtime.close();
            }
        }
    }

    private static PluginHostException failedToStart(BundleException e) {
        return new PluginHostException("the OSGi framework failed to start: " + e.getMessage(), e);
    }

    private void startBundles(List<Path> bundles) throws PluginHostException {
        if (bundles.isEmpty()) {
            throw new PluginHostException("no OSGi runtime bundles (Declarative Services) were given; "
                    + "the distribution's bundles/ folder is missing or empty: rebuild or reinstall Moravec", null);
        }
        BundleContext context = context();
        List<Bundle> installed = new ArrayList<>();
        try {
            for (Path file : bundles) {
                installed.add(context.installBundle(file.toUri().toString()));
            }
            // FileInstall starts only to watch, after the plugins are in (see watch())
            Bundle fileInstall = FolderWatch.find(context);
            for (Bundle bundle : installed) {
                if (!Bundles.isFragment(bundle) && !bundle.equals(fileInstall)) {
                    bundle.start();
                }
            }
        } catch (BundleException e) {
            throw new PluginHostException("an OSGi runtime bundle failed to start: "
                    + ResolutionMessages.explain(e) + "; rebuild or reinstall Moravec", e);
        }
    }

    // the bundles installed so far are the framework's own; every later one is a plugin, whose exits are defused
    private void guardLaterBundles() {
        java.util.Set<Long> own = new java.util.HashSet<>();
        for (Bundle bundle : context().getBundles()) {
            own.add(bundle.getBundleId());
        }
        context().registerService(org.osgi.framework.hooks.weaving.WeavingHook.class, new ExitWeavingHook(own), null);
    }

    /**
     * Offers host objects to the plugins as OSGi services of the system bundle.
     *
     * @param services the objects, with the api types they are offered as
     */
    public void register(List<HostOptions.Service<?>> services) {
        for (HostOptions.Service<?> service : services) {
            register(service);
        }
    }

    private <T> void register(HostOptions.Service<T> service) {
        context().registerService(service.type(), service.service(), null);
    }

    /**
     * Starts FileInstall on the plugins folder the options named at {@link #start}.
     *
     * @param listener what to do with the jars that appear, change or disappear
     * @return the watch, to close before the framework stops
     * @throws PluginHostException if the runtime bundles lack FileInstall, or it cannot start
     */
    public FolderWatch watch(FolderWatch.Listener listener) throws PluginHostException {
        BundleContext context = context();
        Bundle fileInstall = FolderWatch.find(context);
        if (fileInstall == null) {
            throw new PluginHostException("cannot watch the plugins folder: the runtime bundles lack Apache Felix"
                    + " FileInstall; rebuild or reinstall Moravec", null);
        }
        try {
            return FolderWatch.start(context, fileInstall, listener);
        } catch (BundleException e) {
            throw failedToStart(e);
        }
    }

    /** @return the system bundle's context */
    public BundleContext context() {
        return felix.getBundleContext();
    }

    /** Lets go of the class loaders of uninstalled bundles, and rewires the bundles that used their packages. */
    public void refresh() {
        felix.adapt(FrameworkWiring.class).refreshBundles(null);
    }

    /** Stops the framework, waits for its threads to end and deletes its cache folder. */
    @Override
    public void close() {
        try {
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
