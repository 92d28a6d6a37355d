package dev.moravec.cli;

import dev.moravec.app.Session;
import dev.moravec.host.InstalledPlugins;
import java.nio.file.Path;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/** A subcommand about one scorer: its id parameter, and the error for an id the folder does not know. */
abstract class PluginsScorerCommand extends PluginsSubcommand {

    @Parameters(paramLabel = "ID", description = "The scorer's id, as 'moravec plugins list' shows it.")
    String id;

    /** Every scorer id the folder knows: running, or recorded for a jar that does not run. */
    static TreeSet<String> knownIds(Session session, InstalledPlugins record, Path folder) {
        TreeSet<String> ids = new TreeSet<>();
        session.host().registry().all().forEach(h -> ids.add(h.id()));
        record.jars(folder).values().forEach(j -> ids.addAll(j.scorers()));
        return ids;
    }

    /** The usage error for an id the folder does not know, naming the ids it does. */
    CommandLine.ParameterException unknown(TreeSet<String> known) {
        return new CommandLine.ParameterException(spec.commandLine(), "no scorer '" + id + "' in the plugins folder "
                + folder() + (known.isEmpty() ? "" : "; its scorers are " + String.join(", ", known))
                + " ('moravec plugins list' shows them)");
    }
}
