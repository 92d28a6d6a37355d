package dev.moravec.cli;

import dev.moravec.taxonomy.index.Classifications;
import dev.moravec.taxonomy.index.Ranking;
import dev.moravec.taxonomy.sources.crosswalk.EscoClassification;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What the tables of another classification than SOC 2018 say below their rows: the groups left without a
 * score and why, what coverage means and where it is thin, and ESCO's attribution where its content shows.
 */
final class ClassificationNotes {

    /** At most this many groups without a score are listed; the JSON lists them all. */
    private static final int LISTED = 10;

    private ClassificationNotes() {}

    /**
     * A coverage cell: the share, marked {@code *} when thin.
     *
     * @param coverage the share, or {@code null} for SOC 2018
     * @return such as {@code 86%} or {@code 31%*}; empty for {@code null}
     */
    static String coverage(Double coverage) {
        if (coverage == null) {
            return "";
        }
        return Format.percent(coverage) + (coverage < Classifications.THIN_COVERAGE ? "*" : "");
    }

    /**
     * Prints the groups without a score.
     *
     * @param out where to
     * @param withoutScore the groups
     */
    static void unscored(PrintWriter out, List<Ranking.Unscored> withoutScore) {
        if (withoutScore.isEmpty()) {
            return;
        }
        out.println("Without a score (" + Format.count(withoutScore.size()) + "):");
        for (Ranking.Unscored unscored : withoutScore.subList(0, Math.min(LISTED, withoutScore.size()))) {
            out.println("  " + unscored.code() + "  " + (unscored.title() == null ? "" : unscored.title() + "  ")
                    + "coverage " + Format.percent(unscored.coverage()) + ": " + unscored.reason());
        }
        if (withoutScore.size() > LISTED) {
            out.println("  ... and " + Format.count(withoutScore.size() - LISTED) + " more (--format json lists them)");
        }
    }

    /**
     * Prints what coverage means, and ESCO's attribution for ESCO.
     *
     * @param out where to
     * @param classification the classification's label
     * @param sources the crosswalks the codes were reached through
     */
    static void footer(PrintWriter out, String classification, List<String> sources) {
        if (classification.equals("soc2018")) {
            return;
        }
        out.println(String.format(Locale.ROOT, "COVERAGE: the share of a group's crosswalk weight that reaches scored"
                + " O*NET-SOC occupations; below %.0f%% marked * (a score built on thin coverage). Crosswalks: %s.",
                100 * Classifications.THIN_COVERAGE, String.join(" + ", sources)));
        attribution(out, classification);
    }

    /**
     * Prints ESCO's attribution when the output shows ESCO content.
     *
     * @param out where to
     * @param classification the classification's label
     */
    static void attribution(PrintWriter out, String classification) {
        if (classification.equals("esco")) {
            out.println(EscoClassification.ATTRIBUTION);
        }
    }
}
