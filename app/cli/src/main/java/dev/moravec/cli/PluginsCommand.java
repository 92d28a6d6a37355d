package dev.moravec.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code moravec plugins}: list, install, remove, enable, disable and inspect the scorer plugins. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Manage the scorer plugins.",
        subcommands = {PluginsListCommand.class, PluginsInstallCommand.class, PluginsRemoveCommand.class,
                PluginsEnableCommand.class, PluginsDisableCommand.class, PluginsInfoCommand.class})
final class PluginsCommand {

    @ParentCommand
    Moravec moravec;
}
