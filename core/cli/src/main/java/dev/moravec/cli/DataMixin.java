package dev.moravec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option: where the taxonomy index and the caches live. */
final class DataMixin {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder: the taxonomy index and caches (default: $MORAVEC_HOME, else ~/.moravec).")
    Path data;

    /**
     * The data folder.
     *
     * @param environment where the command runs
     * @return the option, else {@code MORAVEC_HOME}, else {@code ~/.moravec}
     */
    Path dir(Environment environment) {
        return environment.dataDir(data);
    }

    /** @return " --data DIR" when the option was given, for hints that repeat the command */
    String hint() {
        return data == null ? "" : " --data " + data;
    }
}
