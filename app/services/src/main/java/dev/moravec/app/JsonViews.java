package dev.moravec.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Axis;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.host.PluginHost;
import dev.moravec.host.PluginStatus;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Thresholds;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.index.BottleneckShares;
import dev.moravec.taxonomy.index.GroupDetails;
import dev.moravec.taxonomy.index.IndustryRankings;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.RankRange;
import dev.moravec.taxonomy.index.OverrideReport;
import dev.moravec.taxonomy.index.ScoreInterval;
import dev.moravec.taxonomy.index.OccupationDetails;
import dev.moravec.taxonomy.index.ScenarioImpact;
import dev.moravec.taxonomy.index.Ranking;
import dev.moravec.taxonomy.index.SearchHit;
import dev.moravec.taxonomy.index.TaskPoints;
import dev.moravec.taxonomy.sources.SocHierarchy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON the API answers with, the report embeds and {@code moravec show --format json} prints, built
 * from the taxonomy's records; one place, so that the page, the report and the command line give the
 * same shapes, which {@code openapi.json} documents.
 */
public final class JsonViews {

    private final ObjectMapper mapper;
    private final ClassificationViews classifications;

    /**
     * @param mapper the project's mapper
     */
    public JsonViews(ObjectMapper mapper) {
        this.mapper = mapper;
        this.classifications = new ClassificationViews(mapper);
    }

    /** @return the views of other classifications, industries and wages */
    public ClassificationViews classifications() {
        return classifications;
    }

    /** @return a new empty object */
    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    /**
     * The thresholds that split the quadrants.
     *
     * @param thresholds the engine's thresholds
     * @return {@code {transferability, verificationCost}}
     */
    public ObjectNode thresholds(Thresholds thresholds) {
        return object().put("transferability", thresholds.transferability())
                .put("verificationCost", thresholds.verificationCost());
    }

    /**
     * A ranking.
     *
     * @param ranking the ranking
     * @param family the family it was ranked within, or {@code null}
     * @return {@code {level, order, family, weighting, unscored, scenario, intervals, overrides, rows[]}}
     */
    public ObjectNode ranking(Ranking ranking, String family) {
        ObjectNode node = object();
        node.put("level", ranking.level());
        node.put("order", ranking.lagging() ? "lagging" : "leading");
        node.put("family", family);
        node.put("weighting", ranking.weighting());
        node.put("unscored", ranking.unscored());
        node.put("scenario", ranking.scenario());
        classifications.putRanking(node, ranking);
        node.set("intervals", intervals(ranking.intervals()));
        node.set("overrides", overrides(ranking.overrides()));
        ArrayNode rows = node.putArray("rows");
        int rank = 0;
        for (Ranking.Row row : ranking.rows()) {
            rows.add(rankingRow(++rank, row));
        }
        return node;
    }

    /** The columns of a ranking as CSV: a row's fields, its shares flattened, with the level and weighting. */
    public static final List<String> RANKING_CSV = rankingCsvColumns();

    private static List<String> rankingCsvColumns() {
        List<String> columns = new ArrayList<>(List.of("rank", "level", "code", "title", "taskId", "statement", "score",
                "interval.low", "interval.high", "rankRange.low", "rankRange.high", "transferability", "verificationCost",
                "quadrant", "bottleneck", "tasks", "occupations", "employment", "overridden"));
        for (Quadrant q : Quadrant.values()) {
            columns.add("share." + q.name());
        }
        columns.add("wageBill");
        for (Quadrant q : Quadrant.values()) {
            columns.add("wages." + q.name()); // short enough that CSV leaves the header unquoted
        }
        columns.addAll(List.of("coverage", "thinCoverage", "classification", "weight", "weighting"));
        return List.copyOf(columns);
    }

    /**
     * A ranking's rows for CSV ({@link #RANKING_CSV}): the rows of {@link #ranking}, flat.
     *
     * @param ranking the ranking
     * @return one flat object per row
     */
    public List<ObjectNode> rankingCsv(Ranking ranking) {
        List<ObjectNode> flat = new ArrayList<>();
        int rank = 0;
        for (Ranking.Row row : ranking.rows()) {
            ObjectNode view = rankingRow(++rank, row);
            ObjectNode csv = object();
            csv.put("level", ranking.level());
            csv.put("weighting", ranking.weighting());
            csv.put("classification", ranking.classification());
            csv.put("weight", ranking.weight());
            view.properties().forEach(field -> {
                if (field.getValue().isObject()) {
                    String prefix = switch (field.getKey()) {
                        case "shares" -> "share.";
                        case "wageBillByQuadrant" -> "wages.";
                        default -> field.getKey() + ".";
                    };
                    field.getValue().properties().forEach(part -> csv.set(prefix + part.getKey(), part.getValue()));
                } else {
                    csv.set(field.getKey(), field.getValue());
                }
            });
            flat.add(csv);
        }
        return flat;
    }

