package dev.moravec.taxonomy.index.internal;

import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.RankRange;
import dev.moravec.taxonomy.index.ScoreInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The bootstrap behind every 90% interval (the method docs/intervals.md documents), on the per-task
 * table read from the index's doc values ({@link TaskTable}).
 *
 * <p>An occupation's resample draws as many of its rated tasks as it has, with replacement, and one
 * resample of its scorers for all of them: {@code K - 1} draws with replacement from the {@code K}
 * scorers, which makes the resampled variance of a mean over scorers unbiased (as dividing by
 * {@code n - 1} does), what matters with as few as three scorers. Each drawn task's T and V are
 * combined again from the drawn scorers' ratings with their shares of the verdict (the task's own T or
 * V where none of them rated it, or where an analyst override sets it), moved by the scenario if
 * there is one, and its S is {@code T (1 - V)}; the occupation's S is the mean of the drawn tasks'
 * weighted by their weights. A family's resample draws as many of its scored occupations as it has,
 * with replacement, each with its value in the same resample, and weighs them as rankings do (by
 * employment where any drawn one has a figure, else equally). A task's resample is its scorers'
 * resample alone. An axis an analyst override sets is not resampled (neither axis, for a quadrant).
 *
 * <p>Every draw comes from a generator seeded by the seed and the occupation's, family's or task's code,
 * so the result depends on nothing else: not on the order of the index, the threads, or which
 * families are asked for.
 */
public final class IntervalEstimator {

    private final IntervalSettings settings;
    private final int scorers;
    private final Map<String, Sample> samples = new HashMap<>();
    private final Map<String, double[]> occupations = new HashMap<>();

    /** One occupation's rated tasks, ready to resample. */
    private static final class Sample {
        final String code;
        final List<TaskTable.Row> rows = new ArrayList<>();
        final List<Relief.Closing> closings = new ArrayList<>();

        Sample(String code) {
            this.code = code;
        }
    }

    private IntervalEstimator(IntervalSettings settings, int scorers) {
        this.settings = settings;
        this.scorers = scorers;
    }

    /**
     * Resamples every occupation of a table.
     *
     * @param table the tasks, with the analyst overrides that apply
     * @param settings the resamples and the seed
     * @param relief a scenario that moves every task, or {@code null}
     * @return the estimator, holding each occupation's resampled scores
     */
    public static IntervalEstimator of(TaskTable table, IntervalSettings settings, Relief relief) {
        IntervalEstimator estimator = new IntervalEstimator(settings, table.scorers().size());
        for (TaskTable.Row row : table.rows()) {
            if (!row.scores().isRated()) {
                continue;
            }
            Sample sample = estimator.samples.computeIfAbsent(row.occupation(), Sample::new);
            sample.rows.add(row);
            sample.closings.add(relief == null ? Relief.Closing.NONE : relief.closing(row.bottlenecks(), row.verification()));
        }
        List<Sample> all = new ArrayList<>(estimator.samples.values());
        List<double[]> replicates = all.parallelStream().map(estimator::resample).toList();
        for (int i = 0; i < all.size(); i++) {
            estimator.occupations.put(all.get(i).code, replicates.get(i));
        }
        return estimator;
    }

    /**
     * An estimator of tasks alone ({@link #tasks}), which resamples no occupation.
     *
     * @param scorers the ids of the scorers whose ratings the tasks hold ({@link TaskTable#scorers()})
     * @param settings the resamples and the seed
     * @return the estimator
     */
    public static IntervalEstimator forTasks(List<String> scorers, IntervalSettings settings) {
        return new IntervalEstimator(settings, scorers.size());
    }

    /**
     * An occupation's resampled scores.
     *
     * @param code its code
     * @return one score per resample, or {@code null} when it has no rated task
     */
    public double[] occupation(String code) {
        return occupations.get(code);
    }

