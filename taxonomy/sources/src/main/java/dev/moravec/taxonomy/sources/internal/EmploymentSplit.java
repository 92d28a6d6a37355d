package dev.moravec.taxonomy.sources.internal;

import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits employment, which BLS counts by SOC code, over the O*NET-SOC occupations below each code: a
 * detailed code's employment is shared equally by its occupations; a detailed code without figures
 * borrows its broad group's, less what the broad group's other detailed codes took, shared equally by
 * the occupations that have none.
 */
public final class EmploymentSplit {

    private EmploymentSplit() {}

    /**
     * Gives each occupation its share.
     *
     * @param employment employment by SOC code (detailed and broad)
     * @param occupations the occupations, whose employment is set where a share is found
     * @param hierarchy the SOC hierarchy, for the detailed and broad code of each occupation
     * @return how many occupations got a share
     */
    public static int assign(Map<String, Double> employment, Occupations occupations, SocHierarchy hierarchy) {
        Map<String, OccupationBuilder> byCode = new HashMap<>();
        for (OccupationBuilder occupation : occupations.all()) {
            byCode.put(occupation.code, occupation);
        }
        Map<String, Double> shares = shares(employment, byCode.keySet(), hierarchy);
        shares.forEach((code, share) -> byCode.get(code).employment = share);
        return shares.size();
    }

    /**
     * Each occupation's share of the employment of its SOC codes.
     *
     * @param employment employment by SOC code (detailed and broad)
     * @param occupationCodes the O*NET-SOC codes of the occupations that share it
     * @param hierarchy the SOC hierarchy, for the detailed and broad code of each occupation
     * @return the share of each occupation that has one
     */
    public static Map<String, Double> shares(Map<String, Double> employment, Collection<String> occupationCodes,
            SocHierarchy hierarchy) {
        Map<String, Double> shares = new HashMap<>();
        if (employment.isEmpty()) {
            return shares;
        }
        Map<String, List<String>> byDetailed = new TreeMap<>();
        for (String code : occupationCodes) {
            byDetailed.computeIfAbsent(hierarchy.groupOf(code, SocLevel.DETAILED), c -> new ArrayList<>()).add(code);
        }
        Map<String, List<String>> orphansByBroad = new TreeMap<>();
        Map<String, Double> broadCovered = new HashMap<>();
        for (Map.Entry<String, List<String>> e : byDetailed.entrySet()) {
            Double total = employment.get(e.getKey());
            String broad = hierarchy.groupOf(e.getKey(), SocLevel.BROAD);
            if (total != null) {
                share(total, e.getValue(), shares);
                broadCovered.merge(broad, total, Double::sum);
            } else {
                orphansByBroad.computeIfAbsent(broad, b -> new ArrayList<>()).addAll(e.getValue());
            }
        }
        for (Map.Entry<String, List<String>> e : orphansByBroad.entrySet()) {
            Double broadTotal = employment.get(e.getKey());
            if (broadTotal == null) {
                continue;
            }
            double remaining = broadTotal - broadCovered.getOrDefault(e.getKey(), 0.0);
            if (remaining > 0) {
                share(remaining, e.getValue(), shares);
            }
        }
        return shares;
    }

    // shares a total equally
    private static void share(double total, List<String> occupations, Map<String, Double> shares) {
        for (String occupation : occupations) {
            shares.put(occupation, total / occupations.size());
        }
    }

    /**
     * Gives each occupation the mean annual wage of its detailed SOC code, else of its broad group (the
     * occupations of a code share its wage, as they share its employment).
     *
     * @param wages mean annual wage by SOC code (detailed and broad)
     * @param occupations the occupations, whose wage is set where one is found
     * @param hierarchy the SOC hierarchy
     * @return how many occupations got a wage
     */
    public static int assignWages(Map<String, Double> wages, Occupations occupations, SocHierarchy hierarchy) {
        int assigned = 0;
        for (OccupationBuilder occupation : occupations.all()) {
            Double wage = wages.get(hierarchy.groupOf(occupation.code, SocLevel.DETAILED));
            if (wage == null) {
                wage = wages.get(hierarchy.groupOf(occupation.code, SocLevel.BROAD));
            }
            if (wage != null) {
                occupation.annualWage = wage;
                assigned++;
            }
        }
        return assigned;
    }
}
