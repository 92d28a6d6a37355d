package dev.moravec.taxonomy.index;

import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.internal.CrosswalkChains;
import dev.moravec.taxonomy.index.internal.CrosswalkGrouping;
import dev.moravec.taxonomy.index.internal.FamilyTotals;
import dev.moravec.taxonomy.index.internal.IntervalEstimator;
import dev.moravec.taxonomy.index.internal.OverrideTargets;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.index.internal.OccupationFigures;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * A group of another classification shown as an occupation is: an ESCO occupation, an ISCO-08 group or a
 * SOC 2010 occupation, with its score built from the O*NET-SOC occupations (and so the O*NET tasks) its
 * crosswalk chain reaches, each weighted by its share of the group's employment; its coverage; the
 * occupations behind it; and the partners that carry no score.
 */
public final class GroupDetails {

    /**
     * The drill-down.
     *
     * @param classification the classification's label
     * @param level the group's level in it
     * @param code its code
     * @param title its title, or {@code null}
     * @param uri its concept URI, for an ESCO occupation; else {@code null}
     * @param parent the ISCO-08 unit group of an ESCO occupation; else {@code null}
     * @param alternativeLabels its alternative labels, where its classification was imported
     * @param description its description, or {@code null}
     * @param score its score, or {@code null} when no scored occupation is behind it
     * @param employment the employment behind it (the occupations' shares), or {@code null}
     * @param wageBill the wage bill behind it, or {@code null}
     * @param wageBillByQuadrant the wage bill of its work in each quadrant; empty without wages
     * @param coverage the share of its crosswalk weight that reaches scored occupations
     * @param members the occupations behind it, heaviest first
     * @param unscoredPartners for a code of the finest level, its partners that carry no score
     * @param unreached for a code of the finest level, the share of its weight that reaches no O*NET-SOC
     *     occupation at all (a partner absent from the next crosswalk)
     * @param sources the crosswalks it is reached through
     * @param weighting how the occupations behind it are weighted, in words
     * @param interval its score's 90% interval, or {@code null} without intervals or score
     * @param intervals how the interval was estimated, or {@code null} when it was not
     * @param overrides what became of the analyst overrides
     */
    public record Detail(String classification, String level, String code, String title, String uri, String parent,
            List<String> alternativeLabels, String description, OccupationScore score, Double employment,
            Double wageBill, Map<Quadrant, Double> wageBillByQuadrant, double coverage, List<Member> members,
            List<Partner> unscoredPartners, double unreached, List<String> sources, String weighting,
            ScoreInterval interval, IntervalSettings intervals, OverrideReport overrides) {

        /** @return whether its coverage is below {@link Classifications#THIN_COVERAGE} */
        public boolean thinCoverage() {
            return coverage < Classifications.THIN_COVERAGE;
        }
    }

    /**
     * An occupation behind a group.
     *
     * @param code its O*NET-SOC code
     * @param title its title
     * @param share the share of the occupation that belongs to the group (the crosswalk splits an occupation
     *     among all the groups it reaches)
     * @param weight its weight in the group's score
     * @param scores its T, V and S, or none when it is not scored
     * @param employment its employment, or {@code null}
     * @param tasks its number of tasks
     */
    public record Member(String code, String title, double share, double weight, Scores scores, Double employment,
            long tasks) {}

