package dev.moravec.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.taxonomy.index.Classifications;
import dev.moravec.taxonomy.index.GroupDetails;
import dev.moravec.taxonomy.index.IndustryRankings;
import dev.moravec.taxonomy.index.Ranking;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.sources.crosswalk.Crosswalk;
import dev.moravec.taxonomy.sources.crosswalk.EscoClassification;
import java.util.List;
import java.util.Map;

/**
 * The JSON of what other classifications, industries and wages add: a ranking's classification, coverage
 * and wage bills, a group's drill-down, the industry ranking and what the index holds for other
 * classifications. {@link JsonViews} calls it for the shapes it shares; {@code openapi.json} documents them.
 */
public final class ClassificationViews {

    private final ObjectMapper mapper;

    /**
     * @param mapper the project's mapper
     */
    public ClassificationViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The attribution ESCO content needs, where a view shows it.
     *
     * @param classification the view's classification's label
     * @return the ESCO attribution for {@code esco}, else {@code null}
     */
    public static String attribution(String classification) {
        return Classification.ESCO.label().equals(classification) ? EscoClassification.ATTRIBUTION : null;
    }

    /**
     * Adds what a ranking says of its classification and weighting to its view.
     *
     * @param node the ranking's view
     * @param ranking the ranking
     */
    void putRanking(ObjectNode node, Ranking ranking) {
        node.put("classification", ranking.classification());
        node.put("weight", ranking.weight());
        node.put("thinCoverageBelow", Classifications.THIN_COVERAGE);
        ArrayNode sources = node.putArray("sources");
        ranking.sources().forEach(sources::add);
        ArrayNode without = node.putArray("withoutScore");
        for (Ranking.Unscored unscored : ranking.withoutScore()) {
            without.addObject().put("code", unscored.code()).put("title", unscored.title())
                    .put("coverage", VerdictJson.round(unscored.coverage())).put("reason", unscored.reason());
        }
        node.put("attribution", attribution(ranking.classification()));
    }

    /**
     * Adds a ranking row's wage bills and coverage to its view.
     *
     * @param r the row's view
     * @param row the row
     */
    void putRankingRow(ObjectNode r, Ranking.Row row) {
        putMoney(r, "wageBill", row.wageBill());
        r.set("wageBillByQuadrant", money(row.wageBillByQuadrant()));
        if (row.coverage() == null) {
            r.putNull("coverage");
        } else {
            r.put("coverage", VerdictJson.round(row.coverage()));
        }
        r.put("thinCoverage", row.thinCoverage());
    }

    /**
     * A group of another classification, in the layout of {@code moravec show --classification X --format json}.
     *
     * @param detail the drill-down
     * @return the group with its score, coverage, the occupations behind it and its unscored partners
     */
    public ObjectNode group(GroupDetails.Detail detail) {
        ObjectNode node = mapper.createObjectNode();
        node.put("classification", detail.classification());
        node.put("level", detail.level());
        node.put("code", detail.code());
        node.put("title", detail.title());
        node.put("uri", detail.uri());
        node.put("iscoGroup", detail.parent());
        ArrayNode labels = node.putArray("alternativeLabels");
        detail.alternativeLabels().forEach(labels::add);
        node.put("description", detail.description());
        OccupationScore score = detail.score();
        if (score != null) {
            VerdictJson.putNumber(node, VerdictJson.SCORE, score.score());
            VerdictJson.putNumber(node, VerdictJson.TRANSFERABILITY, score.transferability());
            VerdictJson.putNumber(node, VerdictJson.VERIFICATION_COST, score.verificationCost());
            node.set("shares", shares(score.shares()));
            node.put("bottleneck", score.dominantBottleneck().map(Enum::name).orElse(null));
        } else {
            node.putNull(VerdictJson.SCORE);
        }
        node.put("coverage", VerdictJson.round(detail.coverage()));
        node.put("thinCoverage", detail.thinCoverage());
        node.put("thinCoverageBelow", Classifications.THIN_COVERAGE);
        node.put("unreached", VerdictJson.round(detail.unreached()));
        putMoney(node, "employment", detail.employment());
        putMoney(node, "wageBill", detail.wageBill());
        node.set("wageBillByQuadrant", money(detail.wageBillByQuadrant()));
        node.put("weighting", detail.weighting());
        ArrayNode members = node.putArray("occupations");
        for (GroupDetails.Member member : detail.members()) {
            ObjectNode m = members.addObject().put("code", member.code()).put("title", member.title())
                    .put("share", VerdictJson.round(member.share())).put("weight", VerdictJson.round(member.weight()));
            VerdictJson.putScores(m, member.scores());
            putMoney(m, "employment", member.employment());
            m.put("tasks", member.tasks());
        }
        ArrayNode unscored = node.putArray("unscoredPartners");
        for (GroupDetails.Partner partner : detail.unscoredPartners()) {
            unscored.addObject().put("code", partner.code()).put("title", partner.title())
                    .put("weight", VerdictJson.round(partner.weight())).put("reason", partner.reason());
        }
        ArrayNode sources = node.putArray("sources");
        detail.sources().forEach(sources::add);
        node.put("attribution", attribution(detail.classification()));
        return node;
    }

