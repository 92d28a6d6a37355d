package dev.moravec.cli;

import dev.moravec.api.Axis;
import dev.moravec.api.Task;
import dev.moravec.engine.BadInputException;
import dev.moravec.engine.EngineConfig;
import dev.moravec.engine.InstalledPlugins;
import dev.moravec.engine.PluginHost;
import dev.moravec.engine.PluginState;
import dev.moravec.engine.PluginStatus;
import dev.moravec.engine.RatingStatus;
import dev.moravec.engine.ScorerHandle;
import dev.moravec.engine.ScorerOutcome;
import dev.moravec.engine.ScorerRegistry;
import dev.moravec.engine.ScorerSetting;
import dev.moravec.engine.ScorerSettings;
import dev.moravec.engine.ScoringEngine;
import dev.moravec.engine.Verdict;
import dev.moravec.taxonomy.StarterCatalog;
import dev.moravec.taxonomy.TaxonomyTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec plugins}: list, install, remove, enable, disable and inspect the scorer plugins. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Manage the scorer plugins.",
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.InstallCommand.class,
                PluginsCommand.RemoveCommand.class, PluginsCommand.EnableCommand.class,
                PluginsCommand.DisableCommand.class, PluginsCommand.InfoCommand.class})
final class PluginsCommand {

    @ParentCommand
    Moravec moravec;

    /** What every subcommand shares: the host options and a way to start an inspecting session. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        PluginsCommand plugins;

        @Mixin
        HostMixin options;

        @Spec
        CommandSpec spec;

        Moravec moravec() {
            return plugins.moravec;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        Path folder() {
            return moravec().environment.pluginsDir(options.plugins).toAbsolutePath();
        }

        InstalledPlugins record() {
            return moravec().environment.installedPlugins(moravec().mapper);
        }

        HostSession inspect() throws Exception {
            return HostSession.start(moravec().environment, options, moravec().mapper, null, false);
        }

        /** Every scorer id the folder knows: running, or recorded for a jar that does not run. */
        static TreeSet<String> knownIds(HostSession session, InstalledPlugins record, Path folder) {
            TreeSet<String> ids = new TreeSet<>();
            session.host().registry().all().forEach(h -> ids.add(h.id()));
            record.jars(folder).values().forEach(j -> ids.addAll(j.scorers()));
            return ids;
        }

