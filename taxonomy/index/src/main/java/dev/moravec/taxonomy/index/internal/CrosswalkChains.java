package dev.moravec.taxonomy.index.internal;

import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.sources.crosswalk.Crosswalk;
import dev.moravec.taxonomy.sources.crosswalk.CrosswalkLayout;
import dev.moravec.taxonomy.sources.crosswalk.CrosswalkLink;
import dev.moravec.taxonomy.sources.crosswalk.EscoClassification;
import dev.moravec.taxonomy.sources.crosswalk.IscoMajorGroups;
import dev.moravec.taxonomy.sources.crosswalk.WeightedMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The chains of crosswalks from the taxonomy's O*NET-SOC 2019 occupations to each other classification the
 * index holds crosswalks for, in both directions:
 *
 * <ul>
 *   <li><b>up</b>, from each occupation to the codes it belongs to: O*NET-SOC 2019 -> SOC 2018 (built in)
 *       -> SOC 2010 -> ISCO-08, or O*NET-SOC 2019 -> ESCO. Rankings and drill-downs share an occupation's
 *       employment among its partners this way, so no worker counts twice;
 *   <li><b>down</b>, from each code to the occupations behind it, the reverse path. Its weights say how
 *       much of a code reaches scored occupations: its coverage; and where a catalog's code is rated.
 * </ul>
 *
 * <p>Each step shares a code's weight among its partners in proportion to their employment where every
 * partner's is known, else equally. Employment is known for the taxonomy's O*NET-SOC occupations and SOC
 * 2018 codes, and for SOC 2010 codes through them (a SOC 2018 code's employment shared equally among the
 * 2010 codes it receives); ISCO-08 and ESCO have none, so the steps up to them share equally. What a chain loses on the way (codes of one
 * vintage absent from the next, codes without any partner) is reported. Immutable.
 */
public final class CrosswalkChains {

    /**
     * The chain to one classification.
     *
     * @param classification the classification
     * @param up each occupation's codes, at the classification's finest level
     * @param down each code's occupations
     * @param titles the codes' titles at every level known
     * @param codes every code of the finest level known, with a partner or not
     * @param parents for ESCO, each occupation's ISCO-08 unit group; empty for the others
     * @param uris for ESCO, each occupation's concept URI; empty for the others
     * @param sources the crosswalks the chain is made of, in order
     * @param losses what the chain loses, one sentence each
     */
    public record Chain(Classification classification, WeightedMapping up, WeightedMapping down,
            Map<String, String> titles, Set<String> codes, Map<String, String> parents, Map<String, String> uris,
            List<String> sources, List<String> losses) {}

    private final Map<Classification, Chain> chains;
    private final WeightedMapping onet2010;
    private final List<String> onet2010Losses;

    private CrosswalkChains(Map<Classification, Chain> chains, WeightedMapping onet2010, List<String> onet2010Losses) {
        this.chains = chains;
        this.onet2010 = onet2010;
        this.onet2010Losses = onet2010Losses;
    }

    /** @return each classification a chain reaches, with its chain */
    public Map<Classification, Chain> chains() {
        return chains;
    }

    /** @return O*NET-SOC 2010 occupations to the taxonomy's, or {@code null} without that crosswalk */
    public WeightedMapping onet2010() {
        return onet2010;
    }

    /** @return what the O*NET-SOC 2010 crosswalk loses against the taxonomy */
    public List<String> onet2010Losses() {
        return onet2010Losses;
    }