    private ObjectNode rankingRow(int rank, Ranking.Row row) {
        ObjectNode r = object();
        r.put("rank", rank);
        r.put("code", row.code());
        r.put("title", row.title());
        r.put("taskId", row.taskId());
        r.put("statement", row.statement());
        VerdictJson.putScores(r, row.scores());
        r.set("interval", interval(row.interval()));
        r.set("rankRange", rankRange(row.rankRange()));
        r.put("overridden", row.overridden());
        r.put("bottleneck", name(row.bottleneck()));
        r.put("tasks", row.tasks());
        r.put("occupations", row.occupations());
        if (row.employment() == null) {
            r.putNull("employment");
        } else {
            r.put("employment", Math.round(row.employment()));
        }
        r.set("shares", classifications.shares(row.shares()));
        classifications.putRankingRow(r, row);
        return r;
    }

    /** The columns of search results as CSV. */
    public static final List<String> SEARCH_CSV = List.of("kind", "code", "title", "taskId", "statement",
            "transferability", "verificationCost", "score", "quadrant", "highlight", "relevance", "coverage");

    /**
     * Search results.
     *
     * @param query the query
     * @param occupations whether occupations were searched
     * @param hits the hits
     * @return {@code {query, kind, results[]}}; the results, flat, are also the rows of {@link #SEARCH_CSV}
     */
    public ObjectNode search(String query, boolean occupations, List<SearchHit> hits) {
        return search(query, occupations, hits, "soc2018");
    }

    /**
     * Search results in a classification.
     *
     * @param query the query
     * @param occupations whether occupations were searched
     * @param hits the hits
     * @param classification the classification of the hits' codes
     * @return {@code {query, kind, classification, attribution, results[]}}
     */
    public ObjectNode search(String query, boolean occupations, List<SearchHit> hits, String classification) {
        ObjectNode node = object();
        node.put("query", query);
        node.put("kind", occupations ? "occupation" : "task");
        node.put("classification", classification);
        node.put("attribution", ClassificationViews.attribution(classification));
        ArrayNode results = node.putArray("results");
        for (SearchHit hit : hits) {
            ObjectNode r = results.addObject();
            r.put("kind", hit.kind());
            r.put("code", hit.code());
            r.put("title", hit.title());
            r.put("taskId", hit.taskId());
            r.put("statement", hit.statement());
            VerdictJson.putScores(r, hit.scores());
            r.put("highlight", hit.highlight());
            r.put("relevance", VerdictJson.round(hit.relevance()));
            if (hit.coverage() == null) {
                r.putNull("coverage");
            } else {
                r.put("coverage", VerdictJson.round(hit.coverage()));
            }
        }
        return node;
    }

    /**
     * The scatter's points.
     *
     * @param result the points
     * @param family the family, or {@code null}
     * @param thresholds the thresholds, drawn as the quadrants' borders
     * @return {@code {family, thresholds, total, unplaced, returned, quadrants, points[]}}
     */
    public ObjectNode points(TaskPoints.Result result, String family, Thresholds thresholds) {
        return points(result, family, thresholds, null);
    }

    /**
     * The scatter's points under a scenario.
     *
     * @param result the points
     * @param family the family, or {@code null}
     * @param thresholds the thresholds, drawn as the quadrants' borders
     * @param scenario the scenario's name, or {@code null}
     * @return {@code {family, thresholds, total, unplaced, returned, scenario, moved, quadrants, points[]}}
     */
    public ObjectNode points(TaskPoints.Result result, String family, Thresholds thresholds, String scenario) {
        ObjectNode node = object();
        node.put("family", family);
        node.set("thresholds", thresholds(thresholds));
        node.put("total", result.total());
        node.put("unplaced", result.unplaced());
        node.put("returned", result.points().size());
        node.put("scenario", scenario);
        node.put("moved", result.moved());
        ObjectNode quadrants = node.putObject("quadrants");
        for (Quadrant q : Quadrant.values()) {
            if (q != Quadrant.UNRATED) {
                quadrants.put(q.name(), result.quadrants().getOrDefault(q, 0));
            }
        }
        ArrayNode points = node.putArray("points");
        for (TaskPoints.Point point : result.points()) {
            ObjectNode p = points.addObject()
                    .put("id", point.id())
                    .put("code", point.code())
                    .put("title", point.title())
                    .put("statement", point.statement());
            VerdictJson.putScores(p, point.scores());
            p.put("bottleneck", name(point.bottleneck()));
            p.put("overridden", point.overridden());
            ArrayNode movedBy = p.putArray("movedBy");
            point.movedBy().forEach(f -> movedBy.add(f.name()));
        }
        return node;
    }

