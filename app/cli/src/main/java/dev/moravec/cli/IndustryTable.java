package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.ClassificationViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quadrant;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.IndustryRankings;
import dev.moravec.taxonomy.index.WeightBasis;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** {@code moravec rank --by industry}: the NAICS sectors by the score of the work they employ. */
final class IndustryTable {

    private final ObjectMapper mapper;

    IndustryTable(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Ranks the sectors and prints them.
     *
     * @param out where to
     * @param taxonomy the taxonomy
     * @param lagging lowest scores first
     * @param limit the most rows
     * @param basis what occupations are weighted by
     * @param relief a scenario, or {@code null}
     * @param format how to print
     * @param levelGiven whether --level, --family or --classification was given, which industries do not take
     * @return the exit code
     * @throws BadInputException if no industry file was imported, or options industries do not take were given
     * @throws IOException if the index cannot be read
     */
    int run(PrintWriter out, TaxonomyService taxonomy, boolean lagging, int limit, WeightBasis basis, Relief relief,
            OutputFormat format, boolean levelGiven) throws BadInputException, IOException {
        if (levelGiven) {
            throw new BadInputException("--by industry ranks the NAICS sectors: leave out --level, --family and"
                    + " --classification");
        }
        IndustryRankings.Result result = taxonomy.industries(lagging, limit, basis, relief);
        ClassificationViews views = new ClassificationViews(mapper);
        ObjectNode view = views.industries(result);
        switch (format) {
            case table -> print(out, result);
            case json -> OutputFormat.printJson(out, mapper, view);
            case csv -> OutputFormat.printCsv(out, ClassificationViews.INDUSTRY_CSV, views.industriesCsv(view));
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, IndustryRankings.Result result) {
        out.println("Ranking NAICS sectors (" + result.source() + "), " + (result.lagging() ? "lagging first" : "leading first")
                + (result.scenario() == null ? "" : ", under the scenario " + result.scenario()) + ". Weighting: "
                + result.weighting() + ".");
        Table table = new Table("#", "SCORE", "T", "V", "NAICS", "SECTOR", "EMPLOYMENT", "LAGGING", "WAGE BILL", "PURE $",
                "VERIF $", "KNOWL $", "LAG $", "BOTTLENECK", "COVERAGE");
        int rank = 0;
        for (IndustryRankings.Row row : result.rows()) {
            List<Object> cells = new java.util.ArrayList<>(List.of(++rank, Format.unit(row.scores().score()),
                    Format.unit(row.scores().transferability()), Format.unit(row.scores().verificationCost()), row.naics(),
                    shorten(row.title()), Format.count(Math.round(row.employment())), Format.percent(row.laggingShare()),
                    Format.money(row.wageBill())));
            for (Quadrant q : List.of(Quadrant.PURE_REASONING, Quadrant.VERIFICATION_BOUND, Quadrant.KNOWLEDGE_BOUND,
                    Quadrant.LAGGING)) {
                cells.add(Format.money(row.wageBillByQuadrant().get(q)));
            }
            cells.add(Format.factor(row.bottleneck()));
            cells.add(ClassificationNotes.coverage(row.coverage()));
            table.row(cells.toArray());
        }
        table.print(out);
        out.println("LAGGING: the weighted share of the sector's work that lags; $: the wage bill of its work in each"
                + " quadrant (employment x mean annual wage x the occupations' quadrant shares). COVERAGE: the share of"
                + " its published employment placed on scored occupations.");
        result.report().forEach(line -> out.println("  " + line));
        out.flush();
    }

    private static String shorten(String title) {
        return title.length() > 48 ? title.substring(0, 45) + "..." : title;
    }
}
