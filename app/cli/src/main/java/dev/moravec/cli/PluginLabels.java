package dev.moravec.cli;

import dev.moravec.api.Axis;
import dev.moravec.app.Session;
import dev.moravec.host.PluginStatus;
import dev.moravec.scoring.ScorerHandle;
import java.util.stream.Collectors;

/** How the plugins commands word a scorer's state, a jar's verification and a scorer's axes. */
final class PluginLabels {

    private PluginLabels() {}

    /**
     * A scorer's state as the plugins commands show it.
     *
     * @param session the inspecting session, whose configuration says whether the scorer is enabled
     * @param scorer the scorer
     * @return quarantined, inactive (a newer version is active), active or disabled
     */
    static String scorerState(Session session, ScorerHandle scorer) {
        if (scorer.isQuarantined()) {
            return "quarantined";
        }
        if (session.host().registry().isShadowed(scorer)) {
            return "inactive (a newer version is active)";
        }
        return session.config().scorer(scorer.id()).enabled() ? "active" : "disabled";
    }

    /**
     * How a jar was verified, in one word for the VERIFIED column.
     *
     * @param plugin the jar
     * @return shipped, installed, unverified, unchecked or refused; {@code -} when no trust was asked
     */
    static String verified(PluginStatus plugin) {
        return plugin.trust() == null ? "-" : plugin.trust().kind().label();
    }

    /**
     * The axes a scorer rates, sorted, as the commands and the API name them.
     *
     * @param scorer the scorer
     * @return such as {@code transferability, verificationCost}
     */
    static String axes(ScorerHandle scorer) {
        return scorer.info().axes().stream().sorted().map(Axis::fieldName).collect(Collectors.joining(", "));
    }
}
