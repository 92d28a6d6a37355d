package dev.moravec.cli;

import dev.moravec.app.Session;
import dev.moravec.host.InstalledPlugins;
import dev.moravec.host.PluginStatus;
import dev.moravec.host.PluginTrust;
import dev.moravec.model.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;

/** {@code moravec plugins remove ID}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Delete the jars of a scorer (every version) from the plugins folder and forget them.")
final class PluginsRemoveCommand extends PluginsScorerCommand {

    @Override
    public Integer call() throws Exception {
        Path folder = folder();
        InstalledPlugins record = record();
        List<PluginStatus> jars = new ArrayList<>();
        TreeSet<String> known;
        try (Session session = inspect()) {
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
            throw unknown(known);
        }
        for (PluginStatus plugin : jars) {
            if (plugin.verifiedAs(PluginTrust.Kind.SHIPPED)) {
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
