package dev.moravec.cli;

import static dev.moravec.cli.PluginLabels.axes;
import static dev.moravec.cli.PluginLabels.scorerState;
import static dev.moravec.cli.PluginLabels.verified;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.moravec.app.JsonViews;
import dev.moravec.app.Session;
import dev.moravec.host.PluginHost;
import dev.moravec.host.PluginStatus;
import dev.moravec.scoring.ScorerHandle;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moravec plugins list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every scorer and every jar in the plugins folder: id, version, state, axes, how the jar"
                + " was verified, bundle, file.")
final class PluginsListCommand extends PluginsSubcommand {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json: the document GET /api/plugins answers.")
    ReportFormat format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        try (Session session = inspect()) {
            if (format == ReportFormat.json) {
                // the API's own view, so the two cannot drift apart; the engine only says which scorers are active
                out.println(moravec().mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                        new JsonViews(moravec().mapper).plugins(session.host(), session.engine(1, false))));
            } else {
                printTable(out, session);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static void printTable(PrintWriter out, Session session) {
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
    }
}
