package dev.moravec.taxonomy.index;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.index.internal.CrosswalkChains;
import dev.moravec.taxonomy.index.internal.CrosswalkGrouping;
import dev.moravec.taxonomy.index.internal.Grouping;
import dev.moravec.taxonomy.index.internal.OccupationFigures;
import dev.moravec.taxonomy.index.internal.SocGrouping;
import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.sources.crosswalk.Crosswalk;
import dev.moravec.taxonomy.sources.crosswalk.EscoClassification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;

/**
 * The classifications the index can answer in, besides SOC 2018: which crosswalk chains its imported
 * crosswalks make, what each loses, and the groupings rankings and drill-downs total occupations through.
 * The chains are built once per commit of the index.
 */
public final class Classifications {

    /** A score built on less than this share of a group's crosswalk weight is marked as thin. */
    public static final double THIN_COVERAGE = 0.5;

    /**
     * What the index holds for other classifications.
     *
     * @param crosswalks the crosswalks imported, with what each file loses
     * @param esco the ESCO release imported, or {@code null}
     * @param escoReport what the ESCO import read
     * @param industry what the industry import read, empty when none
     * @param chains each classification reachable, with the crosswalks it is reached through and what the chain
     *     loses
     * @param onet2010 what the O*NET-SOC 2010 crosswalk loses against the taxonomy, when imported
     * @param escoContent whether ESCO content (the crosswalk or the classification) is in the index, so that its
     *     attribution is due
     */
    public record Summary(List<Crosswalk> crosswalks, String esco, List<String> escoReport, List<String> industry,
            Map<Classification, ChainSummary> chains, List<String> onet2010, boolean escoContent) {}

    /**
     * One chain.
     *
     * @param sources the crosswalks it is made of
     * @param codes the codes of its finest level known
     * @param losses what it loses, one sentence each
     */
    public record ChainSummary(List<String> sources, int codes, List<String> losses) {}

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public Classifications(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * What the index holds for other classifications.
     *
     * @return the summary
     * @throws IOException if the index cannot be read
     */
    public Summary summary() throws IOException {
        return index.search(searcher -> {
            Supplements supplements = supplements(index, searcher);
            CrosswalkChains chains = chains(index, searcher);
            Map<Classification, ChainSummary> summaries = new LinkedHashMap<>();
            chains.chains().forEach((c, chain) -> summaries.put(c, new ChainSummary(chain.sources(), chain.codes().size(),
                    chain.losses())));
            EscoClassification esco = supplements.esco();
            boolean escoCrosswalk = supplements.crosswalks().stream().anyMatch(c -> c.from() == Classification.ESCO);
            return new Summary(supplements.crosswalks(), esco == null ? null : esco.version(),
                    esco == null ? List.of() : esco.report(),
                    supplements.industry() == null ? List.of() : supplements.industry().report(), summaries,
                    chains.onet2010Losses(), esco != null || escoCrosswalk);
        });
    }

    /**
     * Checks that the index can answer in a classification.
     *
     * @param classification the classification
     * @throws BadInputException if its crosswalks were not imported, saying which to import
     * @throws IOException if the index cannot be read
     */
    public void require(Classification classification) throws BadInputException, IOException {
        if (classification == Classification.SOC_2018) {
            return;
        }
        boolean available = index.search(searcher -> chains(index, searcher).chains().containsKey(classification));
        if (!available) {
            String needs = switch (classification) {
                case SOC_2010 -> "the BLS 2010 SOC -> 2018 SOC crosswalk (soc_2010_to_2018_crosswalk.csv)";
                case ISCO_08 -> "the BLS ISCO-08 <-> 2010 SOC crosswalk (isco_soc_crosswalk_isco08_to_soc2010.csv) and the"
                        + " BLS 2010 SOC -> 2018 SOC crosswalk (soc_2010_to_2018_crosswalk.csv)";
                default -> "the ESCO -> O*NET-SOC crosswalk (ESCO_to_ONET-SOC.csv), and ESCO itself (--esco DIR) for its"
                        + " labels";
            };
            throw new BadInputException("the taxonomy index " + index.path() + " holds no crosswalks to "
                    + classification.title() + ": import " + needs + " with 'moravec taxonomy import --crosswalk FILE"
                    + (classification == Classification.ESCO ? " --esco DIR" : "") + "' (see docs/classifications.md)");
        }
    }

    /**
     * The level a name gives in a classification, checked.
     *
     * @param classification the classification
     * @param name the level's name, or {@code null} for the default
     * @return the level's name as rankings report it
     * @throws BadInputException if the classification has no such level
     */
    public static String level(Classification classification, String name) throws BadInputException {
        if (classification == Classification.SOC_2018) {
            return Rankings.level(name == null ? "occupation" : name).label();
        }
        return CrosswalkGrouping.level(classification, name);
    }

    /** The index's supplements, read once per commit. */
    static Supplements supplements(TaxonomyIndex index, IndexSearcher searcher) throws IOException {
        return index.memo("supplements", searcher, s -> index.supplements(s));
    }

    /** The chains of the index's crosswalks, built once per commit. */
    static CrosswalkChains chains(TaxonomyIndex index, IndexSearcher searcher) throws IOException {
        return index.memo("chains", searcher, s -> {
            Map<String, OccupationFigures> occupations = new HashMap<>();
            Set<String> scored = new HashSet<>();
            for (OccupationFigures figures : OccupationFigures.stored(s, null)) {
                occupations.put(figures.code(), figures);
                if (figures.score() != null) {
                    scored.add(figures.code());
                }
            }
            return CrosswalkChains.build(supplements(index, s), occupations, scored);
        });
    }

    /** The codes of the scored occupations, once per commit. */
    static Set<String> scored(TaxonomyIndex index, IndexSearcher searcher) throws IOException {
        return index.memo("scored", searcher, s -> {
            Set<String> scored = new HashSet<>();
            for (OccupationFigures figures : OccupationFigures.stored(s, null)) {
                if (figures.score() != null) {
                    scored.add(figures.code());
                }
            }
            return scored;
        });
    }

    /**
     * The grouping of a level of a classification; {@link #require} it first.
     *
     * @param index the index
     * @param searcher the searcher of one commit
     * @param classification the classification
     * @param level the level's name, as {@link #level} gives it
     * @return the grouping
     * @throws IOException if the index cannot be read
     */
    static Grouping grouping(TaxonomyIndex index, IndexSearcher searcher, Classification classification, String level)
            throws IOException {
        if (classification == Classification.SOC_2018) {
            try {
                return new SocGrouping(index.hierarchy(searcher), Rankings.level(level));
            } catch (BadInputException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        CrosswalkChains.Chain chain = chains(index, searcher).chains().get(classification);
        return new CrosswalkGrouping(chain, level, scored(index, searcher));
    }

    /** The chain to a classification; {@link #require} it first. */
    static CrosswalkChains.Chain chain(TaxonomyIndex index, IndexSearcher searcher, Classification classification)
            throws IOException {
        return chains(index, searcher).chains().get(classification);
    }

    /** @return the list of sources of a chain, or empty for SOC 2018 */
    static List<String> sources(TaxonomyIndex index, IndexSearcher searcher, Classification classification)
            throws IOException {
        if (classification == Classification.SOC_2018) {
            return List.of();
        }
        return new ArrayList<>(chain(index, searcher, classification).sources());
    }
}
