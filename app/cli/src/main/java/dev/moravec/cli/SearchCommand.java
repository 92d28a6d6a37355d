package dev.moravec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.embeddings.EmbeddingService;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.SearchHit;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.index.TaxonomySearch;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec search QUERY}: tasks or occupations of the taxonomy, with Lucene's query syntax. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the taxonomy's tasks (or occupations) with Lucene query syntax: words, \"phrases\","
                + " AND/OR/NOT, field:word, word*. Task fields: statement, title, activities; occupation fields:"
                + " title, alternateTitles, description.",
            "A job title finds its occupation: moravec search --occupations \"software engineer\"",
            "By meaning rather than words: moravec search --semantic \"fix broken engines\""})
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    DataMixin data;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", description = "The query.")
    String query;

    @Option(names = "--family", paramLabel = "CODE",
            description = "Only results in this SOC group or occupation (any level: 15-0000, 15-1200, 15-1250, 15-1252, 15-1252.00).")
    String family;

    @Option(names = "--quadrant", paramLabel = "Q",
            description = "Only tasks in this quadrant: PURE_REASONING, VERIFICATION_BOUND, KNOWLEDGE_BOUND, LAGGING, UNRATED.")
    Quadrant quadrant;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "The most results (default: 10).")
    int limit;

    @Option(names = "--occupations", description = "Search occupations instead of tasks.")
    boolean occupations;

    @Option(names = "--semantic", description = "Search by meaning: the tasks (or occupations) whose embeddings are"
            + " nearest to the query's; the query is plain text. Needs the vectors 'moravec classify --taxonomy' stores.")
    boolean semantic;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json or csv.")
    OutputFormat format;

    @Option(names = "--classification", paramLabel = "NAME",
            description = "With --occupations: soc2018 (default), soc2010, isco08 or esco: find that classification's"
                    + " codes by their titles and labels (ESCO's alternative labels too), each with its score and coverage.")
    String classification;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            TaxonomyService taxonomy = new TaxonomyService(index);
            Classification classified = Classification.parse(classification);
            if (classified != Classification.SOC_2018 && !occupations) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--classification searches occupations: add --occupations");
            }
            TaxonomySearch.Request request = new TaxonomySearch.Request(query, occupations, family, quadrant, limit,
                    classified);
            List<SearchHit> hits;
            if (semantic) {
                try (EmbeddingService embedder = new EmbeddingService(data.dir(moravec.environment).resolve("cache"), 1,
                        moravec.environment.vectorCacheBytes())) {
                    hits = taxonomy.semantic(request, embedder);
                }
            } else if (format == OutputFormat.json) {
                hits = taxonomy.search(request, TaxonomyService.MARK_OPEN, TaxonomyService.MARK_CLOSE);
            } else {
                hits = taxonomy.search(request, "[", "]");
            }
            JsonViews views = new JsonViews(moravec.mapper);
            ObjectNode view = views.search(query, occupations, hits, classified.label());
            switch (format) {
                case table -> {
                    printTable(out, hits, classified);
                    ClassificationNotes.attribution(out, classified.label());
                }
                case json -> OutputFormat.printJson(out, moravec.mapper, view);
                case csv -> OutputFormat.printCsv(out, JsonViews.SEARCH_CSV, rows(view));
            }
        }
        return ExitCodes.OK;
    }

    private static List<ObjectNode> rows(ObjectNode view) {
        List<ObjectNode> rows = new ArrayList<>();
        view.path("results").forEach(result -> rows.add((ObjectNode) result));
        return rows;
    }

    private static String similarity(SearchHit hit) {
        return String.format(java.util.Locale.ROOT, "%.2f", hit.relevance());
    }

    private void printTable(PrintWriter out, List<SearchHit> hits, Classification classified) {
        if (hits.isEmpty()) {
            out.println("No " + (occupations ? "occupation" : "task") + " matches " + query + ".");
            out.flush();
            return;
        }
        if (occupations && classified != Classification.SOC_2018) {
            Table table = new Table("CODE", "TITLE", "T", "V", "SCORE", "COVERAGE", "MATCH");
            for (SearchHit hit : hits) {
                table.row(hit.code(), hit.title(), Format.unit(hit.scores().transferability()),
                        Format.unit(hit.scores().verificationCost()), Format.unit(hit.scores().score()),
                        ClassificationNotes.coverage(hit.coverage()), hit.highlight() == null ? "" : hit.highlight());
            }
            table.print(out);
        } else if (occupations) {
            Table table = semantic ? new Table("CODE", "TITLE", "T", "V", "SCORE", "SIMILARITY")
                    : new Table("CODE", "TITLE", "T", "V", "SCORE", "MATCH");
            for (SearchHit hit : hits) {
                table.row(hit.code(), hit.title(), Format.unit(hit.scores().transferability()),
                        Format.unit(hit.scores().verificationCost()), Format.unit(hit.scores().score()), semantic ? similarity(hit)
                                : hit.highlight() == null ? "" : hit.highlight());
            }
            table.print(out);
        } else {
            List<String> header = new ArrayList<>(List.of("CODE", "TASK", "QUADRANT", "T", "V", "SCORE", "STATEMENT"));
            if (semantic) {
                header.add(header.size() - 1, "SIM");
            }
            Table table = new Table(header.toArray(String[]::new));
            for (SearchHit hit : hits) {
                Scores scores = hit.scores();
                List<Object> cells = new ArrayList<>(List.of(hit.code(), hit.taskId(),
                        scores.quadrant() == null ? "-" : scores.quadrant(), Format.unit(scores.transferability()),
                        Format.unit(scores.verificationCost()), Format.unit(scores.score())));
                if (semantic) {
                    cells.add(similarity(hit));
                }
                cells.add(hit.highlight() != null ? hit.highlight() : hit.statement());
                table.row(cells.toArray());
                Object[] titleRow = new Object[header.size()];
                titleRow[header.size() - 1] = "  " + hit.title();
                table.row(titleRow);
            }
            table.print(out);
        }
        out.flush();
    }
}
