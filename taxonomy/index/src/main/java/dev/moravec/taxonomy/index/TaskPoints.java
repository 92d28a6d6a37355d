package dev.moravec.taxonomy.index;

import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.internal.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The classified tasks of the taxonomy as points on the two axes, for a scatter chart: each task's
 * transferability, verification cost, score and quadrant, read from the index's doc values. When a
 * family holds more tasks than asked for, an evenly spaced sample in index order (occupation code
 * order) is returned, so that every part of the family stays on the chart.
 */
public final class TaskPoints {

    /**
     * One classified task.
     *
     * @param id the task's id
     * @param code its occupation's O*NET-SOC code
     * @param title its occupation's title
     * @param statement the task statement
     * @param scores its T, V, S and quadrant, all present
     */
    public record Point(String id, String code, String title, String statement, Scores scores) {}

    /**
     * The points of a family.
     *
     * @param total how many of the family's tasks have a point (both axes rated)
     * @param unplaced how many of its tasks have none: not classified yet, or {@code UNRATED}
     * @param quadrants how many of the classified tasks are in each quadrant (of all of them, not only the sample)
     * @param points the points returned: all of them, or an evenly spaced sample of {@code limit}
     */
    public record Result(int total, int unplaced, Map<Quadrant, Integer> quadrants, List<Point> points) {

        /** Copies the collections. */
        public Result {
            quadrants = Map.copyOf(quadrants);
            points = List.copyOf(points);
        }
    }

    private static final Set<String> FIELDS = Set.of(IndexFields.TASK_ID, IndexFields.CODE, IndexFields.TITLE,
            IndexFields.STATEMENT, IndexFields.QUADRANT);

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public TaskPoints(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * The classified tasks of a family.
     *
     * @param family a SOC group or occupation code at any level, or {@code null} for every task
     * @param limit the most points to return, at least 1
     * @return the points
     * @throws IOException if the index cannot be read
     */
    public Result points(String family, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return index.search(searcher -> {
            BooleanQuery.Builder all = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, "task")), BooleanClause.Occur.FILTER);
            if (family != null) {
                all.add(new TermQuery(new Term(IndexFields.FAMILY, family)), BooleanClause.Occur.FILTER);
            }
            Query tasks = all.build();
            Query scored = new BooleanQuery.Builder()
                    .add(tasks, BooleanClause.Occur.FILTER)
                    .add(new FieldExistsQuery(IndexFields.S), BooleanClause.Occur.FILTER)
                    .build();
            int count = searcher.count(tasks);
            TopDocs top = searcher.search(scored, Math.max(1, count), Sort.INDEXORDER);
            ScoreDoc[] docs = top.scoreDocs;
            // counted from the indexed terms, without reading a stored field of every task
            Map<Quadrant, Integer> quadrants = new TreeMap<>();
            for (Quadrant quadrant : Quadrant.values()) {
                int inQuadrant = searcher.count(new BooleanQuery.Builder()
                        .add(scored, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(IndexFields.QUADRANT, quadrant.name())), BooleanClause.Occur.FILTER)
                        .build());
                if (inQuadrant > 0) {
                    quadrants.put(quadrant, inQuadrant);
                }
            }
            StoredFields fields = searcher.storedFields();
            List<Point> points = new ArrayList<>(Math.min(limit, docs.length));
            double step = docs.length <= limit ? 1.0 : (double) docs.length / limit;
            for (int i = 0; i < Math.min(limit, docs.length); i++) {
                points.add(point(searcher, fields, docs[(int) Math.floor(i * step)].doc));
            }
            return new Result(docs.length, count - docs.length, quadrants, points);
        });
    }

    private static Point point(IndexSearcher searcher, StoredFields fields, int doc) throws IOException {
        Document stored = fields.document(doc, FIELDS);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        return new Point(IndexFields.stored(stored, IndexFields.TASK_ID), IndexFields.stored(stored, IndexFields.CODE),
                IndexFields.stored(stored, IndexFields.TITLE), IndexFields.stored(stored, IndexFields.STATEMENT),
                new Scores(OptionalDouble.of(value(leaf, IndexFields.T, local)),
                        OptionalDouble.of(value(leaf, IndexFields.V, local)), OptionalDouble.of(value(leaf, IndexFields.S, local)),
                        Quadrant.valueOf(IndexFields.stored(stored, IndexFields.QUADRANT))));
    }

    private static double value(LeafReaderContext leaf, String field, int doc) throws IOException {
        NumericDocValues values = leaf.reader().getNumericDocValues(field);
        if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException("a classified task has no " + field + " value; classify the taxonomy again");
        }
        return Double.longBitsToDouble(values.longValue());
    }
}