        CommandLine.ParameterException unknown(String id, TreeSet<String> known) {
            return new CommandLine.ParameterException(spec.commandLine(), "no scorer '" + id + "' in the plugins folder "
                    + folder() + (known.isEmpty() ? "" : "; its scorers are " + String.join(", ", known))
                    + " ('moravec plugins list' shows them)");
        }
    }

    /** {@code moravec plugins list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every scorer and every jar in the plugins folder: id, version, state, axes, how the jar"
                    + " was verified, bundle, file.")
    static final class ListCommand extends Subcommand {

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            try (HostSession session = inspect()) {
                PluginHost host = session.host();
                Table table = new Table("ID", "VERSION", "STATE", "AXES", "VERIFIED", "BUNDLE", "FILE");
                int rows = 0;
                for (PluginStatus plugin : host.plugins()) {
                    String file = plugin.file().getFileName().toString();
                    for (ScorerHandle scorer : plugin.scorers()) {
                        table.row(scorer.id(), scorer.info().version(), scorerState(session, scorer), axes(scorer),
                                verified(plugin), plugin.bundle(), file);
                        rows++;
                    }
                    if (plugin.scorers().isEmpty()) {
                        table.row("-", "-", plugin.state().label(), "-", verified(plugin),
                                plugin.bundle() == null ? "-" : plugin.bundle(), file);
                        rows++;
                    }
                }
                if (rows == 0) {
                    out.println("No plugins in " + host.pluginsDir());
                } else {
                    table.print(out);
                }
                for (PluginStatus plugin : host.plugins()) {
                    if (plugin.problem() != null) {
                        out.println();
                        out.println(plugin.file().getFileName() + ": " + plugin.problem());
                    }
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code moravec plugins install JAR}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Check a scorer jar and install it into the plugins folder.",
                "The jar must be an OSGi bundle that resolves against the running framework and registers a scorer,"
                        + " with valid settings; otherwise nothing changes. Its SHA-256 is recorded, so the jar runs"
                        + " as verified until it changes."})
    static final class InstallCommand extends Subcommand {

        @Parameters(paramLabel = "JAR", description = "The plugin jar, for example target/my-scorer-1.0.0.jar.")
        Path jar;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(jar)) {
                throw new BadInputException(jar + " is not a file: give the path of a plugin jar");
            }
            checkIsBundle(jar);
            Path folder = folder();
            Path destination = folder.resolve(jar.getFileName().toString());
            boolean inPlace = Files.exists(destination) && Files.isSameFile(destination, jar);
            PluginStatus tried;
            List<ScorerHandle> others;
            try (HostSession session = inspect()) {
                tried = session.host().tryPlugin(jar, Files.exists(destination) ? destination : null);
                others = session.host().registry().all();
            }
            if (tried.state() != PluginState.ACTIVE) {
                throw new BadInputException("cannot install " + jar + ": " + refusal(tried) + ". Nothing was changed");
            }
            String name = destination.getFileName().toString();
            InstalledPlugins record = record();
            Optional<InstalledPlugins.Jar> before = record.jar(folder, name);
            List<String> ids = tried.scorers().stream().map(ScorerHandle::id).toList();
            // the record first: a host watching the folder must find the jar verified the moment it appears
            record.record(folder, name, new InstalledPlugins.Jar(tried.sha256(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), tried.bundle(), ids));
            boolean copied = false;
            try {
                if (!inPlace) {
                    copyInto(jar, destination);
                }
                copied = true;
            } finally {
                if (!copied) {
                    if (before.isPresent()) {
                        record.record(folder, name, before.get());
                    } else {
                        record.forget(folder, name);
                    }
                }
            }
            PrintWriter out = out();
            out.println("Installed " + name + " (bundle " + tried.bundle() + ") into " + folder);
            out.println("SHA-256 " + tried.sha256() + " recorded in " + record.file());
            for (ScorerHandle scorer : tried.scorers()) {
                out.println("Scorer " + scorer.id() + " " + scorer.info().version() + " rates " + axes(scorer) + ": "
                        + scorer.info().description() + versionNote(scorer, others));
            }
            out.println("Commands started from now on use it; a running 'moravec serve' on this folder picks it up"
                    + " within seconds. See it with 'moravec plugins info " + ids.get(0) + "'.");
            out.flush();
            return ExitCodes.OK;
        }

        private static void checkIsBundle(Path jar) throws BadInputException {
            Manifest manifest;
            try (JarFile file = new JarFile(jar.toFile())) {
                manifest = file.getManifest();
            } catch (IOException e) {
                throw new BadInputException("cannot install " + jar + ": not a jar file (" + e.getMessage()
                        + "). Nothing was changed");
            }
            if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                throw new BadInputException("cannot install " + jar + ": not an OSGi bundle (its META-INF/MANIFEST.MF"
                        + " has no Bundle-SymbolicName); build it with bnd-maven-plugin, as plugins/example does."
                        + " Nothing was changed");
            }
        }

        private static String refusal(PluginStatus tried) {
            return switch (tried.state()) {
                case INVALID -> "it is not an installable OSGi bundle: " + tried.problem();
                case FAILED_TO_RESOLVE -> "it does not resolve against the running framework: " + tried.problem();
                case FAILED_TO_START -> "it resolves but its scorer does not start: " + tried.problem();
                case NO_SCORER -> "it registers no scorer: " + tried.problem();
                case MISCONFIGURED -> "the configuration's settings for it are wrong: " + tried.problem();
                default -> tried.state().label() + ": " + tried.problem();
            };
        }

        private static String versionNote(ScorerHandle scorer, List<ScorerHandle> others) {
            Optional<ScorerHandle> newest = others.stream().filter(h -> h.id().equals(scorer.id()))
                    .max(Comparator.comparing((ScorerHandle h) -> h.info().version(), ScorerRegistry::compareVersions));
            if (newest.isEmpty()) {
                return "";
            }
            String other = newest.get().info().version();
            int c = ScorerRegistry.compareVersions(scorer.info().version(), other);
            return c > 0 ? " (newer than " + other + " beside it, so this version is active)"
                    : c < 0 ? " (version " + other + " beside it is newer and stays active; this one is inactive)"
                    : "";
        }

        // through a temporary file in the folder and an atomic move, so a watching host never reads half a jar
        private static void copyInto(Path jar, Path destination) throws IOException {
            Files.createDirectories(destination.getParent());
            Path temp = destination.resolveSibling("." + destination.getFileName() + ".installing");
            Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
            InstalledPlugins.replace(temp, destination);
        }
    }

    /** {@code moravec plugins remove ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete the jars of a scorer (every version) from the plugins folder and forget them.")
    static final class RemoveCommand extends Subcommand {

        @Parameters(paramLabel = "ID", description = "The scorer's id, as 'moravec plugins list' shows it.")
        String id;

        @Override
        public Integer call() throws Exception {
            Path folder = folder();
            InstalledPlugins record = record();
            List<PluginStatus> jars = new ArrayList<>();
            TreeSet<String> known;
            try (HostSession session = inspect()) {
                known = knownIds(session, record, folder);
                Map<String, InstalledPlugins.Jar> recorded = record.jars(folder);
                for (PluginStatus plugin : session.host().plugins()) {
                    boolean runs = plugin.scorers().stream().anyMatch(s -> s.id().equals(id));
                    InstalledPlugins.Jar entry = recorded.get(plugin.file().getFileName().toString());
                    if (runs || entry != null && entry.scorers().contains(id)) {
                        jars.add(plugin);
                    }
                }
            }
            if (jars.isEmpty()) {
                throw unknown(id, known);
            }
            for (PluginStatus plugin : jars) {
                if (plugin.trust() != null && plugin.trust().startsWith("shipped")) {
                    throw new BadInputException(id + " ships with Moravec (" + plugin.file() + "): keep it and run"
                            + " 'moravec plugins disable " + id + "' to stop using it. Nothing was changed");
                }
            }
            PrintWriter out = out();
            for (PluginStatus plugin : jars) {
                Files.deleteIfExists(plugin.file());
                record.forget(folder, plugin.file().getFileName().toString());
                out.println("Removed " + plugin.file().getFileName() + (plugin.bundle() == null ? "" : " (bundle "
                        + plugin.bundle() + ")") + " from " + folder);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code moravec plugins enable ID} and {@code disable ID}. */
    abstract static class Switch extends Subcommand {
        @Parameters(paramLabel = "ID", description = "The scorer's id, as 'moravec plugins list' shows it.")
        String id;

        abstract boolean disable();

        @Override
        public Integer call() throws Exception {
            Path folder = folder();
            InstalledPlugins record = record();
            try (HostSession session = inspect()) {
                TreeSet<String> known = knownIds(session, record, folder);
                if (!known.contains(id)) {
                    throw unknown(id, known);
                }
            }
            record.setDisabled(folder, id, disable());
            out().println((disable() ? "Disabled " : "Enabled ") + id + " in " + folder + ": commands started from now on "
                    + (disable() ? "leave it out (it stays installed; 'moravec plugins enable " + id + "' brings it back)"
                            : "ask it again, unless the configuration disables it"));
            out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code moravec plugins disable ID}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop asking a scorer, keeping it installed. Recorded per plugins folder.")
    static final class DisableCommand extends Switch {
        @Override
        boolean disable() {
            return true;
        }
    }

    /** {@code moravec plugins enable ID}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Ask a disabled scorer again.")
    static final class EnableCommand extends Switch {
        @Override
        boolean disable() {
            return false;
        }
    }

    /** {@code moravec plugins info ID}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"Show a scorer: identity, version, axes, state, how its jar was verified, its bundle's wiring,"
                    + " its configuration and settings with their defaults, and a health check: its failures and"
                    + " quarantine state when it rates the built-in starter catalog."})
    static final class InfoCommand extends Subcommand {

        @Parameters(paramLabel = "ID", description = "The scorer's id, as 'moravec plugins list' shows it.")
        String id;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            Path folder = folder();
            InstalledPlugins record = record();
            EngineConfig config = options.config(moravec().environment, moravec().mapper);
            try (HostSession session = inspect()) {
                PluginHost host = session.host();
                boolean found = false;
                boolean disabled = record.disabled(folder).contains(id);
                Map<String, InstalledPlugins.Jar> jars = record.jars(folder);
                List<PluginStatus> plugins = host.plugins();
                for (PluginStatus plugin : plugins) {
                    List<ScorerHandle> scorers = plugin.scorers().stream().filter(s -> s.id().equals(id)).toList();
                    for (ScorerHandle scorer : scorers) {
                        if (found) {
                            out.println();
                        }
                        found = true;
                        printScorer(out, session, plugin, scorer, config, disabled);
                    }
                    InstalledPlugins.Jar entry = jars.get(plugin.file().getFileName().toString());
                    if (scorers.isEmpty() && entry != null && entry.scorers().contains(id)) {
                        if (found) {
                            out.println();
                        }
                        found = true;
                        out.println("Scorer:    " + id + " (recorded when installed; it does not run now)");
                        printJar(out, host, plugin);
                    }
                }
                if (!found) {
                    throw unknown(id, knownIds(session, record, folder));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private void printScorer(PrintWriter out, HostSession session, PluginStatus plugin, ScorerHandle scorer,
                EngineConfig config, boolean disabledHere) throws Exception {
            PluginHost host = session.host();
            out.println("Scorer:    " + scorer.id() + " " + scorer.info().version());
            out.println("About:     " + scorer.info().description());
            out.println("Axes:      " + axes(scorer));
            String state = scorerState(session, scorer);
            if (disabledHere) {
                state += " (by 'moravec plugins disable')";
            }
            out.println("State:     " + state);
            printJar(out, host, plugin);
            ScorerSettings weights = config.scorer(scorer.id());
            out.println("Config:    weight T " + ReportTable.number(weights.weight(Axis.TRANSFERABILITY)) + " / V "
                    + ReportTable.number(weights.weight(Axis.VERIFICATION_COST)) + (weights.enabled() ? "" : ", disabled")
                    + " (" + Optional.ofNullable(options.configFile(moravec().environment)).map(Path::toString)
                            .orElse("built-in defaults") + ")");
            List<ScorerSetting> settings = host.settings(scorer);
            if (settings.isEmpty()) {
                out.println("Settings:  none declared");
            } else {
                out.println("Settings:  (scorers." + scorer.id() + ".settings in the configuration)");
                Table table = new Table("  NAME", "TYPE", "DEFAULT", "VALUE", "DESCRIPTION");
                for (ScorerSetting setting : settings) {
                    table.row("  " + setting.name(), setting.type(), quoted(setting.defaultValue()),
                            setting.value() == null ? "(default)" : quoted(setting.value()),
                            setting.description() + (setting.options().isEmpty() ? "" : "; one of " + setting.options()));
                }
                table.print(out);
            }
            printHealth(out, scorer, config);
        }

        private static void printJar(PrintWriter out, PluginHost host, PluginStatus plugin) {
            out.println("File:      " + plugin.file());
            out.println("SHA-256:   " + (plugin.sha256() == null ? "-" : plugin.sha256()));
            out.println("Verified:  " + (plugin.trust() == null ? "-" : plugin.trust()));
            out.println("Bundle:    " + (plugin.bundle() == null ? "-" : plugin.bundle() + ", "
                    + host.bundleState(plugin.file()).orElse("not installed")) + "; plugin " + plugin.state().label());
            if (plugin.problem() != null) {
                out.println("Problem:   " + plugin.problem());
            }
            Map<String, List<String>> wiring = host.wiring(plugin.file());
            printLines(out, "Imports:   ", wiring.getOrDefault("imports", List.of()));
            printLines(out, "Exports:   ", wiring.getOrDefault("exports", List.of()));
        }

        private static void printLines(PrintWriter out, String label, List<String> lines) {
            if (lines.isEmpty()) {
                out.println(label + "none");
            }
            for (int i = 0; i < lines.size(); i++) {
                out.println((i == 0 ? label : " ".repeat(label.length())) + lines.get(i));
            }
        }

        // a fresh handle on the same scorer, so the counts are this check's alone
        private void printHealth(PrintWriter out, ScorerHandle scorer, EngineConfig config) throws Exception {
            List<Task> tasks = starterTasks();
            ScorerRegistry alone = new ScorerRegistry();
            ScorerHandle probe = alone.add(scorer.scorer(), scorer.info(), scorer.origin());
            Map<RatingStatus, Integer> counts = new EnumMap<>(RatingStatus.class);
            try (ScoringEngine engine = new ScoringEngine(alone, config, 2)) {
                for (Verdict verdict : engine.classify(tasks)) {
                    for (ScorerOutcome outcome : verdict.outcomes()) {
                        counts.merge(outcome.status(), 1, Integer::sum);
                    }
                }
            }
            out.println("Health:    on the " + tasks.size() + " tasks of the built-in starter catalog: "
                    + counts.getOrDefault(RatingStatus.OK, 0) + " rated, "
                    + counts.getOrDefault(RatingStatus.ABSTAINED, 0) + " abstained, " + probe.failedCount()
                    + " failed, " + probe.timedOutCount() + " timed out; "
                    + (probe.isQuarantined() ? probe.quarantineReason() : "not quarantined"));
            probe.failureReasons().forEach((reason, count) -> out.println("           " + count + " x " + reason));
        }

        private static List<Task> starterTasks() {
            return StarterCatalog.release().tasks().stream().map(TaxonomyTask::task).toList();
        }

        private static String quoted(String value) {
            return value == null ? "-" : value.isEmpty() ? "\"\"" : value;
        }
    }

    static String scorerState(HostSession session, ScorerHandle scorer) {
        if (scorer.isQuarantined()) {
            return "quarantined";
        }
        if (session.host().registry().isShadowed(scorer)) {
            return "inactive (a newer version is active)";
        }
        return session.config().scorer(scorer.id()).enabled() ? "active" : "disabled";
    }

    static String verified(PluginStatus plugin) {
        if (plugin.trust() == null) {
            return "-";
        }
        return plugin.state() == PluginState.REFUSED ? "refused"
                : plugin.trust().split("[ ,(]", 2)[0];
    }

    static String axes(ScorerHandle scorer) {
        return scorer.info().axes().stream().sorted().map(Axis::fieldName).collect(Collectors.joining(", "));
    }
}
