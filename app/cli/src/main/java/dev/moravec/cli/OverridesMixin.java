package dev.moravec.cli;

import dev.moravec.app.OverrideFile;
import dev.moravec.app.OverrideStore;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Thresholds;
import dev.moravec.taxonomy.index.OverrideReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which analyst overrides apply: those of {@code --overrides FILE}, else those kept in the data folder,
 * or none with {@code --no-overrides}.
 */
public final class OverridesMixin {

    @Option(names = "--overrides", paramLabel = "FILE",
            description = "Apply the analyst overrides of this file (CSV or JSON Lines; see docs/commands.md) instead of"
                    + " those kept in the data folder with 'moravec override add'.")
    public Path overrides;

    @Option(names = "--no-overrides", description = "Show the scorers' verdicts, without any analyst override.")
    public boolean noOverrides;

    /**
     * The analyst overrides to apply.
     *
     * @param moravec the command line
     * @param dataDir the data folder
     * @param thresholds where the quadrants are split
     * @return the overrides; none with {@code --no-overrides}
     * @throws IOException if the file cannot be read
     * @throws BadInputException if the file is missing or malformed; the message names file, line and field
     */
    public AnalystOverrides overrides(Moravec moravec, Path dataDir, Thresholds thresholds)
            throws IOException, BadInputException {
        if (noOverrides) {
            return AnalystOverrides.NONE;
        }
        if (overrides != null) {
            try {
                return new AnalystOverrides(new OverrideFile(moravec.mapper).read(overrides), thresholds);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(overrides + ": " + e.getMessage(), e);
            }
        }
        return new OverrideStore(dataDir, moravec.mapper).current(thresholds);
    }

    /**
     * Where the overrides came from, for the line that says so.
     *
     * @param dataDir the data folder
     * @return the file
     */
    public String source(Path dataDir) {
        return overrides != null ? overrides.toString() : dataDir.resolve(OverrideStore.FILE).toString();
    }

    /**
     * Says on standard error which overrides name a task or occupation the taxonomy lacks: they are not applied,
     * and never silently.
     *
     * @param err standard error
     * @param report what became of the overrides
     * @param dataDir the data folder
     */
    public void warnUnknown(PrintWriter err, OverrideReport report, Path dataDir) {
        for (AnalystOverride unknown : report.unknown()) {
            err.println("moravec: warning: the override of " + unknown.target() + " in " + source(dataDir)
                    + " is not applied: the taxonomy has no such " + (unknown.isForTask() ? "task" : "occupation"));
        }
        err.flush();
    }

    /**
     * The line tables print about the overrides.
     *
     * @param report what became of the overrides
     * @param dataDir the data folder
     * @return the line, or {@code null} when none applies
     */
    public String summary(OverrideReport report, Path dataDir) {
        if (report.applied() == 0) {
            return null;
        }
        return "Analyst overrides: " + report.applied() + " applied from " + source(dataDir) + " (rows marked *;"
                + " --no-overrides shows the scorers' verdicts).";
    }
}
