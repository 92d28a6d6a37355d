package dev.moravec.taxonomy.index;

import dev.moravec.catalog.OccupationCodes;
import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.index.internal.CrosswalkChains;
import dev.moravec.taxonomy.index.internal.OccupationFigures;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.sources.crosswalk.WeightedMapping;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps a catalog's occupation codes in ISCO-08, ESCO or SOC 2010 to the taxonomy's O*NET-SOC occupations for
 * {@code classify --occupation-classification}: down the crosswalk chain, to the partner with the largest
 * weight that the taxonomy holds (the weights are employment shares where known, else equal; ties go to the
 * lower code). A code of a coarser ISCO-08 level stands for its unit groups equally; a SOC 2010 code with an
 * O*NET-SOC suffix ({@code ##-####.##}) is read as an O*NET-SOC 2010 occupation, through that crosswalk. It
 * counts what it mapped and what it could not, with the reason. Thread-safe.
 */
public final class CatalogCodeMapping implements OccupationCodes {

    /**
     * What a run mapped.
     *
     * @param classification the classification's label
     * @param mappedRecords records whose code was mapped
     * @param mappedCodes distinct codes mapped
     * @param unmappedRecords records whose code was not mapped (rated without an occupation)
     * @param unmapped each distinct code not mapped, with the reason and its number of records, in code order
     */
    public record Report(String classification, long mappedRecords, int mappedCodes, long unmappedRecords,
            Map<String, Unmapped> unmapped) {}

    /**
     * A code not mapped.
     *
     * @param reason why
     * @param records how many records gave it
     */
    public record Unmapped(String reason, long records) {}

    private final Classification classification;
    private final CrosswalkChains.Chain chain;
    private final WeightedMapping onet2010;
    private final Set<String> occupations;
    private final Map<String, Mapped> cache = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private CatalogCodeMapping(Classification classification, CrosswalkChains.Chain chain, WeightedMapping onet2010,
            Set<String> occupations) {
        this.classification = classification;
        this.chain = chain;
        this.onet2010 = onet2010;
        this.occupations = occupations;
    }

    /**
     * The mapping of a classification's codes into an index's taxonomy.
     *
     * @param index the index
     * @param classification ISCO-08, ESCO or SOC 2010
     * @return the mapping
     * @throws BadInputException if the classification is SOC 2018, or its crosswalks were not imported
     * @throws IOException if the index cannot be read
     */
    public static CatalogCodeMapping of(TaxonomyIndex index, Classification classification)
            throws BadInputException, IOException {
        if (classification == Classification.SOC_2018) {
            throw new BadInputException("--occupation-classification soc2018 is what classify reads anyway: leave it out");
        }
        new Classifications(index).require(classification);
        return index.search(searcher -> {
            CrosswalkChains chains = Classifications.chains(index, searcher);
            Set<String> codes = new HashSet<>();
            for (OccupationFigures figures : OccupationFigures.stored(searcher, null)) {
                codes.add(figures.code());
            }
            return new CatalogCodeMapping(classification, chains.chains().get(classification), chains.onet2010(), codes);
        });
    }

    @Override
    public Mapped map(String given) {
        Mapped mapped = cache.computeIfAbsent(given, this::compute);
        counts.computeIfAbsent(given, c -> new AtomicLong()).incrementAndGet();
        return mapped;
    }

    private Mapped compute(String given) {
        String code = given.strip();
        Map<String, Double> partners;
        String via = classification.title() + " " + code;
        if (classification == Classification.SOC_2010 && Classification.ONET_SOC_2010.isCode(code)) {
            if (onet2010 == null) {
                return new Mapped(null, "unmapped: " + code + " is an O*NET-SOC 2010 code and the O*NET-SOC 2010 ->"
                        + " 2019 crosswalk was not imported");
            }
            partners = onet2010.partners(code);
            via = "O*NET-SOC 2010 " + code;
        } else if (classification == Classification.ISCO_08 && code.matches("\\d{1,3}")) {
            partners = coarser(code);
        } else {
            code = escoCode(code);
            if (!formOk(code)) {
                return new Mapped(null, "unmapped: '" + given + "' is not " + form());
            }
            partners = chain.down().partners(code);
        }
        String best = null;
        double weight = -1;
        int present = 0;
        for (Map.Entry<String, Double> partner : new TreeMap<>(partners).entrySet()) {
            if (occupations.contains(partner.getKey())) {
                present++;
                if (partner.getValue() > weight) {
                    best = partner.getKey();
                    weight = partner.getValue();
                }
            }
        }
        if (partners.isEmpty()) {
            return new Mapped(null, "unmapped: " + via + " has no partner in the crosswalks");
        }
        if (best == null) {
            return new Mapped(null, "unmapped: none of the " + partners.size() + " O*NET-SOC partners of " + via
                    + " is in the taxonomy");
        }
        return new Mapped(best, String.format(Locale.ROOT, "%s -> %s (weight %.2f, the largest of %d O*NET-SOC"
                + " partners)", via, best, weight, present));
    }

    // a coarser ISCO-08 group: its unit groups equally
    private Map<String, Double> coarser(String group) {
        Map<String, Double> partners = new TreeMap<>();
        var units = chain.codes().stream().filter(c -> c.startsWith(group) && !chain.down().partners(c).isEmpty()).toList();
        for (String unit : units) {
            chain.down().partners(unit).forEach((o, w) -> partners.merge(o, w / units.size(), Double::sum));
        }
        return partners;
    }

    private String escoCode(String code) {
        if (classification != Classification.ESCO || Classification.ESCO.isCode(code)) {
            return code;
        }
        for (Map.Entry<String, String> uri : chain.uris().entrySet()) {
            if (uri.getValue().equals(code) || uri.getValue().endsWith("/" + code)) {
                return uri.getKey();
            }
        }
        return code;
    }

    private boolean formOk(String code) {
        return classification.isCode(code);
    }

    private String form() {
        return switch (classification) {
            case ISCO_08 -> "an ISCO-08 code (1 to 4 digits)";
            case ESCO -> "an ESCO occupation (a code such as 2511.4, or its concept URI)";
            default -> "a SOC 2010 code (##-####) or an O*NET-SOC 2010 code (##-####.##)";
        };
    }

    @Override
    public Set<String> columnNames() {
        return switch (classification) {
            case ISCO_08 -> Set.of("ISCO Code", "ISCO-08 Code", "ISCO08", "ISCO");
            case ESCO -> Set.of("ESCO Code", "ESCO URI", "conceptUri", "ESCO Occupation", "ESCO");
            default -> Set.of("2010 SOC Code", "SOC 2010 Code", "SOC2010", "O*NET-SOC 2010 Code");
        };
    }

    /** @return what was mapped so far, and what was not */
    public Report report() {
        long mapped = 0;
        int mappedCodes = 0;
        long unmappedRecords = 0;
        Map<String, Unmapped> unmapped = new TreeMap<>();
        for (Map.Entry<String, AtomicLong> count : counts.entrySet()) {
            Mapped m = cache.get(count.getKey());
            if (m.code() != null) {
                mapped += count.getValue().get();
                mappedCodes++;
            } else {
                unmappedRecords += count.getValue().get();
                unmapped.put(count.getKey(), new Unmapped(m.note().replaceFirst("^unmapped: ", ""), count.getValue().get()));
            }
        }
        return new Report(classification.label(), mapped, mappedCodes, unmappedRecords, unmapped);
    }
}