    /**
     * A partner of a group that carries no score.
     *
     * @param code its O*NET-SOC code
     * @param title its title, or {@code null} when not in the taxonomy
     * @param weight its share of the group's crosswalk weight
     * @param reason why it carries no score
     */
    public record Partner(String code, String title, double weight, String reason) {}

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public GroupDetails(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * Shows a group.
     *
     * @param classification the classification, not SOC 2018 (whose occupations {@link OccupationDetails} shows)
     * @param given its code; for ESCO also an occupation's concept URI or the identifier that ends it
     * @return the drill-down
     * @throws BadInputException if the classification's crosswalks were not imported or it has no such code
     * @throws IOException if the index cannot be read
     */
    public Detail show(Classification classification, String given) throws BadInputException, IOException {
        return show(classification, given, ViewOptions.PLAIN);
    }

    /**
     * Shows a group with the analyst overrides and, if asked, its score's 90% interval (the occupations behind
     * it drawn with replacement, weighted as its score weighs them).
     *
     * @param classification the classification, not SOC 2018 (whose occupations {@link OccupationDetails} shows)
     * @param given its code; for ESCO also an occupation's concept URI or the identifier that ends it
     * @param view the overrides, and how to estimate intervals (or none)
     * @return the drill-down
     * @throws BadInputException if the classification's crosswalks were not imported or it has no such code
     * @throws IOException if the index cannot be read
     */
    public Detail show(Classification classification, String given, ViewOptions view)
            throws BadInputException, IOException {
        new Classifications(index).require(classification);
        String code = index.search(searcher -> resolve(Classifications.chain(index, searcher, classification), given));
        String level = CrosswalkGrouping.levelOf(classification, code);
        Detail detail = index.search(searcher -> detail(searcher, classification, level, code, view));
        if (detail == null) {
            throw new BadInputException("no " + classification.title() + " code '" + given + "' in the crosswalks the"
                    + " taxonomy index holds; find codes with: moravec search --occupations --classification "
                    + classification.label() + " \"title\"");
        }
        return detail;
    }

    // an ESCO occupation's code from its URI or the identifier that ends it; other codes as given
    private static String resolve(CrosswalkChains.Chain chain, String given) {
        String text = given.strip();
        if (chain.classification() != Classification.ESCO || Classification.ESCO.isCode(text) || text.matches("\\d{1,4}")) {
            return text;
        }
        for (Map.Entry<String, String> uri : chain.uris().entrySet()) {
            if (uri.getValue().equals(text) || uri.getValue().endsWith("/" + text)) {
                return uri.getKey();
            }
        }
        return text;
    }

    private Detail detail(IndexSearcher searcher, Classification classification, String level, String code,
            ViewOptions view) throws IOException {
        CrosswalkChains.Chain chain = Classifications.chain(index, searcher, classification);
        CrosswalkGrouping grouping = (CrosswalkGrouping) Classifications.grouping(index, searcher, classification, level);
        boolean finest = chain.codes().contains(code) || !chain.down().partners(code).isEmpty();
        if (!finest && !grouping.known().contains(code)) {
            return null;
        }
        Map<String, String> titles = OccupationDetails.titles(searcher);
        FamilyTotals totals = new FamilyTotals(code);
        List<OccupationFigures> behind = new ArrayList<>();
        Map<String, Double> shares = new TreeMap<>();
        OverrideTargets targets = OverrideTargets.resolve(searcher, view.overrides());
        for (OccupationFigures occupation : OccupationFigures.adjusted(searcher, null, targets)) {
            Double share = grouping.groups(occupation.code()).get(code);
            if (share != null && share > 0) {
                totals.add(occupation, share);
                behind.add(occupation);
                shares.put(occupation.code(), share);
            }
        }
        boolean byEmployment = totals.weightedBy().equals("employment");
        double sum = 0;
        for (OccupationFigures o : behind) {
            sum += o.score() == null ? 0 : byEmployment ? shares.get(o.code()) * positive(o.employment())
                    : shares.get(o.code());
        }
        List<Member> members = new ArrayList<>();
        for (OccupationFigures o : behind) {
            double mass = o.score() == null ? 0 : byEmployment ? shares.get(o.code()) * positive(o.employment())
                    : shares.get(o.code());
            members.add(new Member(o.code(), titles.get(o.code()), shares.get(o.code()), sum > 0 ? mass / sum : 0,
                    o.score() == null ? Scores.NONE : o.score().means(), o.employment(), o.tasks()));
        }
        members.sort(Comparator.comparingDouble(Member::weight).reversed().thenComparing(Member::code));
        List<Partner> unscored = new ArrayList<>();
        Set<String> scored = Classifications.scored(index, searcher);
        chain.down().partners(code).forEach((partner, weight) -> {
            if (!scored.contains(partner)) {
                unscored.add(new Partner(partner, titles.get(partner), weight, titles.containsKey(partner)
                        ? "in the taxonomy, not scored (no tasks, or not classified yet)" : "not in the taxonomy"));
            }
        });
        unscored.sort(Comparator.comparingDouble(Partner::weight).reversed().thenComparing(Partner::code));
        GroupDoc doc = groupDoc(searcher, classification, code);
        String weighting = (byEmployment ? "occupations weighted by their share of the employment behind it"
                : "occupations weighted equally (no employment imported)") + "; tasks within occupations as rankings"
                + " weigh them";
        ScoreInterval interval = null;
        if (view.intervals() != null && totals.scored() > 0) {
            double[] replicates = ScoreIntervals.replicates(ScoreIntervals.estimator(index, searcher, null, targets, null,
                    view.intervals()), false, totals);
            double point = totals.score().score().getAsDouble();
            interval = replicates == null ? new ScoreInterval(point, point) : IntervalEstimator.interval(replicates, point);
        }
        return new Detail(classification.label(), level, code, doc == null ? grouping.title(code) : doc.title(),
                chain.uris().get(code), chain.parents().get(code), doc == null ? List.of() : doc.alternatives(),
                doc == null ? null : doc.description(), totals.scored() == 0 ? null : totals.score(), totals.employment(),
                totals.wageBill(), totals.wageBillByQuadrant(), grouping.coverage(code), members, unscored,
                finest ? chain.down().lost(code) : 0, chain.sources(), weighting, interval, view.intervals(),
                Rankings.report(targets));
    }

    private static double positive(Double employment) {
        return employment == null || employment < 0 ? 0 : employment;
    }

    /** What a group's searchable document holds. */
    private record GroupDoc(String title, List<String> alternatives, String description) {}

    private static GroupDoc groupDoc(IndexSearcher searcher, Classification classification, String code)
            throws IOException {
        TopDocs found = searcher.search(new TermQuery(IndexFields.keyTerm(
                dev.moravec.taxonomy.index.internal.SupplementDocuments.groupKey(classification, code))), 1);
        if (found.scoreDocs.length == 0) {
            return null;
        }
        Document doc = searcher.storedFields().document(found.scoreDocs[0].doc);
        List<String> alternatives = new ArrayList<>();
        for (var field : doc.getFields(IndexFields.ALTERNATE_TITLES)) {
            alternatives.add(field.stringValue());
        }
        return new GroupDoc(IndexFields.stored(doc, IndexFields.TITLE), alternatives,
                IndexFields.stored(doc, IndexFields.DESCRIPTION));
    }
}
