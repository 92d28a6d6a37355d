package dev.moravec.server.internal;

import dev.moravec.app.OverrideStore;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Thresholds;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.ViewOptions;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * The view a request asks for: the analyst overrides kept in the data folder unless {@code overrides=false},
 * and 90% intervals unless {@code intervals=false}, from {@code seed} and {@code resamples} (the defaults of
 * the command line). A bad value is answered with 400.
 */
final class ViewParams {

    private ViewParams() {}

    /**
     * @param ctx the request
     * @param store the overrides kept in the data folder
     * @param thresholds where the quadrants are split
     * @return the overrides and the interval settings
     * @throws IOException if the override file cannot be read
     * @throws BadInputException if the override file is malformed
     */
    static ViewOptions of(Context ctx, OverrideStore store, Thresholds thresholds) throws IOException, BadInputException {
        return new ViewOptions(overrides(ctx, store, thresholds), intervals(ctx));
    }

    /**
     * @param ctx the request
     * @param store the overrides kept in the data folder
     * @param thresholds where the quadrants are split
     * @return the overrides in effect, or none with {@code overrides=false}
     * @throws IOException if the override file cannot be read
     * @throws BadInputException if the override file is malformed
     */
    static AnalystOverrides overrides(Context ctx, OverrideStore store, Thresholds thresholds)
            throws IOException, BadInputException {
        return onUnlessFalse(ctx, "overrides") ? store.current(thresholds) : AnalystOverrides.NONE;
    }

    private static IntervalSettings intervals(Context ctx) {
        if (!onUnlessFalse(ctx, "intervals")) {
            return null;
        }
        long seed = number(ctx, "seed", IntervalSettings.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        int resamples = (int) number(ctx, "resamples", IntervalSettings.DEFAULT_RESAMPLES, 100, 10_000);
        return new IntervalSettings(resamples, seed);
    }

    private static boolean onUnlessFalse(Context ctx, String name) {
        return Params.optional(ctx, name) == null || Params.bool(ctx, name);
    }

    private static long number(Context ctx, String name, long fallback, long min, long max) {
        String value = Params.optional(ctx, name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range value is
        }
        throw new ApiException(400, name + " must be a whole number" + (min == Long.MIN_VALUE ? ""
                : " from " + min + " to " + max) + ", not '" + value + "'");
    }
}
