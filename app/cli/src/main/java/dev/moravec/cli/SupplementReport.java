package dev.moravec.cli;

import dev.moravec.app.TaxonomyService;
import dev.moravec.taxonomy.index.Classifications;
import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.taxonomy.sources.crosswalk.Crosswalk;
import dev.moravec.taxonomy.sources.crosswalk.EscoClassification;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints what the index holds for other classifications, as {@code taxonomy import} and {@code taxonomy info}
 * report it: each crosswalk and what its file loses, ESCO, industry employment, and each classification's
 * chain with what it loses against the taxonomy; with ESCO's attribution when its content is there.
 */
final class SupplementReport {

    /**
     * Prints the report.
     *
     * @param out where to
     * @param taxonomy the taxonomy
     * @param added what the import just added, or {@code null} to report what the index holds
     * @throws IOException if the index cannot be read
     */
    void print(PrintWriter out, TaxonomyService taxonomy, Supplements added) throws IOException {
        Classifications.Summary summary = taxonomy.classifications();
        if (summary.crosswalks().isEmpty() && summary.esco() == null && summary.industry().isEmpty()) {
            return;
        }
        List<Crosswalk> crosswalks = added == null ? summary.crosswalks() : added.crosswalks();
        if (!crosswalks.isEmpty()) {
            out.println(added == null ? "Crosswalks:" : "Crosswalks imported:");
            for (Crosswalk crosswalk : crosswalks) {
                out.println("  " + crosswalk.summary());
                crosswalk.losses().notes().forEach(note -> out.println("    " + note));
            }
        }
        EscoClassification esco = added == null ? null : added.esco();
        if (esco != null || (added == null && summary.esco() != null)) {
            out.println((esco != null ? esco.version() : summary.esco()) + ":");
            summary.escoReport().forEach(line -> out.println("  " + line));
        }
        if ((added == null || added.industry() != null) && !summary.industry().isEmpty()) {
            out.println("Industry employment:");
            summary.industry().forEach(line -> out.println("  " + line));
        }
        if (!summary.chains().isEmpty()) {
            out.println("Classifications answered (--classification), each through its chain of crosswalks:");
            summary.chains().forEach((classification, chain) -> {
                out.println("  " + classification.label() + " (" + classification.title() + "), " + Format.count(chain.codes())
                        + " codes, through " + String.join(" + ", chain.sources())
                        + (chain.losses().isEmpty() ? "; nothing lost" : ":"));
                chain.losses().forEach(loss -> out.println("    - " + loss));
            });
        }
        summary.onet2010().forEach(line -> out.println("  O*NET-SOC 2010: " + line));
        if (summary.escoContent()) {
            out.println(EscoClassification.ATTRIBUTION);
        }
    }
}
