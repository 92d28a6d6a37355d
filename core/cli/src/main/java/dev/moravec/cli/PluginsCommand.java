package dev.moravec.cli;

import dev.moravec.api.Axis;
import dev.moravec.engine.PluginStatus;
import dev.moravec.engine.ScorerHandle;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moravec plugins}: what scorer plugins there are. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Show the scorer plugins.",
        subcommands = {PluginsCommand.ListCommand.class})
final class PluginsCommand {

    @ParentCommand
    Moravec moravec;

    /** {@code moravec plugins list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every scorer and every jar in the plugins folder: id, version, state, axes, bundle.")
    static final class ListCommand implements Callable<Integer> {

        @ParentCommand
        PluginsCommand plugins;

        @Mixin
        HostMixin options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Moravec moravec = plugins.moravec;
            try (HostSession session = HostSession.start(moravec.environment, options, moravec.mapper)) {
                Table table = new Table("ID", "VERSION", "STATE", "AXES", "BUNDLE", "FILE");
                int rows = 0;
                for (PluginStatus plugin : session.host().plugins()) {
                    String file = plugin.file().getFileName().toString();
                    for (ScorerHandle scorer : plugin.scorers()) {
                        String state = scorer.isQuarantined() ? "quarantined"
                                : session.host().registry().isShadowed(scorer) ? "inactive (a newer version is active)"
                                : "active";
                        table.row(scorer.id(), scorer.info().version(), state, axes(scorer), plugin.bundle(), file);
                        rows++;
                    }
                    if (plugin.scorers().isEmpty()) {
                        table.row("-", "-", plugin.state().label(), "-", plugin.bundle() == null ? "-" : plugin.bundle(),
                                file);
                        rows++;
                    }
                }
                if (rows == 0) {
                    out.println("No plugins in " + session.host().pluginsDir());
                } else {
                    table.print(out);
                }
                for (PluginStatus plugin : session.host().plugins()) {
                    if (plugin.problem() != null) {
                        out.println();
                        out.println(plugin.file().getFileName() + ": " + plugin.problem());
                    }
                }
                out.flush();
            }
            return ExitCodes.OK;
        }

        private static String axes(ScorerHandle scorer) {
            return scorer.info().axes().stream().sorted().map(Axis::fieldName).collect(Collectors.joining(", "));
        }
    }
}
