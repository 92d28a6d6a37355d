package dev.moravec.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.app.MeasureComparison;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Thresholds;
import dev.moravec.server.internal.WebAssets;
import dev.moravec.taxonomy.index.Rankings;
import dev.moravec.taxonomy.index.TaskPoints;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.index.ViewOptions;
import dev.moravec.taxonomy.index.TaxonomySearch;
import dev.moravec.taxonomy.sources.ImportReport;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A self-contained HTML report of the taxonomy, to send to a colleague: the quadrant scatter, the
 * ranking bar chart, the stacked bars of why families lag, the breakthrough scenarios' impact and their
 * tables, as on the web page, in one file that opens offline. Chart.js is inlined from its WebJar and the
 * data embedded as JSON (the API's shapes) when the report is written.
 */
public final class HtmlReport {

    /** The most tasks the scatter of a report holds (the real O*NET release has about 19,000). */
    public static final int MAX_POINTS = 20_000;

    /** The families each scenario lists as rising most. */
    static final int SCENARIO_RISES = 3;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

    /**
     * What the report shows.
     *
     * @param level the ranking's level: {@code major}, {@code minor}, {@code broad}, {@code detailed} or
     *     {@code occupation}
     * @param family a SOC group or occupation code the report is limited to, or {@code null} for all
     * @param config the configuration: the quadrants' thresholds, drawn on the scatter, and the scenarios,
     *     whose impact the report shows
     * @param view the analyst overrides applied and how the ranking's 90% intervals are estimated
     * @param comparison a published measure set beside the scores, drawn as a scatter, or {@code null}
     */
    public record Options(String level, String family, EngineConfig config, ViewOptions view,
            MeasureComparison.Result comparison) {

        /** Checks the values. */
        public Options {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(view, "view");
        }

        /**
         * The scorers' verdicts, with intervals of the default settings, without a comparison.
         *
         * @param level the ranking's level
         * @param family a SOC group or occupation code, or {@code null} for all
         * @param config the configuration: thresholds and scenarios
         */
        public Options(String level, String family, EngineConfig config) {
            this(level, family, config, new ViewOptions(AnalystOverrides.NONE, IntervalSettings.DEFAULT), null);
        }

        /** @return the quadrants' thresholds */
        public Thresholds thresholds() {
            return config.thresholds();
        }
    }

    /**
     * What was written.
     *
     * @param tasks the tasks on the scatter
     * @param rows the rows of the ranking
     * @param bytes the size of the file
     */
    public record Written(int tasks, int rows, long bytes) {}

    private final ObjectMapper mapper;
    private final TaxonomyIndex index;
    private final WebAssets assets = new WebAssets();

    /**
     * @param mapper the project's mapper
     * @param index the classified taxonomy index
     */
    public HtmlReport(ObjectMapper mapper, TaxonomyIndex index) {
        this.mapper = mapper;
        this.index = index;
    }

    /**
     * Writes the report, replacing the file only once it is complete.
     *
     * @param out the HTML file
     * @param options what it shows
     * @return what was written
     * @throws BadInputException if the level or the family is unknown
     * @throws IOException if the index cannot be read or the file written
     */
    public Written write(Path out, Options options) throws BadInputException, IOException {
        ObjectNode data = data(options);
        String html = render(data);
        Path absolute = out.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
        try {
            Files.writeString(partial, html, StandardCharsets.UTF_8);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return new Written(data.path("points").path("returned").asInt(), data.path("ranking").path("rows").size(),
                Files.size(absolute));
    }

    /**
     * The data the report embeds: the scatter's points, the whole ranking (lagging first), the families'
     * bottlenecks and every scenario's impact (within the family when there is one; none before it was classified), as the
     * API gives them, with what the report is about.
     *
     * @param options what it shows
     * @return the data
     * @throws BadInputException if the level or the family is unknown
     * @throws IOException if the index cannot be read
     */
    public ObjectNode data(Options options) throws BadInputException, IOException {
        String level = options.level().toLowerCase(Locale.ROOT);
        if (level.equals("task") || !java.util.Arrays.stream(SocLevel.values()).map(SocLevel::label).toList().contains(level)) {
            throw new BadInputException("--level must be major, minor, broad, detailed or occupation, not '"
                    + options.level() + "'");
        }
        String family = options.family();
        if (family != null && !new TaxonomySearch(index, "", "").hasFamily(family)) {
            throw new BadInputException("no family or occupation " + family + " in the taxonomy at " + index.path()
                    + "; family codes look like 15-0000, 15-1200, 15-1250, 15-1252 or 15-1252.00");
        }
        JsonViews views = new JsonViews(mapper);
        ObjectNode data = mapper.createObjectNode();
        ImportReport report = index.report();
        data.put("source", report == null ? "nothing imported" : report.source());
        data.put("release", report == null ? null : report.release());
        data.put("attribution", report == null ? "" : report.attribution());
        data.put("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("version", Objects.requireNonNullElse(HtmlReport.class.getPackage().getImplementationVersion(),
                "development"));
        if (family != null) {
            data.putObject("family").put("code", family)
                    .put("title", index.hierarchy().title(family).orElse(null));
        } else {
            data.putNull("family");
        }
        ArrayNode scorers = data.putArray("scorers");
        String classified = index.commitData().get(TaxonomyIndex.CLASSIFIED_KEY);
        if (classified != null && classified.contains(" ")) {
            // "<instant> <id>@<version>{settings};..." as TaxonomyClassifier records it
            for (String scorer : classified.split(" ", 2)[1].split(";")) {
                if (scorer.contains("@")) {
                    scorers.add(scorer.substring(0, scorer.indexOf('@')));
                }
            }
        }
        data.set("points", views.points(new TaskPoints(index).points(family, MAX_POINTS, null, options.view().overrides()),
                family, options.thresholds()));
        data.set("ranking", views.ranking(new Rankings(index).rank(new Rankings.Request(level, true, family,
                Integer.MAX_VALUE), null, options.view()), family));
        TaxonomyService taxonomy = new TaxonomyService(index);
        // with the overrides the points and the ranking apply; without the intervals, which its table does not show
        data.set("bottlenecks", views.bottlenecks(taxonomy.bottlenecks(level, family,
                new ViewOptions(options.view().overrides(), null)), family));
        // a taxonomy never classified has nothing a scenario could move
        data.set("scenarios", views.scenarios(classified == null ? List.of()
                : taxonomy.scenarios(TaxonomyService.reliefs(options.config()), options.thresholds(), level, family, SCENARIO_RISES)));
        if (options.comparison() != null) {
            data.set("comparison", views.comparison(options.comparison()));
        }
        return data;
    }

    /**
     * The report's HTML for its data.
     *
     * @param data what {@link #data} gives
     * @return one HTML document, with every script and style inlined
     * @throws IOException if the data cannot be written as JSON
     */
    public String render(ObjectNode data) throws IOException {
        String title = "Moravec report: " + (data.path("family").isObject()
                ? data.path("family").path("code").asText() + " " + data.path("family").path("title").asText("")
                : "all families") + ", " + data.path("ranking").path("level").asText() + " level";
        // inside <script> only "</script" and "<!--" matter to the HTML parser: JSON spells every "<" as \u003c
        String json = mapper.writeValueAsString(data).replace("<", "\\u003c");
        Map<String, String> values = Map.of(
                "title", WebAssets.escapeHtml(title.strip()),
                "attribution", WebAssets.escapeHtml(data.path("attribution").asText("")),
                "style", assets.web("style.css"),
                "data", json,
                "chartjs", script(assets.chartJs()),
                "charts", script(assets.web("charts.js")),
                "report", script(assets.web("report.js")));
        Matcher matcher = PLACEHOLDER.matcher(assets.web("report.html"));
        StringBuilder html = new StringBuilder(json.length() + 300_000);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(html, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(html);
        return html.toString();
    }

    private static String script(String source) {
        return SCRIPT_END.matcher(source).replaceAll("<\\\\/$1");
    }
}