    /**
     * An occupation's drill-down, in the layout of {@code moravec show --format json}.
     *
     * @param detail the drill-down
     * @return the occupation with its family path, score, shares and tasks
     */
    public ObjectNode occupation(OccupationDetails.Detail detail) {
        var occupation = detail.occupation();
        ObjectNode node = object();
        node.put("code", occupation.code());
        node.put("title", occupation.title());
        node.put("description", occupation.description());
        if (occupation.jobZone() == null) {
            node.putNull("jobZone");
        } else {
            node.put("jobZone", occupation.jobZone());
        }
        if (occupation.employment() == null) {
            node.putNull("employment");
        } else {
            node.put("employment", Math.round(occupation.employment()));
        }
        if (occupation.annualWage() == null) {
            node.putNull("annualWage");
        } else {
            node.put("annualWage", Math.round(occupation.annualWage()));
        }
        ArrayNode path = node.putArray("family");
        for (SocHierarchy.Node step : detail.path()) {
            path.addObject().put("level", step.level().label()).put("code", step.code()).put("title", step.title());
        }
        OccupationScore score = detail.score();
        if (score != null) {
            VerdictJson.putNumber(node, VerdictJson.SCORE, score.score());
            OccupationDetails.Standing standing = detail.standing();
            node.set("interval", interval(standing == null ? null : standing.interval()));
            if (standing == null) {
                node.putNull("rank");
            } else {
                node.putObject("rank").put("rank", standing.rank()).put("of", standing.of()).put("order", "lagging")
                        .put("low", standing.range().low()).put("high", standing.range().high());
            }
            node.set("intervals", intervals(standing == null ? null : standing.intervals()));
            VerdictJson.putNumber(node, VerdictJson.TRANSFERABILITY, score.transferability());
            VerdictJson.putNumber(node, VerdictJson.VERIFICATION_COST, score.verificationCost());
            node.put("weighting", score.weighting().label());
            node.set("shares", classifications.shares(score.shares()));
            ObjectNode bottlenecks = node.putObject("bottlenecks");
            bottlenecks.put("dominant", name(score.dominantBottleneck().orElse(null)));
            bottlenecks.set("factors", factors(score.factors()));
            bottlenecks.set("laggingBy", factors(score.laggingBy()));
        }
        ArrayNode tasks = node.putArray("tasks");
        for (OccupationDetails.TaskLine task : detail.tasks()) {
            ObjectNode t = tasks.addObject();
            t.put("id", task.taskId());
            t.put("statement", task.statement());
            t.put("taskType", task.type());
            t.put("weight", task.weight());
            VerdictJson.putScores(t, task.scores());
            t.put("verification", name(task.verification()));
            t.put("bottleneck", name(task.bottleneck()));
            if (task.override() == null) {
                t.putNull(VerdictJson.OVERRIDE);
            } else {
                t.set(VerdictJson.OVERRIDE, VerdictJson.override(task.override()));
            }
            task.evidence().forEach(t.putArray("evidence")::add);
        }
        ArrayNode emerging = node.putArray("emergingTasks");
        occupation.emergingTasks().forEach(emerging::add);
        node.set("overrides", overrides(detail.overrides()));
        return node;
    }

