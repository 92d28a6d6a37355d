package dev.moravec.host.internal;

import dev.moravec.api.ScorerInfo;
import dev.moravec.api.TaskScorer;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScorerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@link TaskScorer} services the plugins register: adds each to the {@link ScorerRegistry}
 * with the bundle it came from, records why a bundle's scorer could not be added (it failed to activate,
 * its {@code info()} threw, or the configuration sets settings it does not declare), and retires a
 * scorer when its bundle stops, once the batches in flight are done with it ({@link ScorerHandle#retire}).
 */
public final class ScorerTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScorerTracker.class);

    /** How long a stopping scorer waits for the batches in flight; a batch ends in bounded time anyway. */
    private static final Duration RETIRE_WAIT = Duration.ofSeconds(60);

    private final BundleContext context;
    private final ScorerConfigurations configurations;
    private final ScorerRegistry registry = new ScorerRegistry();
    private final Map<Long, List<ScorerHandle>> scorersByBundle = new ConcurrentHashMap<>();
    private final Map<ScorerHandle, Bundle> bundleOfScorer = new ConcurrentHashMap<>();
    private final Map<Long, String> problems = new ConcurrentHashMap<>();
    private final ServiceTracker<TaskScorer, ScorerHandle> tracker;
    private volatile boolean closing;

    /**
     * Starts following the scorers; those registered already are added at once.
     *
     * @param context the system bundle's context
     * @param configurations the scorers' settings, to refuse a scorer configured with settings it does not declare
     */
    public ScorerTracker(BundleContext context, ScorerConfigurations configurations) {
        this.context = context;
        this.configurations = configurations;
        this.tracker = new ServiceTracker<>(context, TaskScorer.class, new Customizer());
        tracker.open();
    }

    /** @return the scorers the plugins registered */
    public ScorerRegistry registry() {
        return registry;
    }

    /**
     * The scorers a bundle registered.
     *
     * @param bundle a plugin bundle
     * @return its scorers, in id order
     */
    public List<ScorerHandle> scorersOf(Bundle bundle) {
        List<ScorerHandle> scorers = new ArrayList<>(scorersByBundle.getOrDefault(bundle.getBundleId(), List.of()));
        scorers.sort(Comparator.comparing(ScorerHandle::id));
        return scorers;
    }

    /**
     * Why a scorer of a bundle was not added to the registry.
     *
     * @param bundle a plugin bundle
     * @return the reason, if one of its scorers was turned away
     */
    public Optional<String> problemOf(Bundle bundle) {
        return Optional.ofNullable(problems.get(bundle.getBundleId()));
    }

    /**
     * The bundle a scorer came from.
     *
     * @param scorer a scorer of the registry
     * @return its bundle, unless the scorer is gone
     */
    public Optional<Bundle> bundleOf(ScorerHandle scorer) {
        return Optional.ofNullable(bundleOfScorer.get(scorer));
    }

    /**
     * Forgets what was recorded about an uninstalled bundle; its scorers left the registry as it stopped.
     *
     * @param bundle the bundle
     */
    public void forget(Bundle bundle) {
        problems.remove(bundle.getBundleId());
        scorersByBundle.remove(bundle.getBundleId());
    }

    /** Stops following the scorers; they are removed at once, without waiting for batches, as the host stops. */
    @Override
    public void close() {
        closing = true;
        tracker.close();
    }

    // adds a scorer as its service registers, and retires it as the service unregisters
    private final class Customizer implements ServiceTrackerCustomizer<TaskScorer, ScorerHandle> {

        @Override
        public ScorerHandle addingService(ServiceReference<TaskScorer> reference) {
            Bundle bundle = reference.getBundle();
            TaskScorer scorer = context.getService(reference);
            if (scorer == null) {
                List<String> components = ComponentDiagnostics.problems(context, bundle);
                problems.put(bundle.getBundleId(), components.isEmpty()
                        ? "its scorer component failed to activate" : String.join("; ", components));
                return null;
            }
            ScorerInfo info;
            try {
                info = scorer.info();
            } catch (RuntimeException | LinkageError e) {
                problems.put(bundle.getBundleId(), "its scorer's info() failed: " + e);
                context.ungetService(reference);
                return null;
            }
            Optional<String> undeclared = configurations.undeclared(bundle, info.id());
            if (undeclared.isPresent()) {
                problems.put(bundle.getBundleId(), undeclared.get());
                context.ungetService(reference);
                return null;
            }
            ScorerHandle handle = registry.add(scorer, info, Bundles.describe(bundle));
            bundleOfScorer.put(handle, bundle);
            scorersByBundle.computeIfAbsent(bundle.getBundleId(), id -> new CopyOnWriteArrayList<>()).add(handle);
            LOG.debug("scorer {} {} from {}", info.id(), info.version(), Bundles.describe(bundle));
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
    }
}