    /**
     * Builds the chains.
     *
     * @param supplements the index's crosswalks and ESCO classification
     * @param occupations the taxonomy's occupations by code, with their employment
     * @param scored the codes of the occupations with a score
     * @return the chains
     */
    public static CrosswalkChains build(Supplements supplements, Map<String, OccupationFigures> occupations,
            Set<String> scored) {
        Map<CrosswalkLayout, Crosswalk> byLayout = new EnumMap<>(CrosswalkLayout.class);
        supplements.crosswalks().forEach(c -> byLayout.put(c.layout(), c));
        Function<String, Double> employment = code -> {
            OccupationFigures figures = occupations.get(code);
            return figures == null ? null : figures.employment();
        };
        // the built-in step: each occupation to its SOC 2018 code, and each SOC 2018 code to its occupations
        List<CrosswalkLink> soc2018 = new ArrayList<>();
        Map<String, Double> socEmployment = new HashMap<>();
        Set<String> socWithoutFigures = new TreeSet<>();
        for (OccupationFigures figures : occupations.values()) {
            String soc = figures.code().substring(0, 7);
            soc2018.add(new CrosswalkLink(soc, figures.code(), false));
            if (figures.employment() == null || !(figures.employment() > 0)) {
                socWithoutFigures.add(soc);
            } else {
                socEmployment.merge(soc, figures.employment(), Double::sum);
            }
        }
        socWithoutFigures.forEach(socEmployment::remove);
        WeightedMapping toSoc2018 = WeightedMapping.function(occupations.keySet(), code -> code.substring(0, 7));
        WeightedMapping fromSoc2018 = WeightedMapping.of(soc2018, employment);

        Map<Classification, Chain> chains = new EnumMap<>(Classification.class);
        Crosswalk soc = byLayout.get(CrosswalkLayout.BLS_SOC2010_SOC2018);
        if (soc != null) {
            Chain soc2010 = soc2010(soc, byLayout, toSoc2018, fromSoc2018, socEmployment, occupations, scored);
            chains.put(Classification.SOC_2010, soc2010);
            List<CrosswalkLink> isco = iscoLinks(byLayout);
            if (!isco.isEmpty()) {
                chains.put(Classification.ISCO_08, isco(isco, byLayout, soc2010, soc2010Employment(soc, socEmployment),
                        supplements.esco(), scored));
            }
        }
        Crosswalk esco = byLayout.get(CrosswalkLayout.ESCO_ONET_SOC2019);
        if (esco != null) {
            chains.put(Classification.ESCO, esco(esco, supplements.esco(), employment, occupations, scored));
        }
        Crosswalk onet = byLayout.get(CrosswalkLayout.ONET_SOC2010_SOC2019);
        WeightedMapping onet2010 = null;
        List<String> onet2010Losses = List.of();
        if (onet != null) {
            onet2010 = WeightedMapping.of(onet.links(), employment);
            Set<String> absent = new TreeSet<>();
            onet.links().forEach(l -> {
                if (!occupations.containsKey(l.to())) {
                    absent.add(l.to());
                }
            });
            onet2010Losses = absent.isEmpty() ? List.of() : List.of(count(absent.size()) + " O*NET-SOC 2019 codes of "
                    + onet.file() + " are not in the taxonomy" + examples(absent));
        }
        return new CrosswalkChains(chains, onet2010, onet2010Losses);
    }

    private static Chain soc2010(Crosswalk soc, Map<CrosswalkLayout, Crosswalk> byLayout, WeightedMapping toSoc2018,
            WeightedMapping fromSoc2018, Map<String, Double> socEmployment, Map<String, OccupationFigures> occupations,
            Set<String> scored) {
        WeightedMapping up = toSoc2018.then(WeightedMapping.reversed(soc.links(), code -> null));
        WeightedMapping down = WeightedMapping.of(soc.links(), socEmployment::get).then(fromSoc2018);
        Map<String, String> titles = new TreeMap<>(soc.fromTitles());
        Set<String> codes = new TreeSet<>(titles.keySet());
        for (CrosswalkLayout layout : List.of(CrosswalkLayout.BLS_ISCO08_SOC2010, CrosswalkLayout.BLS_SOC2010_ISCO08)) {
            Crosswalk isco = byLayout.get(layout);
            if (isco != null) {
                Map<String, String> socTitles = layout.from() == Classification.SOC_2010 ? isco.fromTitles() : isco.toTitles();
                socTitles.forEach(titles::putIfAbsent);
                codes.addAll(socTitles.keySet());
            }
        }
        List<String> losses = new ArrayList<>();
        Set<String> newCodes = new TreeSet<>();
        soc.links().forEach(l -> newCodes.add(l.to()));
        Set<String> socInTaxonomy = new TreeSet<>();
        occupations.keySet().forEach(code -> socInTaxonomy.add(code.substring(0, 7)));
        Set<String> withoutOccupation = new TreeSet<>(newCodes);
        withoutOccupation.removeAll(socInTaxonomy);
        if (!withoutOccupation.isEmpty()) {
            losses.add(count(withoutOccupation.size()) + " SOC 2018 codes of " + soc.file() + " have no O*NET-SOC"
                    + " occupation in the taxonomy" + examples(withoutOccupation));
        }
        Set<String> taxonomyOnly = new TreeSet<>(socInTaxonomy);
        taxonomyOnly.removeAll(newCodes);
        if (!taxonomyOnly.isEmpty()) {
            losses.add(count(taxonomyOnly.size()) + " SOC 2018 codes of the taxonomy are not in " + soc.file()
                    + ": their occupations have no SOC 2010 code" + examples(taxonomyOnly));
        }
        Set<String> notInSoc = new TreeSet<>(codes);
        notInSoc.removeAll(soc.fromTitles().keySet());
        if (!notInSoc.isEmpty()) {
            losses.add(count(notInSoc.size()) + " SOC 2010 codes of the ISCO-08 crosswalk are not in " + soc.file()
                    + examples(notInSoc));
        }
        unscoredNote(down, codes, scored, losses);
        return new Chain(Classification.SOC_2010, up, down, titles, codes, Map.of(), Map.of(), List.of(soc.layout().title()),
                losses);
    }

