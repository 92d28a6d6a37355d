package dev.moravec.taxonomy.index.internal;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The groups of one level of a classification reached through a chain of crosswalks ({@link
 * CrosswalkChains.Chain}): an occupation's share of each code it maps to goes to the code's group at the
 * level; a group's coverage is the mean coverage of its codes (those without any partner count as 0).
 * Levels: SOC 2010 {@code detailed} and {@code major}; ISCO-08 {@code major} (1 digit), {@code sub-major}
 * (2), {@code minor} (3), {@code unit} (4); ESCO {@code occupation} and the ISCO-08 levels of its
 * occupations' unit groups.
 */
public final class CrosswalkGrouping implements Grouping {

    private static final List<String> ISCO_LEVELS = List.of("major", "sub-major", "minor", "unit");
    private static final SocHierarchy SOC = SocHierarchy.builtIn();

    private final CrosswalkChains.Chain chain;
    private final String level;
    private final Map<String, Double> coverage = new HashMap<>();
    private final Set<String> known = new TreeSet<>();
    private final Map<String, Map<String, Double>> groups = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param chain the chain to the classification
     * @param level a level of the classification, as {@link #level} names it
     * @param scored the codes of the scored occupations
     */
    public CrosswalkGrouping(CrosswalkChains.Chain chain, String level, Set<String> scored) {
        this.chain = chain;
        this.level = level;
        Map<String, double[]> sums = new HashMap<>();
        for (String code : chain.codes()) {
            String group = groupOf(code);
            if (group != null) {
                known.add(group);
                double[] sum = sums.computeIfAbsent(group, g -> new double[2]);
                sum[0] += CrosswalkChains.coverage(chain.down(), code, scored);
                sum[1]++;
            }
        }
        sums.forEach((group, sum) -> coverage.put(group, sum[0] / sum[1]));
    }

    /**
     * The level a name gives in a classification.
     *
     * @param classification the classification, not SOC 2018
     * @param name a level's name or ISCO-08 digit count, or {@code null} (or {@code occupation}) for the finest
     * @return the level's name: {@code detailed}, {@code major}, {@code sub-major}, {@code minor}, {@code unit} or
     *     {@code occupation}
     * @throws BadInputException if the classification has no such level
     */
    public static String level(Classification classification, String name) throws BadInputException {
        String key = name == null ? "occupation" : name.strip().toLowerCase(Locale.ROOT).replace("submajor", "sub-major");
        if (key.matches("[1-4]")) {
            key = ISCO_LEVELS.get(Integer.parseInt(key) - 1);
        }
        switch (classification) {
            case SOC_2010 -> {
                if (key.equals("occupation") || key.equals("detailed")) {
                    return "detailed";
                }
                if (key.equals("major")) {
                    return "major";
                }
                throw new BadInputException("--level for soc2010 must be detailed or major, not '" + name + "'");
            }
            case ISCO_08 -> {
                if (key.equals("occupation")) {
                    return "unit";
                }
                if (ISCO_LEVELS.contains(key)) {
                    return key;
                }
                throw new BadInputException("--level for isco08 must be 1 (major), 2 (sub-major), 3 (minor) or 4 (unit),"
                        + " not '" + name + "'");
            }
            case ESCO -> {
                if (key.equals("occupation") || ISCO_LEVELS.contains(key)) {
                    return key;
                }
                throw new BadInputException("--level for esco must be occupation or an ISCO-08 level of its"
                        + " occupations' groups: 1 (major), 2 (sub-major), 3 (minor), 4 (unit); not '" + name + "'");
            }
            default -> throw new IllegalArgumentException(classification + " has no crosswalk levels");
        }
    }

    /**
     * The level a code is at in a classification.
     *
     * @param classification the classification, not SOC 2018
     * @param code a code
     * @return its level's name
     * @throws BadInputException if the code has no form of the classification
     */
    public static String levelOf(Classification classification, String code) throws BadInputException {
        if (classification == Classification.SOC_2010 && Classification.SOC_2010.isCode(code)) {
            return code.endsWith("-0000") ? "major" : "detailed";
        }
        if ((classification == Classification.ISCO_08 || classification == Classification.ESCO) && code.matches("\\d{1,4}")) {
            return ISCO_LEVELS.get(code.length() - 1);
        }
        if (classification == Classification.ESCO && Classification.ESCO.isCode(code)) {
            return "occupation";
        }
        throw new BadInputException("'" + code + "' is not " + switch (classification) {
            case SOC_2010 -> "a SOC 2010 code (##-####)";
            case ISCO_08 -> "an ISCO-08 code (1 to 4 digits)";
            default -> "an ESCO occupation (a code such as 2511.4, or its concept URI) or an ISCO-08 group (1 to 4 digits)";
        });
    }

    /** @return the level's name */
    public String level() {
        return level;
    }

    /**
     * A code's group at this level.
     *
     * @param code a code of the chain's finest level
     * @return the group, or {@code null} when the code is coarser than the level (a 3-digit ISCO-08 group at the
     *     unit level)
     */
    public String groupOf(String code) {
        if (level.equals("occupation") || level.equals("detailed")) {
            return code;
        }
        if (level.equals("major") && chain.classification() == Classification.SOC_2010) {
            return code.substring(0, 2) + "-0000";
        }
        String isco = chain.classification() == Classification.ESCO ? chain.parents().get(code) : code;
        int digits = ISCO_LEVELS.indexOf(level) + 1;
        return isco == null || isco.length() < digits ? null : isco.substring(0, digits);
    }

    @Override
    public Map<String, Double> groups(String occupation) {
        return groups.computeIfAbsent(occupation, o -> {
            Map<String, Double> shares = new TreeMap<>();
            chain.up().partners(o).forEach((code, share) -> {
                String group = groupOf(code);
                if (group != null) {
                    shares.merge(group, share, Double::sum);
                }
            });
            return Collections.unmodifiableMap(shares);
        });
    }

    @Override
    public String title(String group) {
        String title = chain.titles().get(group);
        if (title == null && chain.classification() == Classification.SOC_2010) {
            title = SOC.title(group).orElse(null);
        }
        return title;
    }

    @Override
    public Double coverage(String group) {
        return coverage.getOrDefault(group, 0.0);
    }

    @Override
    public boolean within(String group, String family) {
        if (family == null || group.equals(family)) {
            return true;
        }
        return switch (chain.classification()) {
            case SOC_2010 -> family.endsWith("-0000") && group.startsWith(family.substring(0, 3));
            case ESCO -> level.equals("occupation")
                    ? family.matches("\\d{1,4}") && chain.parents().getOrDefault(group, "").startsWith(family)
                    : group.startsWith(family);
            default -> group.startsWith(family);
        };
    }

    @Override
    public String occupationFilter(String family) {
        return null;
    }

    @Override
    public Set<String> known() {
        return Collections.unmodifiableSet(known);
    }
}
