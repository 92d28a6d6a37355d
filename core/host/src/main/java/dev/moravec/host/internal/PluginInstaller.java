package dev.moravec.host.internal;

import dev.moravec.host.HostOptions;
import dev.moravec.host.PluginState;
import dev.moravec.host.PluginStatus;
import dev.moravec.host.PluginTrust;
import dev.moravec.model.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts plugin jars into the framework, each through one path: reads the jar's bytes, asks the
 * {@link PluginTrust} about their SHA-256, installs exactly those bytes, checks the scorers' settings
 * against the bundle's metatype, and only then starts it. A replaced jar's new bundle starts before
 * the old one is uninstalled. Keeps what became of every jar, and tries a jar without keeping it, so
 * {@code moravec plugins install} can check that it is a bundle that resolves and registers a scorer.
 * A bad jar is recorded with the reason, never thrown. Thread-safe: one jar changes at a time.
 */
public final class PluginInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);

    private final FelixRuntime runtime;
    private final PluginTrust trust;
    private final ScorerConfigurations configurations;
    private final ScorerTracker scorers;
    private final PluginInspection inspection;
    /** The jars whose bundle is installed, by file; guarded by {@code this}. */
    private final Map<Path, InstalledJar> loaded = new TreeMap<>();
    /** The jars that could not be installed, or whose last change was not applied; guarded by {@code this}. */
    private final Map<Path, PluginStatus> rejected = new TreeMap<>();

    /**
     * @param runtime the framework to install into
     * @param trust which jars may run
     * @param configurations the scorers' settings, checked before a bundle starts
     * @param scorers the scorers the bundles register, forgotten as a bundle goes
     * @param inspection what a tried jar's status is
     */
    public PluginInstaller(FelixRuntime runtime, PluginTrust trust, ScorerConfigurations configurations,
            ScorerTracker scorers, PluginInspection inspection) {
        this.runtime = runtime;
        this.trust = trust;
        this.configurations = configurations;
        this.scorers = scorers;
        this.inspection = inspection;
    }

    /**
     * Installs every jar of a folder, then starts them, so plugins may depend on each other.
     *
     * @param pluginsDir the folder; missing or unreadable means no plugins
     */
    public void installAll(Path pluginsDir) {
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
        synchronized (this) {
            for (Path jar : List.copyOf(loaded.keySet())) {
                start(jar);
            }
        }
    }

    /**
     * Verifies, installs and (if asked) starts a jar, replacing the bundle an earlier version of the
     * same file installed. A jar whose bytes are loaded already is left alone.
     *
     * @param jar the jar, an absolute path
     * @param startNow whether to start its bundle now
     */
    public synchronized void load(Path jar, boolean startNow) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            rejected.put(jar, status(jar, null, PluginState.INVALID, "cannot read the file: " + e.getMessage(), null, null));
            return;
        }
        String sha256 = Digest.sha256(bytes);
        InstalledJar current = loaded.get(jar);
        if (current != null && current.sha256().equals(sha256)) {
            rejected.remove(jar);
            return;
        }
        PluginTrust.Decision decision = trust.check(jar, sha256);
        if (!decision.trusted()) {
            rejected.put(jar, status(jar, null, PluginState.REFUSED, decision.reason(), sha256, decision));
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
                    rejected.put(jar, invalid(jar, again, sha256, decision));
                    return;
                }
            } else {
                rejected.put(jar, invalid(jar, e, sha256, decision));
                return;
            }
        } catch (RuntimeException e) {
            rejected.put(jar, status(jar, null, PluginState.INVALID, "not an installable OSGi bundle: " + e, sha256,
                    decision));
            return;
        }
        List<String> problems = configurations.problems(bundle);
        if (!problems.isEmpty()) {
            rejected.put(jar, status(jar, Bundles.describe(bundle), PluginState.MISCONFIGURED, String.join("; ", problems),
                    sha256, decision));
            uninstall(bundle);
            return;
        }
        rejected.remove(jar);
        loaded.put(jar, new InstalledJar(bundle, sha256, decision, null, null));
        if (startNow) {
            start(jar);
        }
        if (current != null) {
            uninstall(current.bundle());
        }
    }

    /**
     * Uninstalls a jar's bundle and forgets the jar.
     *
     * @param jar the jar, an absolute path
     */
    public synchronized void unload(Path jar) {
        rejected.remove(jar);
        InstalledJar entry = loaded.remove(jar);
        if (entry != null) {
            uninstall(entry.bundle());
        }
    }

    /**
     * Tries a jar without keeping it: installs it, checks its settings, starts it and sees what it
     * registers, then uninstalls it again. The jar's trust is not asked: trying it is how the user
     * decides to trust it.
     *
     * @param candidate the jar to try
     * @param replacing the jar it would replace, or {@code null}; its bundle is unloaded first, so the
     *     two cannot collide
     * @return what became of it, with the scorers it registered (their handles are retired already)
     * @throws IOException if the jar cannot be read
     */
    public synchronized PluginStatus tryPlugin(Path candidate, Path replacing) throws IOException {
        if (replacing != null) {
            unload(replacing.toAbsolutePath());
        }
        byte[] bytes = Files.readAllBytes(candidate);
        String sha256 = Digest.sha256(bytes);
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
        loaded.put(jar, new InstalledJar(bundle, sha256, null, null, null));
        try {
            List<String> problems = configurations.problems(bundle);
            if (!problems.isEmpty()) {
                return status(jar, Bundles.describe(bundle), PluginState.MISCONFIGURED, String.join("; ", problems),
                        sha256, null);
            }
            start(jar);
            return inspection.status(jar, loaded.get(jar));
        } finally {
            unload(jar);
        }
    }

    /**
     * Reads the jars as they are, while none changes.
     *
     * @param reader given the installed jars and the rejected ones, each by file, unmodifiable
     * @param <T> what it reads
     * @return what the reader returned
     */
    public synchronized <T> T read(BiFunction<Map<Path, InstalledJar>, Map<Path, PluginStatus>, T> reader) {
        return reader.apply(Collections.unmodifiableMap(loaded), Collections.unmodifiableMap(rejected));
    }

    /**
     * The bundle installed from a jar.
     *
     * @param jar a jar of the plugins folder
     * @return its bundle, if it has one
     */
    public synchronized Optional<Bundle> bundle(Path jar) {
        return Optional.ofNullable(loaded.get(jar)).map(InstalledJar::bundle);
    }

    private Bundle install(Path jar, byte[] bytes, String sha256) throws BundleException {
        // the location names the bytes, so a replacement installs beside the bundle it replaces
        return runtime.context().installBundle(jar.toUri() + "#sha256=" + sha256, new ByteArrayInputStream(bytes));
    }

    private static PluginStatus invalid(Path jar, BundleException e, String sha256, PluginTrust.Decision trust) {
        return status(jar, null, PluginState.INVALID, "not an installable OSGi bundle: " + ResolutionMessages.explain(e),
                sha256, trust);
    }

    private static PluginStatus status(Path jar, String bundle, PluginState state, String problem, String sha256,
            PluginTrust.Decision trust) {
        return new PluginStatus(jar, bundle, state, List.of(), problem, sha256, trust);
    }

    private void start(Path jar) {
        InstalledJar entry = loaded.get(jar);
        Bundle bundle = entry.bundle();
        if (Bundles.isFragment(bundle)) {
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

    private void uninstall(Bundle bundle) {
        try {
            bundle.uninstall(); // stops it first: its scorers retire once the batches in flight are done
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("could not uninstall {}: {}", Bundles.describe(bundle), e.toString());
        }
        scorers.forget(bundle);
        runtime.refresh(); // let go of the old class loader, and rewire any plugin that used its packages
    }
}
