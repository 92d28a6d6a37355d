package dev.moravec.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Axis;
import dev.moravec.engine.OccupationScore;
import dev.moravec.engine.PluginHost;
import dev.moravec.engine.PluginStatus;
import dev.moravec.engine.Quadrant;
import dev.moravec.engine.ScorerHandle;
import dev.moravec.engine.ScoringEngine;
import dev.moravec.engine.Thresholds;
import dev.moravec.engine.catalog.VerdictWriter;
import dev.moravec.taxonomy.OccupationDetails;
import dev.moravec.taxonomy.Ranking;
import dev.moravec.taxonomy.SearchHit;
import dev.moravec.taxonomy.SocHierarchy;
import dev.moravec.taxonomy.TaskPoints;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The JSON the API answers with, the report embeds and {@code moravec show --format json} prints, built
 * from the taxonomy's records; one place, so that the page, the report and the command line give the
 * same shapes, which {@code openapi.json} documents.
 */
public final class JsonViews {

    private final ObjectMapper mapper;

    /**
     * @param mapper the project's mapper
     */
    public JsonViews(ObjectMapper mapper) {
        this.mapper = mapper;
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
     * @return {@code {level, order, family, weighting, unscored, rows[]}}
     */
    public ObjectNode ranking(Ranking ranking, String family) {
        ObjectNode node = object();
        node.put("level", ranking.level());
        node.put("order", ranking.lagging() ? "lagging" : "leading");
        node.put("family", family);
        node.put("weighting", ranking.weighting());
        node.put("unscored", ranking.unscored());
        ArrayNode rows = node.putArray("rows");
        int rank = 0;
        for (Ranking.Row row : ranking.rows()) {
            ObjectNode r = rows.addObject();
            r.put("rank", ++rank);
            r.put("code", row.code());
            r.put("title", row.title());
            r.put("taskId", row.taskId());
            r.put("statement", row.statement());
            number(r, "score", row.score());
            number(r, "transferability", row.transferability());
            number(r, "verificationCost", row.verificationCost());
            r.put("quadrant", row.quadrant() == null ? null : row.quadrant().name());
            r.put("tasks", row.tasks());
            r.put("occupations", row.occupations());
            if (row.employment() == null) {
                r.putNull("employment");
            } else {
                r.put("employment", Math.round(row.employment()));
            }
            r.set("shares", shares(row.shares()));
        }
        return node;
    }

    /**
     * Search results.
     *
     * @param query the query
     * @param occupations whether occupations were searched
     * @param hits the hits
     * @return {@code {query, kind, results[]}}
     */
    public ObjectNode search(String query, boolean occupations, List<SearchHit> hits) {
        ObjectNode node = object();
        node.put("query", query);
        node.put("kind", occupations ? "occupation" : "task");
        ArrayNode results = node.putArray("results");
        for (SearchHit hit : hits) {
            ObjectNode r = results.addObject();
            r.put("kind", hit.kind());
            r.put("code", hit.code());
            r.put("title", hit.title());
            r.put("taskId", hit.taskId());
            r.put("statement", hit.statement());
            number(r, "transferability", hit.transferability());
            number(r, "verificationCost", hit.verificationCost());
            number(r, "score", hit.score());
            r.put("quadrant", hit.quadrant() == null ? null : hit.quadrant().name());
            r.put("highlight", hit.highlight());
            r.put("relevance", VerdictWriter.round(hit.relevance()));
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
        ObjectNode node = object();
        node.put("family", family);
        node.set("thresholds", thresholds(thresholds));
        node.put("total", result.total());
        node.put("unplaced", result.unplaced());
        node.put("returned", result.points().size());
        ObjectNode quadrants = node.putObject("quadrants");
        for (Quadrant q : Quadrant.values()) {
            if (q != Quadrant.UNRATED) {
                quadrants.put(q.name(), result.quadrants().getOrDefault(q, 0));
            }
        }
        ArrayNode points = node.putArray("points");
        for (TaskPoints.Point point : result.points()) {
            points.addObject()
                    .put("id", point.id())
                    .put("code", point.code())
                    .put("title", point.title())
                    .put("statement", point.statement())
                    .put("transferability", VerdictWriter.round(point.transferability()))
                    .put("verificationCost", VerdictWriter.round(point.verificationCost()))
                    .put("score", VerdictWriter.round(point.score()))
                    .put("quadrant", point.quadrant().name());
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
        ArrayNode path = node.putArray("family");
        for (SocHierarchy.Node step : detail.path()) {
            path.addObject().put("level", step.level().label()).put("code", step.code()).put("title", step.title());
        }
        OccupationScore score = detail.score();
        if (score != null) {
            number(node, "score", score.score());
            number(node, "transferability", score.transferability());
            number(node, "verificationCost", score.verificationCost());
            node.put("weighting", score.weighting().label());
            node.set("shares", shares(score.shares()));
        }
        ArrayNode tasks = node.putArray("tasks");
        for (OccupationDetails.TaskLine task : detail.tasks()) {
            ObjectNode t = tasks.addObject();
            t.put("id", task.taskId());
            t.put("statement", task.statement());
            t.put("taskType", task.type());
            t.put("weight", task.weight());
            number(t, "transferability", task.transferability());
            number(t, "verificationCost", task.verificationCost());
            number(t, "score", task.score());
            t.put("quadrant", task.quadrant() == null ? null : task.quadrant().name());
            task.evidence().forEach(t.putArray("evidence")::add);
        }
        ArrayNode emerging = node.putArray("emergingTasks");
        occupation.emergingTasks().forEach(emerging::add);
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
            p.put("verified", plugin.trust());
            ArrayNode scorers = p.putArray("scorers");
            for (ScorerHandle scorer : plugin.scorers()) {
                String state = scorer.isQuarantined() ? "quarantined"
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

    private ObjectNode shares(Map<Quadrant, Double> shares) {
        ObjectNode node = object();
        for (Quadrant q : Quadrant.values()) {
            node.put(q.name(), VerdictWriter.round(shares.getOrDefault(q, 0.0)));
        }
        return node;
    }

    private static void number(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, VerdictWriter.round(value.getAsDouble()));
        } else {
            node.putNull(field);
        }
    }
}
