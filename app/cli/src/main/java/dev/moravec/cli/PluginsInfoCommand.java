package dev.moravec.cli;

import static dev.moravec.cli.PluginLabels.axes;
import static dev.moravec.cli.PluginLabels.scorerState;

import dev.moravec.api.Axis;
import dev.moravec.api.Task;
import dev.moravec.app.Session;
import dev.moravec.host.InstalledPlugins;
import dev.moravec.host.PluginHost;
import dev.moravec.host.PluginStatus;
import dev.moravec.host.ScorerSetting;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code moravec plugins info ID}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show a scorer: identity, version, axes, state, how its jar was verified, its bundle's wiring,"
                + " its configuration and settings with their defaults, and a health check: its failures and"
                + " quarantine state when it rates the built-in starter catalog."})
final class PluginsInfoCommand extends PluginsScorerCommand {

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        Path folder = folder();
        InstalledPlugins record = record();
        EngineConfig config = options.config(moravec().environment, moravec().mapper);
        try (Session session = inspect()) {
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
                throw unknown(knownIds(session, record, folder));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printScorer(PrintWriter out, Session session, PluginStatus plugin, ScorerHandle scorer,
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
        out.println("Verified:  " + (plugin.trust() == null ? "-" : plugin.trust().reason()));
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
