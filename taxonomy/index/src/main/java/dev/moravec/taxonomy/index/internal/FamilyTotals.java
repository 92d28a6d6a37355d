package dev.moravec.taxonomy.index.internal;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.TaskWeighting;
import dev.moravec.taxonomy.index.WeightBasis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One family's figures summed over its occupations (DESIGN section 2): the means of their scores and
 * shares, weighted by employment where an employment file was imported (else equally), or by wage bill
 * (employment times mean annual wage) when asked and wages were imported; their task counts; the lagging
 * work behind each bottleneck factor; and the wage bill in each quadrant and behind each factor. An
 * occupation may count for only a share of itself, as a crosswalk splits it among the groups of another
 * classification; every figure it adds is multiplied by that share.
 */
public final class FamilyTotals {

    private static final int QUADRANTS = Quadrant.values().length;
    private static final int FACTORS = BottleneckFactor.values().length;
    // S, T, V, weight, the quadrants' shares, the factors' mean strengths, the lagging shares by factor
    private static final int SIZE = 4 + QUADRANTS + 2 * FACTORS;

    private final String code;
    private final WeightBasis basis;
    private final Set<String> occupationCodes = new HashSet<>();
    private final Set<String> scoredCodes = new HashSet<>();
    private final Set<String> employmentCodes = new HashSet<>();
    private final Set<String> wageCodes = new HashSet<>();
    private int scored;
    private int withEmployment;
    private int withWages;
    private long tasks;
    private double employment;
    private final double[] equal = new double[SIZE];
    private final double[] byEmployment = new double[SIZE];
    private final double[] byWages = new double[SIZE];
    private final List<String> members = new ArrayList<>();
    // each member's weight under each basis: equal (its share), employment, wage bill
    private final List<double[]> memberWeights = new ArrayList<>();

    /**
     * Totals weighted by employment.
     *
     * @param code the family's code
     */
    public FamilyTotals(String code) {
        this(code, WeightBasis.EMPLOYMENT);
    }

    /**
     * @param code the family's code
     * @param basis what its occupations are weighted by
     */
    public FamilyTotals(String code, WeightBasis basis) {
        this.code = code;
        this.basis = basis;
    }

    /**
     * Adds one occupation whole.
     *
     * @param figures its figures
     */
    public void add(OccupationFigures figures) {
        add(figures, 1.0);
    }

    /**
     * Adds a share of one occupation.
     *
     * @param figures its figures
     * @param share the share of it that belongs to the family, above 0 and at most 1
     */
    public void add(OccupationFigures figures, double share) {
        if (occupationCodes.add(figures.code())) {
            tasks += figures.tasks();
        }
        OccupationScore score = figures.score();
        if (score == null || score.score().isEmpty()) {
            return;
        }
        scored++;
        scoredCodes.add(figures.code());
        accumulate(equal, share, score);
        double[] weights = {share, 0, 0};
        members.add(figures.code());
        memberWeights.add(weights);
        Double e = figures.employment();
        if (e != null && e > 0) {
            weights[1] = share * e;
            withEmployment++;
            employmentCodes.add(figures.code());
            employment += share * e;
            accumulate(byEmployment, share * e, score);
            Double wage = figures.annualWage();
            if (wage != null && wage > 0) {
                withWages++;
                wageCodes.add(figures.code());
                weights[2] = share * e * wage;
                accumulate(byWages, weights[2], score);
            }
        }
    }

    private static void accumulate(double[] sums, double w, OccupationScore score) {
        sums[0] += w * score.score().getAsDouble();
        sums[1] += w * score.transferability().getAsDouble();
        sums[2] += w * score.verificationCost().getAsDouble();
        sums[3] += w;
        for (Quadrant q : Quadrant.values()) {
            sums[4 + q.ordinal()] += w * score.shares().getOrDefault(q, 0.0);
        }
        for (BottleneckFactor f : BottleneckFactor.values()) {
            sums[4 + QUADRANTS + f.ordinal()] += w * score.factors().getOrDefault(f, 0.0);
            sums[4 + QUADRANTS + FACTORS + f.ordinal()] += w * score.laggingBy().getOrDefault(f, 0.0);
        }
    }

    private double[] sums() {
        if (basis == WeightBasis.WAGES && byWages[3] > 0) {
            return byWages;
        }
        return byEmployment[3] > 0 ? byEmployment : equal;
    }

