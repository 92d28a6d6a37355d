package dev.moravec.host.internal;

import dev.moravec.host.PluginState;
import dev.moravec.host.PluginStatus;
import dev.moravec.host.ScorerSetting;
import dev.moravec.scoring.ScorerHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * What the host tells about its plugins: the {@link PluginStatus} of each jar (from how its install
 * went, the scorers it registered, and Declarative Services' word on components that do not run), a
 * scorer's settings from its metatype, a bundle's wiring, and the state of every bundle. It only reads.
 */
public final class PluginInspection {

    private final BundleContext context;
    private final ScorerTracker scorers;
    private final ScorerConfigurations configurations;

    /**
     * @param context the system bundle's context
     * @param scorers the scorers the bundles registered
     * @param configurations the scorers' settings
     */
    public PluginInspection(BundleContext context, ScorerTracker scorers, ScorerConfigurations configurations) {
        this.context = context;
        this.scorers = scorers;
        this.configurations = configurations;
    }

    /**
     * What became of every jar, installed or not.
     *
     * @param installed the jars whose bundle is installed, by file
     * @param rejected the jars that could not be installed, or whose last change was not applied, by file
     * @return one status per jar, by file name
     */
    public List<PluginStatus> statuses(Map<Path, InstalledJar> installed, Map<Path, PluginStatus> rejected) {
        List<PluginStatus> statuses = new ArrayList<>();
        TreeSet<Path> files = new TreeSet<>(installed.keySet());
        files.addAll(rejected.keySet());
        for (Path file : files) {
            InstalledJar entry = installed.get(file);
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

    /**
     * What became of a jar whose bundle is installed: active with its scorers, or why it is not.
     *
     * @param file the jar
     * @param entry its bundle and how its install went
     * @return its status
     */
    public PluginStatus status(Path file, InstalledJar entry) {
        Bundle bundle = entry.bundle();
        List<ScorerHandle> registered = scorers.scorersOf(bundle);
        if (entry.failed() != null) {
            return new PluginStatus(file, Bundles.describe(bundle), entry.failed(), registered, entry.failure(),
                    entry.sha256(), entry.trust());
        }
        String problem = scorers.problemOf(bundle).orElse(null);
        PluginState state;
        if (!registered.isEmpty()) {
            state = PluginState.ACTIVE;
            problem = null;
        } else if (problem != null) {
            state = PluginState.FAILED_TO_START;
        } else {
            List<String> components = ComponentDiagnostics.problems(context, bundle);
            state = components.isEmpty() ? PluginState.NO_SCORER : PluginState.FAILED_TO_START;
            problem = !components.isEmpty() ? String.join("; ", components)
                    : Bundles.isFragment(bundle) ? "a fragment bundle; it registers no scorer of its own"
                    : "the bundle started but registered no TaskScorer service";
        }
        List<String> configured = configurations.configured(bundle);
        if (state == PluginState.FAILED_TO_START && !configured.isEmpty()) {
            // it failed with settings the configuration gave it: the settings are the first suspect
            state = PluginState.MISCONFIGURED;
            problem = "it did not start with the settings the configuration gives it (" + String.join(", ", configured)
                    + "): " + problem;
        }
        return new PluginStatus(file, Bundles.describe(bundle), state, registered, problem, entry.sha256(),
                entry.trust());
    }

    /**
     * The settings a scorer declares in its bundle's metatype, with their defaults and configured values.
     *
     * @param scorer a scorer of the host
     * @return its settings; empty if it declares none or is gone
     */
    public List<ScorerSetting> settings(ScorerHandle scorer) {
        return scorers.bundleOf(scorer).map(bundle -> configurations.describe(bundle, scorer.id())).orElse(List.of());
    }

    /**
     * How a bundle is wired into the framework: where each package it imports comes from, and who uses
     * the packages it exports.
     *
     * @param bundle a plugin bundle
     * @return one line per package (the JDK's own left out), {@code imports}/{@code exports}; empty if the
     *     bundle is not resolved
     */
    public Map<String, List<String>> wiring(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
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
                    + (provider.getBundleId() == 0 ? "the host" : Bundles.describe(provider)));
        }
        List<String> exports = new ArrayList<>();
        for (BundleWire wire : wiring.getProvidedWires(BundleRevision.PACKAGE_NAMESPACE)) {
            exports.add(wire.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE) + " to "
                    + Bundles.describe(wire.getRequirerWiring().getBundle()));
        }
        imports.sort(null);
        exports.sort(null);
        return Map.of("imports", imports, "exports", exports);
    }

    /**
     * The state of every bundle in the framework, runtime bundles included.
     *
     * @return symbolic name and version mapped to the bundle state's name
     */
    public Map<String, String> bundleStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            states.put(Bundles.describe(bundle), Bundles.stateName(bundle));
        }
        return states;
    }
}