    /**
     * The plugins and their scorers.
     *
     * @param host the plugin host
     * @param engine the engine, which says which scorers are active and enabled
     * @return {@code {pluginsDir, activeScorers[], plugins[]}}
     */
    public ObjectNode plugins(PluginHost host, ScoringEngine engine) {
        ObjectNode node = object();
        node.put("pluginsDir", host.pluginsDir().toString());
        List<ScorerHandle> active = engine.scorers();
        ArrayNode ids = node.putArray("activeScorers");
        active.forEach(h -> ids.add(h.id()));
        ArrayNode plugins = node.putArray("plugins");
        for (PluginStatus plugin : host.plugins()) {
            ObjectNode p = plugins.addObject();
            p.put("file", plugin.file().getFileName().toString());
            p.put("bundle", plugin.bundle());
            p.put("state", plugin.state().label());
            p.put("problem", plugin.problem());
            p.put("sha256", plugin.sha256());
            p.put("verified", plugin.trust() == null ? null : plugin.trust().reason());
            ArrayNode scorers = p.putArray("scorers");
            for (ScorerHandle scorer : plugin.scorers()) {
                String state = scorer.isQuarantined() ? "quarantined"
                        : engine.isDegraded(scorer) ? "degraded"
                        : host.registry().isShadowed(scorer) ? "inactive"
                        : active.contains(scorer) ? "active" : "disabled";
                ObjectNode s = scorers.addObject();
                s.put("id", scorer.id());
                s.put("version", scorer.info().version());
                s.put("description", scorer.info().description());
                ArrayNode axes = s.putArray("axes");
                scorer.info().axes().stream().sorted().map(Axis::fieldName).forEach(axes::add);
                s.put("state", state);
                s.put("rated", scorer.ratedCount());
                s.put("failed", scorer.failedCount());
                s.put("timedOut", scorer.timedOutCount());
            }
        }
        return node;
    }

    /**
     * Why a level's families lag.
     *
     * @param result the families' bottlenecks
     * @param family the family they were looked at within, or {@code null}
     * @return {@code {level, family, unscored, intervals, overrides, factors[], rows[]}}
     */
    public ObjectNode bottlenecks(BottleneckShares.Result result, String family) {
        ObjectNode node = object();
        node.put("level", result.level());
        node.put("family", family);
        node.put("unscored", result.unscored());
        node.put("classification", result.classification());
        node.put("weight", result.weight());
        node.put("attribution", ClassificationViews.attribution(result.classification()));
        node.set("intervals", intervals(result.intervals()));
        node.set("overrides", overrides(result.overrides()));
        node.set("factors", factorList());
        ArrayNode rows = node.putArray("rows");
        for (BottleneckShares.Row row : result.rows()) {
            ObjectNode r = rows.addObject();
            r.put("code", row.code());
            r.put("title", row.title());
            VerdictJson.putNumber(r, VerdictJson.TRANSFERABILITY, row.scores().transferability());
            VerdictJson.putNumber(r, VerdictJson.VERIFICATION_COST, row.scores().verificationCost());
            VerdictJson.putNumber(r, VerdictJson.SCORE, row.scores().score());
            r.set("interval", interval(row.interval()));
            r.put("laggingShare", VerdictJson.round(row.laggingShare()));
            r.put("dominant", name(row.dominant()));
            r.set("ofLagging", factors(row.ofLagging()));
            if (row.employment() == null) {
                r.putNull("employment");
                r.putNull("workers");
            } else {
                r.put("employment", Math.round(row.employment()));
                ObjectNode workers = r.putObject("workers");
                row.workers().forEach((f, n) -> workers.put(f.name(), Math.round(n)));
            }
            r.put("occupations", row.occupations());
            classifications.putBottleneckRow(r, row.wageBill(), row.wages(), row.laggingWageBill(), row.coverage());
        }
        return node;
    }

