package dev.moravec.cli;

import picocli.CommandLine.Command;

/** {@code moravec plugins enable ID}. */
@Command(name = "enable", mixinStandardHelpOptions = true, description = "Ask a disabled scorer again.")
final class PluginsEnableCommand extends PluginsSwitch {
    @Override
    boolean disable() {
        return false;
    }
}
