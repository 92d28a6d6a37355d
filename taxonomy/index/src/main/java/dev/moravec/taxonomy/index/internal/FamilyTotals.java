package dev.moravec.taxonomy.index.internal;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One family's figures summed over its occupations (DESIGN section 2): the means of their scores and
 * shares, weighted by employment where an employment file was imported (else equally), their task
 * counts, and the lagging work behind each bottleneck factor.
 */
public final class FamilyTotals {

    private static final int QUADRANTS = Quadrant.values().length;
    private static final int FACTORS = BottleneckFactor.values().length;
    // S, T, V, weight, the quadrants' shares, the factors' mean strengths, the lagging shares by factor
    private static final int SIZE = 4 + QUADRANTS + 2 * FACTORS;

    private final String code;
    private int occupations;
    private int scored;
    private int withEmployment;
    private long tasks;
    private double employment;
    private final double[] equal = new double[SIZE];
    private final double[] byEmployment = new double[SIZE];
    private final List<String> members = new ArrayList<>();
    private final List<Double> memberEmployment = new ArrayList<>();

    /**
     * @param code the family's code
     */
    public FamilyTotals(String code) {
        this.code = code;
    }

    /**
     * Adds one occupation.
     *
     * @param figures its figures
     */
    public void add(OccupationFigures figures) {
        occupations++;
        tasks += figures.tasks();
        OccupationScore score = figures.score();
        if (score == null || score.score().isEmpty()) {
            return;
        }
        scored++;
        members.add(figures.code());
        memberEmployment.add(figures.employment());
        accumulate(equal, 1.0, score);
        Double e = figures.employment();
        if (e != null && e > 0) {
            withEmployment++;
            employment += e;
            accumulate(byEmployment, e, score);
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
        return byEmployment[3] > 0 ? byEmployment : equal;
    }

    /** @return the family's code */
    public String code() {
        return code;
    }

    /** @return the number of its occupations */
    public int occupations() {
        return occupations;
    }

    /** @return the codes of its scored occupations, in the order they were added */
    public List<String> members() {
        return Collections.unmodifiableList(members);
    }

    /** @return the employment of each of its scored occupations, {@code null} where it has none (as {@link #members()}) */
    public List<Double> memberEmployment() {
        return Collections.unmodifiableList(memberEmployment);
    }

    /** @return the number of its occupations with a score */
    public int scored() {
        return scored;
    }

    /** @return the number of its scored occupations with an employment figure */
    public int withEmployment() {
        return withEmployment;
    }

    /** @return the number of its tasks */
    public long tasks() {
        return tasks;
    }

    /** @return its scored occupations' employment, or {@code null} when none has a figure */
    public Double employment() {
        return withEmployment > 0 ? employment : null;
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
        return new OccupationScore((int) tasks, scored, java.util.OptionalDouble.of(sums[1] / w),
                java.util.OptionalDouble.of(sums[2] / w), java.util.OptionalDouble.of(sums[0] / w), shares,
                dev.moravec.model.TaskWeighting.TASK_TYPE, factors, laggingBy);
    }

    /** @return what holds the family back most, as {@link OccupationScore#dominantBottleneck()} says */
    public Optional<BottleneckFactor> dominantBottleneck() {
        return score().dominantBottleneck();
    }
}
