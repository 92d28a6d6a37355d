package dev.moravec.cli;

import picocli.CommandLine.Command;

/** {@code moravec plugins disable ID}. */
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Stop asking a scorer, keeping it installed. Recorded per plugins folder.")
final class PluginsDisableCommand extends PluginsSwitch {
    @Override
    boolean disable() {
        return true;
    }
}