    /**
     * A family's resampled scores: its members drawn with replacement, their scores averaged by their weights
     * (equally in a resample whose members all weigh nothing).
     *
     * @param code the family's code
     * @param members its scored occupations' codes
     * @param employment each member's weight in the family (its employment, its wage bill or its crosswalk
     *     share, as the family's score weighs it), or {@code null} or 0 where it has none (same order)
     * @return one score per resample, or {@code null} when none of its members has a rated task
     */
    public double[] family(String code, List<String> members, List<Double> employment) {
        List<double[]> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            double[] replicates = occupations.get(members.get(i));
            if (replicates != null) {
                values.add(replicates);
                Double e = employment.get(i);
                weights.add(e != null && e > 0 ? e : 0.0);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        int m = values.size();
        double[] family = new double[settings.resamples()];
        SplittableRandom random = random(settings.seed(), "family " + code);
        for (int b = 0; b < family.length; b++) {
            double byEmployment = 0;
            double employed = 0;
            double equally = 0;
            for (int j = 0; j < m; j++) {
                int drawn = random.nextInt(m);
                double value = values.get(drawn)[b];
                double w = weights.get(drawn);
                byEmployment += w * value;
                employed += w;
                equally += value;
            }
            family[b] = employed > 0 ? byEmployment / employed : equally / m;
        }
        return family;
    }

    /**
     * Tasks' intervals and rank ranges: each task's scorers resampled, as for its occupation, and the
     * shown tasks ranked in each resample among all of them (a tie sharing the better rank).
     *
     * @param all every rated task the ranking ranks
     * @param shown the tasks shown, in ranking order (the task at {@code i} has rank {@code i + 1}), each of {@code all}
     * @param relief a scenario that moves the tasks, or {@code null}
     * @param ascending whether the lowest score ranks first (lagging) or the highest (leading)
     * @return the shown tasks' intervals and rank ranges, in their order
     */
    public Estimates tasks(List<TaskTable.Row> all, List<TaskTable.Row> shown, Relief relief, boolean ascending) {
        int n = all.size();
        Relief.Closing[] closings = new Relief.Closing[n];
        long[] keys = new long[n];
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < n; i++) {
            TaskTable.Row row = all.get(i);
            closings[i] = relief == null ? Relief.Closing.NONE : relief.closing(row.bottlenecks(), row.verification());
            keys[i] = key(settings.seed(), "task " + row.occupation() + " " + row.taskId());
            position.put(row.doc(), i);
        }
        int[] at = shown.stream().mapToInt(row -> position.get(row.doc())).toArray();
        int resamples = settings.resamples();
        double[][] values = new double[at.length][resamples];
        int[][] ranks = new int[at.length][resamples];
        IntStream.range(0, resamples).parallel().forEach(b -> {
            int[] counts = new int[scorers];
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = score(all.get(i), closings[i], drawScorers(new SplittableRandom(keys[i] + b), counts));
            }
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            for (int j = 0; j < at.length; j++) {
                double value = scores[at[j]];
                values[j][b] = value;
                ranks[j][b] = 1 + (ascending ? lowerBound(sorted, value) : n - upperBound(sorted, value));
            }
        });
        List<ScoreInterval> intervals = new ArrayList<>(at.length);
        List<RankRange> ranges = new ArrayList<>(at.length);
        for (int j = 0; j < at.length; j++) {
            intervals.add(interval(values[j], shown.get(j).scores().score().getAsDouble()));
            ranges.add(range(ranks[j], j + 1));
        }
        return new Estimates(intervals, ranges);
    }

    /**
     * Shown rows' intervals and rank ranges.
     *
     * @param intervals each row's score interval
     * @param ranges each row's rank range
     */
    public record Estimates(List<ScoreInterval> intervals, List<RankRange> ranges) {}

    // the number of values below the given one
    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    // the number of values at or below the given one
    private static int upperBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private double[] resample(Sample sample) {
        int n = sample.rows.size();
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = sample.rows.get(i).weight();
        }
        SplittableRandom random = random(settings.seed(), "occupation " + sample.code);
        double[] replicates = new double[settings.resamples()];
        int[] counts = new int[scorers];
        for (int b = 0; b < replicates.length; b++) {
            int[] drawn = drawScorers(random, counts);
            double weighted = 0;
            double total = 0;
            for (int j = 0; j < n; j++) {
                int i = random.nextInt(n);
                weighted += weights[i] * score(sample.rows.get(i), sample.closings.get(i), drawn);
                total += weights[i];
            }
            replicates[b] = weighted / total;
        }
        return replicates;
    }

    // K - 1 draws from the K scorers; null (every scorer once) when there are fewer than two
    private int[] drawScorers(SplittableRandom random, int[] counts) {
        if (scorers < 2) {
            return null;
        }
        Arrays.fill(counts, 0);
        for (int d = 0; d < scorers - 1; d++) {
            counts[random.nextInt(scorers)]++;
        }
        return counts;
    }

    private static double score(TaskTable.Row row, Relief.Closing closing, int[] counts) {
        boolean fixedT = row.override() != null && row.override().transferability().isPresent();
        boolean fixedV = row.override() != null && row.override().verificationCost().isPresent();
        double t = row.scores().transferability().getAsDouble();
        double v = row.scores().verificationCost().getAsDouble();
        if (counts != null && (row.override() == null || row.override().quadrant() == null)) {
            TaskTable.ScorerRatings ratings = row.ratings();
            t = fixedT ? t : combined(ratings.t(), ratings.tShare(), counts, t);
            v = fixedV ? v : combined(ratings.v(), ratings.vShare(), counts, v);
        }
        return closing.transferability(t) * (1 - closing.verificationCost(v));
    }

    // the drawn scorers' mean, weighted by their shares; the task's own value where none of them counted
    private static double combined(double[] values, double[] shares, int[] counts, double own) {
        double weighted = 0;
        double total = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && shares[k] > 0) {
                weighted += counts[k] * shares[k] * values[k];
                total += counts[k] * shares[k];
            }
        }
        return total > 0 ? Math.max(0, Math.min(1, weighted / total)) : own;
    }

    private static SplittableRandom random(long seed, String key) {
        return new SplittableRandom(key(seed, key));
    }

    // the seed and a code, mixed (FNV-1a over the code's characters, from the seed)
    private static long key(long seed, String key) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    /**
     * The 90% percentile interval of resampled scores, widened to hold the score itself.
     *
     * @param replicates the resampled scores
     * @param point the score
     * @return the interval
     */
    public static ScoreInterval interval(double[] replicates, double point) {
        double[] sorted = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return new ScoreInterval(point, point);
        }
        double tail = (1 - IntervalSettings.LEVEL) / 2;
        return new ScoreInterval(Math.min(point, percentile(sorted, tail)), Math.max(point, percentile(sorted, 1 - tail)));
    }

    /**
     * The 90% ranges of ranked rows' ranks: in each resample the rows are ranked again by their resampled
     * scores (ties in the rows' order), and each row's range runs between the percentiles of its ranks,
     * widened to hold its rank itself.
     *
     * @param replicates each row's resampled scores, in ranking order (row {@code i} has rank {@code i + 1})
     * @param ascending whether the lowest score ranks first (lagging) or the highest (leading)
     * @return each row's range, in the same order
     */
    public static List<RankRange> rankRanges(List<double[]> replicates, boolean ascending) {
        int rows = replicates.size();
        if (rows == 0) {
            return List.of();
        }
        int resamples = replicates.get(0).length;
        int[][] ranks = new int[rows][resamples];
        IntStream.range(0, resamples).parallel().forEach(b -> {
            Integer[] order = new Integer[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> {
                int c = Double.compare(replicates.get(x)[b], replicates.get(y)[b]);
                return c != 0 ? (ascending ? c : -c) : Integer.compare(x, y);
            });
            for (int r = 0; r < rows; r++) {
                ranks[order[r]][b] = r + 1;
            }
        });
        List<RankRange> ranges = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            ranges.add(range(ranks[i], i + 1));
        }
        return ranges;
    }

    /**
     * The 90% range of one row's ranks over the resamples, widened to hold its rank itself.
     *
     * @param ranks its rank in each resample
     * @param rank its rank
     * @return the range
     */
    public static RankRange range(int[] ranks, int rank) {
        int[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double tail = (1 - IntervalSettings.LEVEL) / 2;
        int low = sorted[(int) Math.floor(tail * (sorted.length - 1))];
        int high = sorted[(int) Math.ceil((1 - tail) * (sorted.length - 1))];
        return new RankRange(Math.min(low, rank), Math.max(high, rank));
    }

    // Hyndman and Fan's type 7, as the evaluation's intervals use
    private static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
