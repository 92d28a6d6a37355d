package dev.moravec.cli;

import dev.moravec.model.BadInputException;
import dev.moravec.model.Thresholds;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.ViewOptions;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that show scores: which analyst overrides apply ({@link OverridesMixin})
 * and how the 90% intervals are estimated ({@code --seed}, {@code --resamples}, or none with
 * {@code --no-intervals}).
 */
public final class ViewMixin {

    @Mixin
    public OverridesMixin overrides;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + IntervalSettings.DEFAULT_SEED,
            description = "Seed of the bootstrap behind the 90% intervals (default: ${DEFAULT-VALUE}); the same seed"
                    + " gives the same intervals.")
    public long seed;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + IntervalSettings.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples behind the 90% intervals (default: ${DEFAULT-VALUE}, at least 100).")
    public int resamples;

    @Option(names = "--no-intervals", description = "Leave out the 90% intervals and rank ranges (faster).")
    public boolean noIntervals;

    /**
     * The view the options choose.
     *
     * @param moravec the command line
     * @param dataDir the data folder
     * @param thresholds where the quadrants are split
     * @return the overrides and the interval settings
     * @throws IOException if the override file cannot be read
     * @throws BadInputException if the override file is malformed or the settings are out of range
     */
    public ViewOptions view(Moravec moravec, Path dataDir, Thresholds thresholds) throws IOException, BadInputException {
        return new ViewOptions(overrides.overrides(moravec, dataDir, thresholds), intervals());
    }

    /**
     * @return the interval settings, or {@code null} with {@code --no-intervals}
     * @throws BadInputException if {@code --resamples} is below 100
     */
    public IntervalSettings intervals() throws BadInputException {
        if (noIntervals) {
            return null;
        }
        try {
            return new IntervalSettings(resamples, seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--resamples: " + e.getMessage(), e);
        }
    }
}
