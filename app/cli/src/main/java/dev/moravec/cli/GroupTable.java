package dev.moravec.cli;

import dev.moravec.model.OccupationScore;
import dev.moravec.taxonomy.index.Classifications;
import dev.moravec.taxonomy.index.GroupDetails;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code moravec show --classification X CODE} as a table: a group of another classification. */
final class GroupTable {

    /** At most this many occupations behind a group are listed; the JSON lists them all. */
    private static final int LISTED = 25;

    private GroupTable() {}

    static void print(PrintWriter out, GroupDetails.Detail detail, String overrides) {
        Classification classification = Classification.ofLabel(detail.classification());
        out.println(classification.title() + " " + detail.level() + " " + detail.code() + "  "
                + (detail.title() == null ? "" : detail.title()));
        if (detail.uri() != null) {
            out.println("  " + detail.uri() + (detail.parent() == null ? "" : "  (ISCO-08 unit group " + detail.parent() + ")"));
        }
        if (!detail.alternativeLabels().isEmpty()) {
            out.println("  also: " + String.join("; ", detail.alternativeLabels().subList(0,
                    Math.min(8, detail.alternativeLabels().size()))) + (detail.alternativeLabels().size() > 8 ? "; ..." : ""));
        }
        out.println();
        OccupationScore score = detail.score();
        if (score == null) {
            out.println("Score:      none: no scored O*NET-SOC occupation is behind it (run moravec classify --taxonomy,"
                    + " or see its partners below)");
        } else {
            out.println("Score:      " + Format.unit(score.score()) + (detail.interval() == null ? ""
                    : " (90% interval " + Format.interval(detail.interval()) + ")") + "  T "
                    + Format.unit(score.transferability()) + "  V "
                    + Format.unit(score.verificationCost()) + "  built from " + detail.members().stream()
                            .filter(m -> m.scores().score().isPresent()).count() + " O*NET-SOC occupations"
                    + (detail.thinCoverage() ? "  (THIN COVERAGE)" : ""));
            if (detail.intervals() != null) {
                out.println(Format.intervals(detail.intervals()));
            }
            if (overrides != null) {
                out.println(overrides);
            }
            out.println(Format.quadrants(score.shares()));
        }
        out.println(String.format(Locale.ROOT, "Coverage:   %s of its crosswalk weight reaches scored O*NET-SOC"
                + " occupations%s (thin below %.0f%%)", Format.percent(detail.coverage()),
                detail.unreached() > 0 ? "; " + Format.percent(detail.unreached()) + " reaches no occupation at all" : "",
                100 * Classifications.THIN_COVERAGE));
        if (detail.employment() != null) {
            out.println("Employment: " + Format.count(Math.round(detail.employment())) + " (the occupations' shares)"
                    + (detail.wageBill() == null ? "" : "    Wage bill: " + Format.money(detail.wageBill())));
        }
        out.println("Weighting:  " + detail.weighting() + ".");
        out.println();
        Table table = new Table("WEIGHT", "SHARE", "SCORE", "T", "V", "CODE", "O*NET-SOC OCCUPATION BEHIND IT", "TASKS");
        for (GroupDetails.Member member : detail.members().subList(0, Math.min(LISTED, detail.members().size()))) {
            table.row(Format.percent(member.weight()), Format.unit(member.share()), Format.unit(member.scores().score()),
                    Format.unit(member.scores().transferability()), Format.unit(member.scores().verificationCost()),
                    member.code(), member.title() == null ? "" : member.title(), member.tasks());
        }
        table.print(out);
        if (detail.members().size() > LISTED) {
            out.println("... and " + Format.count(detail.members().size() - LISTED) + " more (--format json lists them)");
        }
        out.println("WEIGHT: its weight in the score; SHARE: the share of the occupation the crosswalk gives this group.");
        if (!detail.unscoredPartners().isEmpty()) {
            out.println("Partners without a score:");
            for (GroupDetails.Partner partner : detail.unscoredPartners()) {
                out.println("  " + partner.code() + "  " + (partner.title() == null ? "" : partner.title() + "  ")
                        + Format.percent(partner.weight()) + " of its weight: " + partner.reason());
            }
        }
        out.println("Crosswalks: " + String.join(" + ", detail.sources()) + ".");
        ClassificationNotes.attribution(out, detail.classification());
    }
}