    /** @return what the family's occupations were weighted by: {@code wages}, {@code employment} or {@code equal} */
    public String weightedBy() {
        double[] sums = sums();
        return sums == byWages ? "wages" : sums == byEmployment ? "employment" : "equal";
    }

    /** @return the family's code */
    public String code() {
        return code;
    }

    /** @return the number of its occupations, each counted once however small its share */
    public int occupations() {
        return occupationCodes.size();
    }

    /** @return the codes of its scored occupations, in the order they were added */
    public List<String> members() {
        return Collections.unmodifiableList(members);
    }

    /**
     * @return the weight of each of its scored occupations in the family's score (as {@link #members()}): its
     *     share times its wage bill, its employment or 1, as {@link #weightedBy()} says; 0 for an occupation
     *     without the figure
     */
    public List<Double> memberWeights() {
        int basis = switch (weightedBy()) {
            case "wages" -> 2;
            case "employment" -> 1;
            default -> 0;
        };
        return memberWeights.stream().map(w -> w[basis]).toList();
    }

    /** @return the number of its occupations with a score */
    public int scored() {
        return scored;
    }

    /** @return the number of its scored occupations with employment and a wage */
    public int withWages() {
        return withWages;
    }

    /**
     * The codes of its scored occupations, to count occupations once over several families.
     *
     * @param which {@code scored}, {@code employment} (scored, with employment) or {@code wages} (with wages too)
     * @return the codes
     */
    public Set<String> codes(String which) {
        return java.util.Collections.unmodifiableSet(switch (which) {
            case "employment" -> employmentCodes;
            case "wages" -> wageCodes;
            default -> scoredCodes;
        });
    }

    /** @return the number of its occupations' tasks, each occupation counted once */
    public long tasks() {
        return tasks;
    }

    /** @return its scored occupations' employment (their shares of it), or {@code null} when none has a figure */
    public Double employment() {
        return withEmployment > 0 ? employment : null;
    }

    /** @return its scored occupations' wage bill (their shares of it), or {@code null} when none has wages */
    public Double wageBill() {
        return withWages > 0 ? byWages[3] : null;
    }

    /** @return the wage bill of its work in each quadrant, empty without wages */
    public Map<Quadrant, Double> wageBillByQuadrant() {
        Map<Quadrant, Double> bill = new EnumMap<>(Quadrant.class);
        if (withWages > 0) {
            for (Quadrant q : Quadrant.values()) {
                bill.put(q, byWages[4 + q.ordinal()]);
            }
        }
        return bill;
    }

    /** @return the wage bill of its lagging work behind each factor (the factor dominant), empty without wages */
    public Map<BottleneckFactor, Double> wageBillLaggingBy() {
        Map<BottleneckFactor, Double> bill = new EnumMap<>(BottleneckFactor.class);
        if (withWages > 0) {
            for (BottleneckFactor f : BottleneckFactor.values()) {
                double value = byWages[4 + QUADRANTS + FACTORS + f.ordinal()];
                if (value > 0) {
                    bill.put(f, value);
                }
            }
        }
        return bill;
    }

    /** @return the mean S, T and V of its occupations, as a score of its own would be */
    public OccupationScore score() {
        double[] sums = sums();
        double w = sums[3];
        Map<Quadrant, Double> shares = new EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            shares.put(q, sums[4 + q.ordinal()] / w);
        }
        Map<BottleneckFactor, Double> factors = new EnumMap<>(BottleneckFactor.class);
        Map<BottleneckFactor, Double> laggingBy = new EnumMap<>(BottleneckFactor.class);
        for (BottleneckFactor f : BottleneckFactor.values()) {
            double strength = sums[4 + QUADRANTS + f.ordinal()] / w;
            double lagging = sums[4 + QUADRANTS + FACTORS + f.ordinal()] / w;
            if (strength > 0) {
                factors.put(f, strength);
            }
            if (lagging > 0) {
                laggingBy.put(f, lagging);
            }
        }
        return new OccupationScore((int) tasks, scored, OptionalDouble.of(sums[1] / w), OptionalDouble.of(sums[2] / w),
                OptionalDouble.of(sums[0] / w), shares, TaskWeighting.TASK_TYPE, factors, laggingBy);
    }

    /** @return what holds the family back most, as {@link OccupationScore#dominantBottleneck()} says */
    public Optional<BottleneckFactor> dominantBottleneck() {
        return score().dominantBottleneck();
    }
}