    /**
     * What each scenario changes.
     *
     * @param impacts the scenarios' impacts
     * @return {@code {factors[], scenarios[]}}
     */
    public ObjectNode scenarios(List<ScenarioImpact.Result> impacts) {
        ObjectNode node = object();
        node.set("factors", factorList());
        ArrayNode list = node.putArray("scenarios");
        for (ScenarioImpact.Result impact : impacts) {
            ObjectNode s = list.addObject();
            s.put("name", impact.scenario());
            s.put("description", impact.description());
            s.set("relief", factors(impact.relief()));
            s.put("tasks", impact.tasks());
            s.put("moved", impact.moved());
            s.put("changedQuadrant", impact.changedQuadrant());
            ObjectNode transitions = s.putObject("transitions");
            impact.transitions().forEach(transitions::put);
            ObjectNode movedBy = s.putObject("movedBy");
            impact.movedBy().forEach((f, n) -> movedBy.put(f.name(), n));
            s.put("occupations", impact.occupations());
            s.put("occupationsChanged", impact.occupationsChanged());
            if (impact.employmentLeavingLagging() == null) {
                s.putNull("employmentLeavingLagging");
            } else {
                s.put("employmentLeavingLagging", Math.round(impact.employmentLeavingLagging()));
            }
            s.put("level", impact.level());
            ArrayNode rises = s.putArray("rises");
            for (ScenarioImpact.Rise rise : impact.rises()) {
                rises.addObject().put("code", rise.code()).put("title", rise.title())
                        .put("before", VerdictJson.round(rise.before())).put("after", VerdictJson.round(rise.after()))
                        .put("delta", VerdictJson.round(rise.delta()));
            }
            ArrayNode examples = s.putArray("examples");
            for (ScenarioImpact.MovedTask task : impact.examples()) {
                ObjectNode e = examples.addObject().put("code", task.code()).put("taskId", task.taskId())
                        .put("statement", task.statement()).put("from", task.from().name()).put("to", task.to().name())
                        .put("scoreBefore", VerdictJson.round(task.scoreBefore()))
                        .put("scoreAfter", VerdictJson.round(task.scoreAfter()));
                ArrayNode by = e.putArray("movedBy");
                task.movedBy().forEach(f -> by.add(f.name()));
            }
        }
        return node;
    }

    /**
     * How intervals were estimated.
     *
     * @param settings the settings, or {@code null} when there are no intervals
     * @return {@code {level, resamples, seed, method}}, or JSON null
     */
    public JsonNode intervals(IntervalSettings settings) {
        if (settings == null) {
            return NullNode.getInstance();
        }
        return object().put("level", IntervalSettings.LEVEL).put("resamples", settings.resamples())
                .put("seed", settings.seed()).put("method", "bootstrap: tasks within occupations, occupations within"
                        + " families, scorers within occupations (docs/intervals.md)");
    }

    /**
     * The industry ranking, with its intervals and rank ranges and what became of the analyst overrides.
     *
     * @param result the ranking
     * @return {@code {by, source, order, weight, weighting, scenario, intervals, overrides, report[], rows[]}}, each
     *     row with its {@code interval} and {@code rankRange}
     */
    public ObjectNode industries(IndustryRankings.Result result) {
        ObjectNode node = classifications.industries(result);
        node.set("intervals", intervals(result.intervals()));
        node.set("overrides", overrides(result.overrides()));
        for (int i = 0; i < result.rows().size(); i++) {
            ObjectNode row = (ObjectNode) node.path("rows").get(i);
            row.set("interval", interval(result.rows().get(i).interval()));
            row.set("rankRange", rankRange(result.rows().get(i).rankRange()));
        }
        return node;
    }

    /**
     * A group of another classification, with its interval and what became of the analyst overrides.
     *
     * @param detail the drill-down
     * @return the group as {@link ClassificationViews#group} gives it, with {@code interval}, {@code intervals}
     *     and {@code overrides}
     */
    public ObjectNode group(GroupDetails.Detail detail) {
        ObjectNode node = classifications.group(detail);
        node.set("interval", interval(detail.interval()));
        node.set("intervals", intervals(detail.intervals()));
        node.set("overrides", overrides(detail.overrides()));
        return node;
    }

    /**
     * A rank's 90% range.
     *
     * @param range the range, or {@code null}
     * @return {@code {low, high}}, or null
     */
    public JsonNode rankRange(RankRange range) {
        return range == null ? NullNode.getInstance() : object().put("low", range.low()).put("high", range.high());
    }

    /**
     * A score's interval.
     *
     * @param interval the interval, or {@code null}
     * @return {@code {low, high}}, rounded, or JSON null
     */
    public JsonNode interval(ScoreInterval interval) {
        return interval == null ? NullNode.getInstance()
                : object().put("low", VerdictJson.round(interval.low())).put("high", VerdictJson.round(interval.high()));
    }

    /**
     * What became of the analyst overrides.
     *
     * @param report how many applied and which targets the taxonomy lacks
     * @return {@code {applied, unknown[]}}
     */
    public ObjectNode overrides(OverrideReport report) {
        ObjectNode node = object();
        node.put("applied", report.applied());
        ArrayNode unknown = node.putArray("unknown");
        for (AnalystOverride override : report.unknown()) {
            unknown.addObject().put("target", override.target()).put("occupation", override.occupation())
                    .put("taskId", override.taskId()).put("reason", "no " + (override.isForTask() ? "such task" : "such"
                            + " occupation") + " in the taxonomy");
        }
        return node;
    }