    /**
     * The industry ranking.
     *
     * @param result the ranking
     * @return {@code {by, source, order, weight, weighting, scenario, report[], rows[]}}
     */
    public ObjectNode industries(IndustryRankings.Result result) {
        ObjectNode node = mapper.createObjectNode();
        node.put("by", "industry");
        node.put("source", result.source());
        node.put("order", result.lagging() ? "lagging" : "leading");
        node.put("weight", result.weight());
        node.put("weighting", result.weighting());
        node.put("scenario", result.scenario());
        ArrayNode report = node.putArray("report");
        result.report().forEach(report::add);
        ArrayNode rows = node.putArray("rows");
        int rank = 0;
        for (IndustryRankings.Row row : result.rows()) {
            ObjectNode r = rows.addObject();
            r.put("rank", ++rank);
            r.put("naics", row.naics());
            r.put("title", row.title());
            VerdictJson.putScores(r, row.scores());
            r.put("laggingShare", VerdictJson.round(row.laggingShare()));
            r.put("bottleneck", row.bottleneck() == null ? null : row.bottleneck().name());
            r.put("employment", Math.round(row.employment()));
            r.put("placed", Math.round(row.placed()));
            r.put("coverage", VerdictJson.round(row.coverage()));
            r.put("occupations", row.occupations());
            r.set("shares", shares(row.shares()));
            putMoney(r, "wageBill", row.wageBill());
            r.set("wageBillByQuadrant", money(row.wageBillByQuadrant()));
            ObjectNode lagging = r.putObject("wageBillLaggingBy");
            row.wageBillLaggingBy().forEach((f, v) -> lagging.put(f.name(), Math.round(v)));
        }
        return node;
    }

    /** The columns of the industry ranking as CSV. */
    public static final List<String> INDUSTRY_CSV = industryColumns();

    private static List<String> industryColumns() {
        List<String> columns = new java.util.ArrayList<>(List.of("rank", "naics", "title", "score", "interval.low",
                "interval.high", "rankRange.low", "rankRange.high", "transferability",
                "verificationCost", "laggingShare", "bottleneck", "employment", "placed", "coverage", "occupations",
                "wageBill"));
        for (Quadrant q : Quadrant.values()) {
            columns.add("wages." + q.name());
        }
        columns.add("weight");
        return List.copyOf(columns);
    }

