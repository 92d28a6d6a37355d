package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.ClassificationViews;
import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quadrant;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.IndustryRankings;
import dev.moravec.taxonomy.index.ViewOptions;
import dev.moravec.taxonomy.index.WeightBasis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
     * @param err where warnings go
     * @param taxonomy the taxonomy
     * @param request what to rank
     * @param format how to print
     * @param levelGiven whether --level, --family or --classification was given, which industries do not take
     * @param overrides the analyst overrides' options, to report what became of them
     * @param dataDir the data directory the overrides live in
     * @return the exit code
     * @throws BadInputException if no industry file was imported, or options industries do not take were given
     * @throws IOException if the index cannot be read
     */
    int run(PrintWriter out, PrintWriter err, TaxonomyService taxonomy, Request request, OutputFormat format,
            boolean levelGiven, OverridesMixin overrides, Path dataDir) throws BadInputException, IOException {
        if (levelGiven) {
            throw new BadInputException("--by industry ranks the NAICS sectors: leave out --level, --family and"
                    + " --classification");
        }
        IndustryRankings.Result result = taxonomy.industries(request.lagging(), request.limit(), request.basis(),
                request.relief(), request.view());
        overrides.warnUnknown(err, result.overrides(), dataDir);
        ClassificationViews views = new ClassificationViews(mapper);
        ObjectNode view = new JsonViews(mapper).industries(result);
        switch (format) {
            case table -> print(out, result, overrides.summary(result.overrides(), dataDir));
            case json -> OutputFormat.printJson(out, mapper, view);
            case csv -> OutputFormat.printCsv(out, ClassificationViews.INDUSTRY_CSV, views.industriesCsv(view));
        }
        return ExitCodes.OK;
    }

    /**
     * What to rank.
     *
     * @param lagging lowest scores first
     * @param limit the most rows
     * @param basis what occupations are weighted by
     * @param relief a scenario, or {@code null}
     * @param view the analyst overrides and the interval settings (or none)
     */
    record Request(boolean lagging, int limit, WeightBasis basis, Relief relief, ViewOptions view) {}

    private static void print(PrintWriter out, IndustryRankings.Result result, String overrides) {
        out.println("Ranking NAICS sectors (" + result.source() + "), " + (result.lagging() ? "lagging first" : "leading first")
                + (result.scenario() == null ? "" : ", under the scenario " + result.scenario()) + ". Weighting: "
                + result.weighting() + ".");
        if (result.intervals() != null) {
            out.println(Format.intervals(result.intervals()));
        }
        if (overrides != null) {
            out.println(overrides);
        }
        Table table = new Table("#", "SCORE", "90% INTERVAL", "RANK RANGE", "T", "V", "NAICS", "SECTOR", "EMPLOYMENT", "LAGGING", "WAGE BILL", "PURE $",
                "VERIF $", "KNOWL $", "LAG $", "BOTTLENECK", "COVERAGE");
        int rank = 0;
        for (IndustryRankings.Row row : result.rows()) {
            List<Object> cells = new java.util.ArrayList<>(List.of(++rank, Format.unit(row.scores().score()),
                    Format.interval(row.interval()), Format.range(row.rankRange()), Format.unit(row.scores().transferability()), Format.unit(row.scores().verificationCost()), row.naics(),
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
