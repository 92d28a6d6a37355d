package dev.moravec.taxonomy.index.internal;

import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import dev.moravec.model.BottleneckProfile;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * weight, scores (as classified), bottleneck factors and verification mode. Immutable once read.
 */
public final class TaskTable {

    /** One task's figures. */
    public record Row(int doc, String occupation, double weight, Scores scores, BottleneckProfile bottlenecks,
            VerificationMode verification) {}

    private final List<Row> rows;

    private TaskTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
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
     * Reads the tasks.
     *
     * @param searcher the searcher of one commit
     * @param family a SOC group or occupation code, or {@code null} for every task
     * @return the table
     * @throws IOException if the index cannot be read
     */
    public static TaskTable read(IndexSearcher searcher, String family) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, "task")), BooleanClause.Occur.FILTER);
        if (family != null) {
            query.add(new TermQuery(new Term(IndexFields.FAMILY, family)), BooleanClause.Occur.FILTER);
        }
        List<Row> rows = new ArrayList<>();
        searcher.search(query.build(), Segments.inOrder(() -> new Reader(rows)));
        rows.sort(java.util.Comparator.comparingInt(Row::doc));
        return new TaskTable(rows);
    }

    /** Reads one segment's tasks into the shared list; the search runs one segment at a time. */
    private static final class Reader extends SimpleCollector {
        private final List<Row> rows;
        private int base;
        private SortedDocValues occupation;
        private SortedDocValues verification;
        private SortedDocValues quadrant;
        private NumericDocValues weight;
        private NumericDocValues t;
        private NumericDocValues v;
        private NumericDocValues s;
        private final NumericDocValues[] factors = new NumericDocValues[BottleneckFactor.values().length];

        Reader(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            LeafReader reader = context.reader();
            base = context.docBase;
            occupation = reader.getSortedDocValues(IndexFields.levelField(dev.moravec.taxonomy.sources.SocLevel.OCCUPATION));
            verification = reader.getSortedDocValues(IndexFields.VERIFICATION);
            quadrant = reader.getSortedDocValues(IndexFields.QUADRANT);
            s = reader.getNumericDocValues(IndexFields.S);
            weight = reader.getNumericDocValues(IndexFields.WEIGHT);
            t = reader.getNumericDocValues(IndexFields.T);
            v = reader.getNumericDocValues(IndexFields.V);
            for (BottleneckFactor factor : BottleneckFactor.values()) {
                factors[factor.ordinal()] = reader.getNumericDocValues(IndexFields.FACTOR + factor.name());
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            if (occupation == null || !occupation.advanceExact(doc)) {
                return;
            }
            String code = occupation.lookupOrd(occupation.ordValue()).utf8ToString();
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
            rows.add(new Row(base + doc, code, w == null ? 1 : w, scores,
                    profile.isEmpty() ? BottleneckProfile.NONE : new BottleneckProfile(profile), mode));
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
