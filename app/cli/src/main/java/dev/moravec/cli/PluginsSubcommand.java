package dev.moravec.cli;

import dev.moravec.app.Session;
import dev.moravec.host.InstalledPlugins;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every plugins subcommand shares: the host options, the folder, its record and an inspecting session. */
abstract class PluginsSubcommand implements Callable<Integer> {
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

    Session inspect() throws Exception {
        return Session.start(moravec().environment, options.session(), moravec().mapper, null, false);
    }
}