    /**
     * The overrides in effect.
     *
     * @param source where they are kept
     * @param list the overrides
     * @param file renders one as its file does
     * @return {@code {source, overrides[]}}: each as its file writes it, with its {@code target}
     */
    public ObjectNode overrideList(String source, List<AnalystOverride> list, OverrideFile file) {
        ObjectNode node = object();
        node.put("source", source);
        ArrayNode overrides = node.putArray("overrides");
        for (AnalystOverride override : list) {
            overrides.addObject().put("target", override.target()).setAll(file.json(override));
        }
        return node;
    }

    /**
     * A comparison with a published measure.
     *
     * @param result the comparison
     * @return {@code {measure, level, codes, matched, unmatched[], badRows[], withoutValue, compared, spearman,
     *     pearson, intervals, disagreements: {higherElsewhere[], higherHere[]}, overrides, points[]}}
     */
    public ObjectNode comparison(MeasureComparison.Result result) {
        ObjectNode node = object();
        var measure = result.measure();
        node.putObject("measure").put("name", measure.name()).put("source", measure.source())
                .put("codeColumn", measure.codeColumn()).put("valueColumn", measure.valueColumn())
                .put("scale", measure.scale()).put("rows", measure.rows());
        node.put("level", result.level());
        node.put("codes", measure.values().size());
        node.put("matched", result.matchedCodes());
        ArrayNode unmatched = node.putArray("unmatched");
        result.unmatched().forEach(u -> unmatched.addObject().put("code", u.code())
                .put("where", measure.source() + ":" + u.line()).put("reason", u.reason()));
        ArrayNode bad = node.putArray("badRows");
        measure.badRows().forEach(b -> bad.addObject().put("where", b.where()).put("reason", b.reason()));
        node.put("withoutValue", result.withoutValue());
        node.put("compared", result.correlations().pairs());
        node.set("spearman", estimate(result.correlations().spearman()));
        node.set("pearson", estimate(result.correlations().pearson()));
        node.putObject("intervals").put("level", result.correlations().level())
                .put("resamples", result.correlations().resamples()).put("seed", result.correlations().seed())
                .put("method", "bootstrap over the compared units");
        ObjectNode disagreements = node.putObject("disagreements");
        disagreements.set("higherElsewhere", units(result.higherElsewhere()));
        disagreements.set("higherHere", units(result.higherHere()));
        node.set("overrides", overrides(result.overrides()));
        node.set("points", units(result.units()));
        return node;
    }

    private ArrayNode units(List<MeasureComparison.Unit> units) {
        ArrayNode array = mapper.createArrayNode();
        for (MeasureComparison.Unit unit : units) {
            array.addObject().put("code", unit.code()).put("title", unit.title())
                    .put("moravec", VerdictJson.round(unit.moravec())).put("measure", VerdictJson.round(unit.measure()))
                    .put("moravecRank", unit.moravecRank()).put("measureRank", unit.measureRank())
                    .put("bottleneck", name(unit.bottleneck())).put("overridden", unit.overridden());
        }
        return array;
    }

    private JsonNode estimate(dev.moravec.evaluation.Estimate estimate) {
        if (!estimate.isDefined()) {
            return NullNode.getInstance();
        }
        ObjectNode node = object().put("value", VerdictJson.round(estimate.value()));
        if (Double.isNaN(estimate.low())) {
            node.putNull("low").putNull("high");
        } else {
            node.put("low", VerdictJson.round(estimate.low())).put("high", VerdictJson.round(estimate.high()));
        }
        return node;
    }

    /** @return every factor with the axis it weighs on and what it means, in order */
    private ArrayNode factorList() {
        ArrayNode factors = mapper.createArrayNode();
        for (BottleneckFactor f : BottleneckFactor.values()) {
            factors.addObject().put("factor", f.name()).put("axis", f.axis().fieldName()).put("meaning", f.meaning());
        }
        return factors;
    }

    private ObjectNode factors(Map<BottleneckFactor, Double> values) {
        ObjectNode node = object();
        for (BottleneckFactor f : BottleneckFactor.values()) {
            Double value = values.get(f);
            if (value != null) {
                node.put(f.name(), VerdictJson.round(value));
            }
        }
        return node;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
