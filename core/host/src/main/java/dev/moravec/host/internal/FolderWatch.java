package dev.moravec.host.internal;

import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the plugins folder with Apache Felix FileInstall and hands every jar that appears, changes or
 * disappears to the host, which verifies and installs it itself: FileInstall only watches. The host
 * registers a FileInstall {@code ArtifactInstaller} that claims every jar before FileInstall's own
 * bundle installer could, so no jar is installed behind the host's back. FileInstall keeps its API
 * package to itself (it exports it and does not import it), so the installer is a proxy of
 * FileInstall's own interface class, registered before FileInstall starts and scans.
 */
public final class FolderWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);
    private static final String INSTALLER = "org.apache.felix.fileinstall.ArtifactInstaller";
    private static final String LISTENER = "org.apache.felix.fileinstall.ArtifactListener";
    private static final String SYMBOLIC_NAME = "org.apache.felix.fileinstall";

    /** What the host does with the folder's jars. */
    public interface Listener {
        /**
         * A jar appeared or changed.
         *
         * @param jar the jar
         */
        void changed(Path jar);

        /**
         * A jar disappeared.
         *
         * @param jar the jar
         */
        void removed(Path jar);
    }

    private final Bundle fileInstall;
    private final ServiceRegistration<?> registration;

    private FolderWatch(Bundle fileInstall, ServiceRegistration<?> registration) {
        this.fileInstall = fileInstall;
        this.registration = registration;
    }

    /**
     * The framework properties that point FileInstall at the folder: only jars, no sub-folders, no
     * configuration files written back, checked every {@code pollMillis}.
     *
     * @param folder the plugins folder
     * @param workDir a scratch folder of the framework's own
     * @param pollMillis how often the folder is checked
     * @return the properties
     */
    public static Map<String, String> properties(Path folder, Path workDir, long pollMillis) {
        return Map.of(
                "felix.fileinstall.dir", folder.toAbsolutePath().toString(),
                "felix.fileinstall.filter", ".*\\.jar",
                "felix.fileinstall.poll", Long.toString(pollMillis),
                "felix.fileinstall.noInitialDelay", "true",
                "felix.fileinstall.subdir.mode", "skip",
                "felix.fileinstall.enableConfigSave", "false",
                "felix.fileinstall.tmpdir", workDir.toAbsolutePath().toString(),
                "felix.fileinstall.log.level", "0");
    }

    /**
     * Finds the FileInstall bundle among the installed runtime bundles.
     *
     * @param context the system bundle's context
     * @return the bundle, or {@code null} if the runtime has none
     */
    public static Bundle find(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if (SYMBOLIC_NAME.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /**
     * Starts watching: registers the installer, then starts FileInstall, whose first scan reports every
     * jar already in the folder (the host ignores those it has loaded already).
     *
     * @param context the system bundle's context
     * @param fileInstall the FileInstall bundle, installed but not started
     * @param listener the host
     * @return the watch, to close before the framework stops
     * @throws BundleException if FileInstall cannot start
     */
    public static FolderWatch start(BundleContext context, Bundle fileInstall, Listener listener) throws BundleException {
        Class<?> installer;
        try {
            installer = fileInstall.loadClass(INSTALLER);
        } catch (ClassNotFoundException e) {
            throw new BundleException("the FileInstall bundle has no " + INSTALLER + "; use FileInstall 3.x", e);
        }
        Object proxy = Proxy.newProxyInstance(installer.getClassLoader(), new Class<?>[] {installer},
                new Handler(listener));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        ServiceRegistration<?> registration = context.registerService(new String[] {INSTALLER, LISTENER}, proxy, properties);
        try {
            fileInstall.start();
        } catch (BundleException | RuntimeException e) {
            registration.unregister();
            throw e;
        }
        return new FolderWatch(fileInstall, registration);
    }

    /** Stops watching; the host's plugins stay as they are. */
    @Override
    public void close() {
        try {
            fileInstall.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.debug("FileInstall did not stop cleanly: {}", e.toString());
        }
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // unregistered already, as the framework stopped
        }
    }

    /** FileInstall's calls, turned into the host's. */
    private record Handler(Listener listener) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "canHandle":
                    return ((File) args[0]).getName().endsWith(".jar");
                case "install", "update":
                    call(() -> listener.changed(((File) args[0]).toPath()), args[0]);
                    return null;
                case "uninstall":
                    call(() -> listener.removed(((File) args[0]).toPath()), args[0]);
                    return null;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "Moravec plugins folder installer";
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        }

        // FileInstall would log and retry a failure forever; the host reports its own failures
        private void call(Runnable action, Object file) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("could not handle the change of {}: {}", file, e.toString());
            }
        }
    }
}
