package dev.moravec.taxonomy.index.internal;

import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.BottleneckProfile;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;

/**
 * The tasks of the taxonomy (or of one family), as the analyses that recompute occupation scores need
 * them, read from the index's doc values without loading a stored document: each task's occupation,
 * id, weight, scores (after the analyst overrides that apply, if any), the scorers' own scores,
 * each scorer's rating and share, bottleneck factors and verification mode. Immutable once read.
 */
public final class TaskTable {

    /**
     * Each scorer's T and V of one task with its share of the task's verdict, by the table's scorer
     * slots ({@link TaskTable#scorers()}); a share of 0 where the scorer did not count on that axis.
     *
     * @param t each scorer's transferability (NaN where it gave none)
     * @param tShare each scorer's weight in the task's T
     * @param v each scorer's verification cost (NaN where it gave none)
     * @param vShare each scorer's weight in the task's V
     */
    public record ScorerRatings(double[] t, double[] tShare, double[] v, double[] vShare) {

        /**
         * @param scorers the number of scorer slots
         * @return ratings of no scorer
         */
        public static ScorerRatings none(int scorers) {
            double[] nan = new double[scorers];
            Arrays.fill(nan, Double.NaN);
            return new ScorerRatings(nan, new double[scorers], nan, new double[scorers]);
        }
    }

    /**
     * One task's figures.
     *
     * @param doc its document
     * @param occupation its occupation's code
     * @param taskId its id, or {@code null} in an index written before ids were doc values
     * @param weight its weight in its occupation
     * @param scores its T, V, S and quadrant: the override's where an analyst override applies, else the scorers'
     * @param bottlenecks its bottleneck factors
     * @param verification its verification mode, or {@code null}
     * @param ratings each scorer's rating and share
     * @param override the analyst override that applies, or {@code null}
     * @param scorers its T, V, S and quadrant as the scorers gave them
     */
    public record Row(int doc, String occupation, String taskId, double weight, Scores scores,
            BottleneckProfile bottlenecks, VerificationMode verification, ScorerRatings ratings,
            AnalystOverride override, Scores scorers) {}

    private final List<String> scorers;
    private final List<Row> rows;

    /**
     * A table of given rows, as {@link #read} makes it.
     *
     * @param scorers the scorers' ids, in slot order
     * @param rows the tasks
     */
    public TaskTable(List<String> scorers, List<Row> rows) {
        this.scorers = List.copyOf(scorers);
        this.rows = List.copyOf(rows);
    }

    /** @return the ids of the scorers whose ratings the rows hold, in slot order */
    public List<String> scorers() {
        return scorers;
    }

    /** @return the tasks, in index order */
    public List<Row> rows() {
        return rows;
    }

    /** @return the tasks grouped by occupation code, in the order the occupations first appear */
    public Map<String, List<Row>> byOccupation() {
        Map<String, List<Row>> by = new LinkedHashMap<>();
        for (Row row : rows) {
            by.computeIfAbsent(row.occupation(), code -> new ArrayList<>()).add(row);
        }
        return by;
    }

    /**
     * Reads the tasks as the scorers rated them.
     *
     * @param searcher the searcher of one commit
     * @param family a SOC group or occupation code, or {@code null} for every task
     * @return the table
     * @throws IOException if the index cannot be read
     */
    public static TaskTable read(IndexSearcher searcher, String family) throws IOException {
        return read(searcher, family, OverrideTargets.NONE);
    }

