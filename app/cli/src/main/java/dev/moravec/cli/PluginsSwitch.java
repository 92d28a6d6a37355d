package dev.moravec.cli;

import dev.moravec.app.Session;
import dev.moravec.host.InstalledPlugins;
import java.nio.file.Path;
import java.util.TreeSet;

/** {@code moravec plugins enable ID} and {@code disable ID}. */
abstract class PluginsSwitch extends PluginsScorerCommand {

    /** @return true to disable the scorer, false to enable it */
    abstract boolean disable();

    @Override
    public Integer call() throws Exception {
        Path folder = folder();
        InstalledPlugins record = record();
        try (Session session = inspect()) {
            TreeSet<String> known = knownIds(session, record, folder);
            if (!known.contains(id)) {
                throw unknown(known);
            }
        }
        record.setDisabled(folder, id, disable());
        out().println((disable() ? "Disabled " : "Enabled ") + id + " in " + folder + ": commands started from now on "
                + (disable() ? "leave it out (it stays installed; 'moravec plugins enable " + id + "' brings it back)"
                        : "ask it again, unless the configuration disables it"));
        out().flush();
        return ExitCodes.OK;
    }
}