    /**
     * The industry ranking's rows, flat, for {@link #INDUSTRY_CSV}.
     *
     * @param view the ranking's view
     * @return one flat object per row
     */
    public List<ObjectNode> industriesCsv(ObjectNode view) {
        List<ObjectNode> flat = new java.util.ArrayList<>();
        view.path("rows").forEach(row -> {
            ObjectNode csv = ((ObjectNode) row).deepCopy();
            row.path("wageBillByQuadrant").properties().forEach(e -> csv.set("wages." + e.getKey(), e.getValue()));
            for (String range : List.of("interval", "rankRange")) {
                row.path(range).properties().forEach(e -> csv.set(range + "." + e.getKey(), e.getValue()));
            }
            csv.put("weight", view.path("weight").asText());
            flat.add(csv);
        });
        return flat;
    }

    /**
     * What the index holds for other classifications.
     *
     * @param summary the summary
     * @return {@code {thinCoverageBelow, crosswalks[], esco, escoReport[], industry[], classifications{}, attribution}}
     */
    public ObjectNode summary(Classifications.Summary summary) {
        ObjectNode node = mapper.createObjectNode();
        node.put("thinCoverageBelow", Classifications.THIN_COVERAGE);
        ArrayNode crosswalks = node.putArray("crosswalks");
        for (Crosswalk crosswalk : summary.crosswalks()) {
            ObjectNode c = crosswalks.addObject();
            c.put("file", crosswalk.file());
            c.put("layout", crosswalk.layout().title());
            c.put("from", crosswalk.from().label());
            c.put("to", crosswalk.to().label());
            c.set("losses", mapper.valueToTree(crosswalk.losses()));
        }
        node.put("esco", summary.esco());
        ArrayNode esco = node.putArray("escoReport");
        summary.escoReport().forEach(esco::add);
        ArrayNode industry = node.putArray("industry");
        summary.industry().forEach(industry::add);
        ObjectNode classifications = node.putObject("classifications");
        summary.chains().forEach((c, chain) -> {
            ObjectNode n = classifications.putObject(c.label());
            n.put("title", c.title());
            ArrayNode sources = n.putArray("sources");
            chain.sources().forEach(sources::add);
            n.put("codes", chain.codes());
            ArrayNode losses = n.putArray("losses");
            chain.losses().forEach(losses::add);
        });
        ArrayNode onet = node.putArray("onet2010");
        summary.onet2010().forEach(onet::add);
        node.put("attribution", summary.escoContent() ? EscoClassification.ATTRIBUTION : null);
        return node;
    }

    /**
     * Adds a bottleneck row's wage bills and coverage to its view.
     *
     * @param r the row's view
     * @param wageBill the row's wage bill, or {@code null}
     * @param wages the wage bill behind each factor
     * @param lagging the wage bill of its lagging work, or {@code null}
     * @param coverage its coverage, or {@code null}
     */
    void putBottleneckRow(ObjectNode r, Double wageBill, Map<BottleneckFactor, Double> wages, Double lagging,
            Double coverage) {
        putMoney(r, "wageBill", wageBill);
        putMoney(r, "laggingWageBill", lagging);
        if (wageBill == null) {
            r.putNull("wages");
        } else {
            ObjectNode byFactor = r.putObject("wages");
            wages.forEach((f, v) -> byFactor.put(f.name(), Math.round(v)));
        }
        if (coverage == null) {
            r.putNull("coverage");
        } else {
            r.put("coverage", VerdictJson.round(coverage));
        }
    }

    private static void putMoney(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(value));
        }
    }

    private ObjectNode money(Map<Quadrant, Double> values) {
        ObjectNode node = mapper.createObjectNode();
        values.forEach((q, v) -> node.put(q.name(), Math.round(v)));
        return node;
    }

    /**
     * @param shares each quadrant's share
     * @return every quadrant with its share, rounded for output ({@code 0} where there is none)
     */
    ObjectNode shares(Map<Quadrant, Double> shares) {
        ObjectNode node = mapper.createObjectNode();
        for (Quadrant q : Quadrant.values()) {
            node.put(q.name(), VerdictJson.round(shares.getOrDefault(q, 0.0)));
        }
        return node;
    }
}