    /**
     * Reads the tasks, each with the analyst override that applies to it.
     *
     * @param searcher the searcher of one commit
     * @param family a SOC group or occupation code, or {@code null} for every task
     * @param overrides the overrides, resolved on this commit
     * @return the table
     * @throws IOException if the index cannot be read
     */
    public static TaskTable read(IndexSearcher searcher, String family, OverrideTargets overrides) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, "task")), BooleanClause.Occur.FILTER);
        if (family != null) {
            query.add(new TermQuery(new Term(IndexFields.FAMILY, family)), BooleanClause.Occur.FILTER);
        }
        List<String> scorers = scorers(searcher);
        List<Row> rows = new ArrayList<>();
        searcher.search(query.build(), Segments.inOrder(() -> new Reader(rows, scorers, overrides)));
        rows.sort(java.util.Comparator.comparingInt(Row::doc));
        return new TaskTable(scorers, rows);
    }

    // the scorers whose ratings some task stores, by their doc-values fields
    private static List<String> scorers(IndexSearcher searcher) {
        TreeSet<String> ids = new TreeSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (FieldInfo field : leaf.reader().getFieldInfos()) {
                if (field.name.startsWith(IndexFields.SCORER_T)) {
                    ids.add(field.name.substring(IndexFields.SCORER_T.length()));
                } else if (field.name.startsWith(IndexFields.SCORER_V)) {
                    ids.add(field.name.substring(IndexFields.SCORER_V.length()));
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Reads one segment's tasks into the shared list; the search runs one segment at a time. */
    private static final class Reader extends SimpleCollector {
        private final List<Row> rows;
        private final List<String> scorers;
        private final OverrideTargets overrides;
        private int base;
        private SortedDocValues occupation;
        private SortedDocValues taskId;
        private SortedDocValues verification;
        private SortedDocValues quadrant;
        private NumericDocValues weight;
        private NumericDocValues t;
        private NumericDocValues v;
        private NumericDocValues s;
        private final NumericDocValues[] factors = new NumericDocValues[BottleneckFactor.values().length];
        private final NumericDocValues[][] ratings;

        Reader(List<Row> rows, List<String> scorers, OverrideTargets overrides) {
            this.rows = rows;
            this.scorers = scorers;
            this.overrides = overrides;
            this.ratings = new NumericDocValues[4][scorers.size()];
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            LeafReader reader = context.reader();
            base = context.docBase;
            occupation = reader.getSortedDocValues(IndexFields.levelField(dev.moravec.taxonomy.sources.SocLevel.OCCUPATION));
            taskId = reader.getSortedDocValues(IndexFields.TASK_ID);
            verification = reader.getSortedDocValues(IndexFields.VERIFICATION);
            quadrant = reader.getSortedDocValues(IndexFields.QUADRANT);
            s = reader.getNumericDocValues(IndexFields.S);
            weight = reader.getNumericDocValues(IndexFields.WEIGHT);
            t = reader.getNumericDocValues(IndexFields.T);
            v = reader.getNumericDocValues(IndexFields.V);
            for (BottleneckFactor factor : BottleneckFactor.values()) {
                factors[factor.ordinal()] = reader.getNumericDocValues(IndexFields.FACTOR + factor.name());
            }
            String[] prefixes = {IndexFields.SCORER_T, IndexFields.SCORER_T_SHARE, IndexFields.SCORER_V,
                IndexFields.SCORER_V_SHARE};
            for (int p = 0; p < prefixes.length; p++) {
                for (int k = 0; k < scorers.size(); k++) {
                    ratings[p][k] = reader.getNumericDocValues(prefixes[p] + scorers.get(k));
                }
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            if (occupation == null || !occupation.advanceExact(doc)) {
                return;
            }
            String code = occupation.lookupOrd(occupation.ordValue()).utf8ToString();
            String id = taskId != null && taskId.advanceExact(doc) ? taskId.lookupOrd(taskId.ordValue()).utf8ToString()
                    : null;
            Double w = value(weight, doc);
            Double tv = value(t, doc);
            Double vv = value(v, doc);
            Scores scores = quadrant != null && quadrant.advanceExact(doc)
                    ? new Scores(opt(tv), opt(vv), opt(value(s, doc)),
                            Quadrant.valueOf(quadrant.lookupOrd(quadrant.ordValue()).utf8ToString()))
                    : Scores.NONE;
            List<Bottleneck> profile = new ArrayList<>();
            for (BottleneckFactor factor : BottleneckFactor.values()) {
                Double strength = value(factors[factor.ordinal()], doc);
                if (strength != null) {
                    profile.add(new Bottleneck(factor, strength, List.of("stored")));
                }
            }
            VerificationMode mode = verification != null && verification.advanceExact(doc)
                    ? VerificationMode.valueOf(verification.lookupOrd(verification.ordValue()).utf8ToString()) : null;
            AnalystOverride override = overrides.isEmpty() || scores == Scores.NONE ? null
                    : overrides.overrides().find(code, id).orElse(null);
            Scores effective = override == null ? scores : override.apply(scores, overrides.overrides().thresholds());
            rows.add(new Row(base + doc, code, id, w == null ? 1 : w, effective,
                    profile.isEmpty() ? BottleneckProfile.NONE : new BottleneckProfile(profile), mode, ratings(doc),
                    override, scores));
        }

        private ScorerRatings ratings(int doc) throws IOException {
            int k = scorers.size();
            double[][] values = new double[4][k];
            for (int p = 0; p < 4; p++) {
                for (int i = 0; i < k; i++) {
                    Double value = value(ratings[p][i], doc);
                    values[p][i] = value != null ? value : (p % 2 == 0 ? Double.NaN : 0);
                }
            }
            return new ScorerRatings(values[0], values[1], values[2], values[3]);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static java.util.OptionalDouble opt(Double value) {
        return value == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(value);
    }

    private static Double value(NumericDocValues values, int doc) throws IOException {
        return values != null && values.advanceExact(doc) ? Double.longBitsToDouble(values.longValue()) : null;
    }
}
