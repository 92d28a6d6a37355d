package dev.moravec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that starts the plugin host. */
final class HostMixin {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of scorer plugin bundles (default: $MORAVEC_PLUGINS, else the distribution's plugins/).")
    Path plugins;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON configuration: thresholds, scorer weights and settings, time limit (see README).")
    Path config;
}