    // the employment of each SOC 2010 code: its SOC 2018 partners', a 2018 code's shared equally by the 2010 codes
    // it receives
    private static Map<String, Double> soc2010Employment(Crosswalk soc, Map<String, Double> socEmployment) {
        WeightedMapping back = WeightedMapping.reversed(soc.links(), code -> null);
        Map<String, Double> employment = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String code2018 : back.codes()) {
            Double e = socEmployment.get(code2018);
            back.partners(code2018).forEach((code2010, share) -> {
                if (e == null) {
                    unknown.add(code2010);
                } else {
                    employment.merge(code2010, e * share, Double::sum);
                }
            });
        }
        unknown.forEach(employment::remove);
        return employment;
    }

    // the ISCO-08 crosswalk's links as SOC 2010 -> ISCO-08, from either of its sheets, or both
    private static List<CrosswalkLink> iscoLinks(Map<CrosswalkLayout, Crosswalk> byLayout) {
        Map<String, CrosswalkLink> links = new TreeMap<>();
        Crosswalk bySoc = byLayout.get(CrosswalkLayout.BLS_SOC2010_ISCO08);
        if (bySoc != null) {
            bySoc.links().forEach(l -> links.put(l.from() + "\t" + l.to(), l));
        }
        Crosswalk byIsco = byLayout.get(CrosswalkLayout.BLS_ISCO08_SOC2010);
        if (byIsco != null) {
            byIsco.links().forEach(l -> links.putIfAbsent(l.to() + "\t" + l.from(), new CrosswalkLink(l.to(), l.from(),
                    false)));
        }
        return new ArrayList<>(links.values());
    }

    private static Chain isco(List<CrosswalkLink> links, Map<CrosswalkLayout, Crosswalk> byLayout, Chain soc2010,
            Map<String, Double> soc2010Employment, EscoClassification esco, Set<String> scored) {
        WeightedMapping up = soc2010.up().then(WeightedMapping.of(links, code -> null));
        WeightedMapping down = WeightedMapping.reversed(links, soc2010Employment::get).then(soc2010.down());
        Map<String, String> titles = new TreeMap<>(IscoMajorGroups.TITLES);
        List<String> sources = new ArrayList<>();
        for (CrosswalkLayout layout : List.of(CrosswalkLayout.BLS_ISCO08_SOC2010, CrosswalkLayout.BLS_SOC2010_ISCO08)) {
            Crosswalk crosswalk = byLayout.get(layout);
            if (crosswalk != null) {
                (layout.from() == Classification.ISCO_08 ? crosswalk.fromTitles() : crosswalk.toTitles()).forEach(titles::put);
                sources.add(layout.title());
            }
        }
        sources.addAll(soc2010.sources());
        Set<String> linked = new TreeSet<>();
        links.forEach(l -> linked.add(l.to()));
        Set<String> codes = new TreeSet<>(linked);
        List<String> losses = new ArrayList<>();
        if (esco != null) {
            for (EscoClassification.Group group : esco.groups()) {
                titles.put(group.code(), group.label());
                if (group.code().length() == 4) {
                    codes.add(group.code());
                }
            }
            Set<String> unlinked = new TreeSet<>(codes);
            unlinked.removeAll(linked);
            if (!unlinked.isEmpty()) {
                losses.add(count(unlinked.size()) + " ISCO-08 unit groups of " + esco.version() + " have no SOC 2010"
                        + " partner in the crosswalk" + examples(unlinked));
            }
        }
        Set<String> socCodes = new TreeSet<>();
        links.forEach(l -> socCodes.add(l.from()));
        socCodes.removeAll(soc2010.down().codes());
        if (!socCodes.isEmpty()) {
            losses.add(count(socCodes.size()) + " SOC 2010 codes of the ISCO-08 crosswalk reach no O*NET-SOC occupation"
                    + examples(socCodes));
        }
        unscoredNote(down, codes, scored, losses);
        return new Chain(Classification.ISCO_08, up, down, titles, codes, Map.of(), Map.of(), sources, losses);
    }

    private static Chain esco(Crosswalk crosswalk, EscoClassification esco, Function<String, Double> employment,
            Map<String, OccupationFigures> occupations, Set<String> scored) {
        Map<String, List<String>> own = new TreeMap<>();
        Map<String, List<String>> byGroup = new TreeMap<>();
        for (CrosswalkLink link : crosswalk.links()) {
            (Classification.ESCO.isCode(link.from()) ? own : byGroup).computeIfAbsent(link.from(), c -> new ArrayList<>())
                    .add(link.to());
        }
        Map<String, String> titles = new TreeMap<>();
        Map<String, String> parents = new TreeMap<>();
        Map<String, String> uris = new TreeMap<>();
        List<CrosswalkLink> links = new ArrayList<>();
        List<String> losses = new ArrayList<>();
        Set<String> codes;
        if (esco != null) {
            codes = new TreeSet<>();
            Set<String> viaGroup = new TreeSet<>();
            Set<String> without = new TreeSet<>();
            for (EscoClassification.Occupation occupation : esco.occupations()) {
                codes.add(occupation.code());
                titles.put(occupation.code(), occupation.label());
                parents.put(occupation.code(), occupation.iscoGroup());
                uris.put(occupation.code(), occupation.uri());
                List<String> partners = own.get(occupation.code());
                if (partners == null) {
                    partners = byGroup.get(occupation.iscoGroup());
                    (partners == null ? without : viaGroup).add(occupation.code());
                }
                if (partners != null) {
                    partners.forEach(o -> links.add(new CrosswalkLink(occupation.code(), o, false)));
                }
            }
            esco.groups().forEach(g -> titles.putIfAbsent(g.code(), g.label()));
            Set<String> retired = new TreeSet<>(own.keySet());
            retired.removeAll(codes);
            if (!retired.isEmpty()) {
                losses.add(count(retired.size()) + " ESCO codes of " + crosswalk.file() + " (built on ESCO v1.1.0) are not"
                        + " in " + esco.version() + ": their rows are left out" + examples(retired));
            }
            if (!viaGroup.isEmpty()) {
                losses.add(count(viaGroup.size()) + " " + esco.version() + " occupations without rows of their own take"
                        + " their ISCO-08 unit group's rows" + examples(viaGroup));
            }
            if (!without.isEmpty()) {
                losses.add(count(without.size()) + " " + esco.version() + " occupations have no rows, nor has their unit"
                        + " group: no partner" + examples(without));
            }
        } else {
            codes = new TreeSet<>(own.keySet());
            own.forEach((code, partners) -> {
                partners.forEach(o -> links.add(new CrosswalkLink(code, o, false)));
                parents.put(code, code.substring(0, 4));
            });
            crosswalk.fromTitles().forEach(titles::putIfAbsent);
            losses.add(count(byGroup.size()) + " ISCO-08 groups of " + crosswalk.file() + " stand for ESCO occupations"
                    + " without rows of their own; import ESCO (--esco DIR) to use them");
        }
        IscoMajorGroups.TITLES.forEach(titles::putIfAbsent);
        Set<String> absent = new TreeSet<>();
        links.forEach(l -> {
            if (!occupations.containsKey(l.to())) {
                absent.add(l.to());
            }
        });
        if (!absent.isEmpty()) {
            losses.add(count(absent.size()) + " O*NET-SOC codes of " + crosswalk.file() + " are not in the taxonomy"
                    + examples(absent));
        }
        WeightedMapping up = WeightedMapping.reversed(links, code -> null);
        WeightedMapping down = WeightedMapping.of(links, employment);
        unscoredNote(down, codes, scored, losses);
        List<String> sources = new ArrayList<>(List.of(crosswalk.layout().title()));
        if (esco != null) {
            sources.add(esco.version());
        }
        return new Chain(Classification.ESCO, up, down, titles, codes, parents, uris, sources, losses);
    }

    /** How many codes reach no scored occupation at all, once the taxonomy is classified. */
    private static void unscoredNote(WeightedMapping down, Collection<String> codes, Set<String> scored,
            List<String> losses) {
        if (scored.isEmpty()) {
            return;
        }
        int none = 0;
        for (String code : codes) {
            if (coverage(down, code, scored) == 0) {
                none++;
            }
        }
        losses.add(String.format(Locale.ROOT, "%,d of %,d codes reach no scored O*NET-SOC occupation", none, codes.size()));
    }

    /**
     * The share of a code's weight that reaches scored occupations.
     *
     * @param down the chain down
     * @param code the code
     * @param scored the scored occupations
     * @return between 0 and 1
     */
    public static double coverage(WeightedMapping down, String code, Set<String> scored) {
        double covered = 0;
        for (Map.Entry<String, Double> partner : down.partners(code).entrySet()) {
            if (scored.contains(partner.getKey())) {
                covered += partner.getValue();
            }
        }
        return covered;
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String examples(Set<String> codes) {
        List<String> first = new ArrayList<>(new LinkedHashSet<>(codes)).subList(0, Math.min(5, codes.size()));
        return " (" + String.join(", ", first) + (codes.size() > 5 ? ", ..." : "") + ")";
    }
}
