package dev.moravec.taxonomy.index.internal;

import java.util.Map;
import java.util.Set;

/**
 * Where each O*NET-SOC occupation's weight goes at one level of a classification: to one SOC 2018 family,
 * or, through a chain of crosswalks, shared among several groups of another classification. Rankings,
 * bottlenecks and drill-downs total occupations through a grouping, so they work in any classification.
 */
public interface Grouping {

    /**
     * The groups an occupation belongs to.
     *
     * @param occupation its O*NET-SOC code
     * @return each group with the share of the occupation it holds; the shares sum to at most one (less where
     *     a chain loses part of it); empty when it belongs to none
     */
    Map<String, Double> groups(String occupation);

    /**
     * @param group a group's code
     * @return its title, or {@code null} when unknown
     */
    String title(String group);

    /**
     * The share of a group's crosswalk weight that reaches scored occupations.
     *
     * @param group a group's code
     * @return between 0 and 1, or {@code null} for SOC 2018 families, which need no crosswalk
     */
    Double coverage(String group);

    /**
     * Whether a group lies within a family.
     *
     * @param group a group's code
     * @param family a family's code, at this level or above
     * @return true if it does
     */
    boolean within(String group, String family);

    /**
     * The family to filter occupations by in the index before grouping, where the index's own family field
     * can: SOC 2018 families; {@code null} for other classifications, filtered with {@link #within}.
     *
     * @param family the family asked for, or {@code null}
     * @return the family to filter occupations by, or {@code null}
     */
    String occupationFilter(String family);

    /** @return every group of the level the classification knows, with partners or not; empty for SOC 2018 */
    Set<String> known();
}
