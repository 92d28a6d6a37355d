package dev.moravec.taxonomy.sources.crosswalk;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Links from the codes of one classification to those of another, each code's weight shared among its
 * partners so that it sums to one: in proportion to the partners' employment where every partner's is
 * known, else equally. Chaining two mappings ({@link #then}) composes the weights along every path; a
 * partner with no onward partner loses its share, which {@link #lost} reports, so nothing is counted twice
 * and nothing disappears unsaid. Immutable.
 */
public final class WeightedMapping {

    private final Map<String, Map<String, Double>> weights;
    private final Map<String, Double> lost;

    private WeightedMapping(Map<String, Map<String, Double>> weights, Map<String, Double> lost) {
        this.weights = weights;
        this.lost = lost;
    }

    /**
     * Weights links from their first code to their second.
     *
     * @param links the links, each read as {@code from -> to}
     * @param employment the employment of a second code, or {@code null} when unknown
     * @return the mapping
     */
    public static WeightedMapping of(Collection<CrosswalkLink> links, Function<String, Double> employment) {
        Map<String, Set<String>> partners = new TreeMap<>();
        for (CrosswalkLink link : links) {
            partners.computeIfAbsent(link.from(), c -> new java.util.TreeSet<>()).add(link.to());
        }
        Map<String, Map<String, Double>> weights = new TreeMap<>();
        partners.forEach((from, to) -> weights.put(from, split(to, employment)));
        return new WeightedMapping(weights, Map.of());
    }

    /**
     * The links read the other way, weighted again: from each second code to the first codes linked to it.
     *
     * @param links the links, each read as {@code to -> from}
     * @param employment the employment of a first code, or {@code null} when unknown
     * @return the mapping
     */
    public static WeightedMapping reversed(Collection<CrosswalkLink> links, Function<String, Double> employment) {
        return of(links.stream().map(l -> new CrosswalkLink(l.to(), l.from(), l.partial())).toList(), employment);
    }

    /**
     * The mapping that sends each code to itself transformed, with weight one (a one-to-one or many-to-one
     * step such as O*NET-SOC to SOC, or a group to its parent).
     *
     * @param codes the codes
     * @param to what each becomes; {@code null} means it has no partner
     * @return the mapping
     */
    public static WeightedMapping function(Collection<String> codes, Function<String, String> to) {
        Map<String, Map<String, Double>> weights = new TreeMap<>();
        for (String code : codes) {
            String target = to.apply(code);
            if (target != null) {
                weights.put(code, Map.of(target, 1.0));
            }
        }
        return new WeightedMapping(weights, Map.of());
    }

    private static Map<String, Double> split(Set<String> partners, Function<String, Double> employment) {
        double total = 0;
        boolean known = true;
        for (String partner : partners) {
            Double e = employment.apply(partner);
            if (e == null || !(e > 0)) {
                known = false;
                break;
            }
            total += e;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String partner : partners) {
            shares.put(partner, known ? employment.apply(partner) / total : 1.0 / partners.size());
        }
        return Collections.unmodifiableMap(shares);
    }

    /**
     * Chains this mapping with the next: a code's weight reaches each final code along every path, the
     * product of the weights on it. The share of an intermediate code the next mapping does not know is lost.
     *
     * @param next the mapping from this one's second classification onwards
     * @return the composed mapping
     */
    public WeightedMapping then(WeightedMapping next) {
        Map<String, Map<String, Double>> composed = new TreeMap<>();
        Map<String, Double> lostNow = new TreeMap<>(lost);
        weights.forEach((from, partners) -> {
            Map<String, Double> reached = new TreeMap<>();
            double dropped = 0;
            for (Map.Entry<String, Double> step : partners.entrySet()) {
                Map<String, Double> onward = next.weights.get(step.getKey());
                if (onward == null) {
                    dropped += step.getValue();
                    continue;
                }
                onward.forEach((to, w) -> reached.merge(to, step.getValue() * w, Double::sum));
                dropped += step.getValue() * next.lost.getOrDefault(step.getKey(), 0.0);
            }
            if (!reached.isEmpty()) {
                composed.put(from, Collections.unmodifiableMap(reached));
            }
            if (dropped > 0) {
                lostNow.merge(from, dropped, Double::sum);
            }
        });
        return new WeightedMapping(composed, lostNow);
    }

    /**
     * A code's partners.
     *
     * @param code a code of the first classification
     * @return each partner with its weight; empty when it has none
     */
    public Map<String, Double> partners(String code) {
        return weights.getOrDefault(code, Map.of());
    }

    /**
     * The share of a code's weight that reached no partner along a chain.
     *
     * @param code a code of the first classification
     * @return between 0 and 1; 1 for a code whose every path was lost
     */
    public double lost(String code) {
        return lost.getOrDefault(code, 0.0);
    }

    /** @return the codes with at least one partner, in order */
    public Set<String> codes() {
        return Collections.unmodifiableSet(weights.keySet());
    }

    /** @return the codes some weight of which was lost, in order */
    public Set<String> codesWithLosses() {
        return Collections.unmodifiableSet(lost.keySet());
    }

    /**
     * The links as they stand after weighting, for reports and tests.
     *
     * @return each code's partners, in code order
     */
    public Map<String, Map<String, Double>> asMap() {
        return Collections.unmodifiableMap(weights);
    }
}
