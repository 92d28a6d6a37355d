package dev.moravec.taxonomy.index;

import dev.moravec.model.BadInputException;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.model.TaskWeighting;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Ranks tasks, occupations or SOC families by their reasoning score (DESIGN section 2). Tasks are
 * sorted on their score's doc values. Occupations and families are aggregated from the occupation
 * documents' doc values in one pass: an occupation's score is the weighted mean of its tasks (stored
 * by {@link TaxonomyClassifier}); a family's is the mean of its occupations' scores, weighted by
 * employment where an employment file was imported (else equally), and task counts come from the
 * hierarchical facets.
 */
public final class Rankings {

    /**
     * A ranking.
     *
     * @param level {@code task}, {@code occupation}, {@code detailed}, {@code broad}, {@code minor} or {@code major}
     * @param lagging lowest scores first when true, highest first when false
     * @param family a SOC group or occupation code to rank within, or {@code null}
     * @param limit the most rows
     */
    public record Request(String level, boolean lagging, String family, int limit) {}

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public Rankings(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * Ranks.
     *
     * @param request what to rank
     * @return the ranking
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public Ranking rank(Request request) throws BadInputException, IOException {
        String level = request.level().toLowerCase(Locale.ROOT);
        if (level.equals("task")) {
            return rankTasks(request);
        }
        SocLevel socLevel;
        try {
            socLevel = SocLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--level must be task, occupation, detailed, broad, minor or major, not '"
                    + request.level() + "'");
        }
        return rankGroups(request, socLevel);
    }

    private Query filtered(String kind, String family) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, kind)), BooleanClause.Occur.FILTER);
        if (family != null) {
            query.add(new TermQuery(new Term(IndexFields.FAMILY, family)), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private Ranking rankTasks(Request request) throws IOException {
        return index.search(searcher -> {
            Query all = filtered("task", request.family());
            Query scored = new BooleanQuery.Builder()
                    .add(all, BooleanClause.Occur.FILTER)
                    .add(new FieldExistsQuery(IndexFields.S), BooleanClause.Occur.FILTER)
                    .build();
            int total = searcher.count(all);
            SortField byScore = new SortField(IndexFields.S, SortField.Type.DOUBLE, !request.lagging());
            TopFieldDocs top = searcher.search(scored, Math.max(1, request.limit()),
                    new Sort(byScore, SortField.FIELD_DOC));
            StoredFields fields = searcher.storedFields();
            List<Ranking.Row> rows = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = fields.document(hit.doc);
                Scores verdict = index.verdicts().scores(IndexFields.stored(doc, IndexFields.VERDICT));
                Map<Quadrant, Double> shares = new EnumMap<>(Quadrant.class);
                shares.put(verdict.quadrant(), 1.0);
                rows.add(new Ranking.Row(IndexFields.stored(doc, IndexFields.CODE), IndexFields.stored(doc, IndexFields.TITLE),
                        IndexFields.stored(doc, IndexFields.TASK_ID), IndexFields.stored(doc, IndexFields.STATEMENT),
                        verdict, 1, 1, null, shares));
            }
            int scoredCount = searcher.count(scored);
            return new Ranking("task", request.lagging(), rows, describeTaskWeighting(searcher, request.family()),
                    total - scoredCount);
        });
    }

    private Ranking rankGroups(Request request, SocLevel level) throws IOException {
        return index.search(searcher -> {
            SocHierarchy hierarchy = index.hierarchy(searcher);
            Map<String, Group> groups = aggregate(searcher, filtered("occupation", request.family()), level);
            List<Ranking.Row> rows = new ArrayList<>();
            int unscored = 0;
            int withEmployment = 0;
            int scoredOccupations = 0;
            for (Group group : groups.values()) {
                withEmployment += group.withEmployment;
                scoredOccupations += group.scored;
                if (group.scored == 0) {
                    unscored++;
                    continue;
                }
                rows.add(group.row(hierarchy));
            }
            Comparator<Ranking.Row> byScore = Comparator.comparingDouble(r -> r.scores().score().getAsDouble());
            rows.sort((request.lagging() ? byScore : byScore.reversed()).thenComparing(Ranking.Row::code));
            if (rows.size() > request.limit()) {
                rows = rows.subList(0, request.limit());
            }
            String weighting = describeTaskWeighting(searcher, request.family());
            if (level != SocLevel.OCCUPATION) {
                weighting += "; occupations within families: " + (withEmployment > 0
                        ? "weighted by employment (" + withEmployment + " of " + scoredOccupations
                                + " scored occupations have employment figures; a family without any is weighted"
                                + " equally)"
                        : "weighted equally (no employment file imported)");
            }
            return new Ranking(level.label(), request.lagging(), rows, weighting, unscored);
        });
    }

    private String describeTaskWeighting(IndexSearcher searcher, String family) throws IOException {
        int[] counts = new int[TaskWeighting.values().length];
        searcher.search(filtered("occupation", family), manager(() -> new SimpleCollector() {
            private NumericDocValues weighting;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                weighting = context.reader().getNumericDocValues(IndexFields.WEIGHTING);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (weighting != null && weighting.advanceExact(doc)) {
                    counts[(int) weighting.longValue()]++;
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }));
        int rated = counts[TaskWeighting.IMPORTANCE_RELEVANCE.ordinal()];
        int typed = counts[TaskWeighting.TASK_TYPE.ordinal()];
        String tasks;
        if (rated > 0 && typed == 0) {
            tasks = "tasks weighted by importance x relevance (O*NET task ratings)";
        } else if (rated > 0) {
            tasks = "tasks weighted by importance x relevance in " + rated + " occupations, core 2 / supplemental 1 in "
                    + typed + " without task ratings";
        } else {
            tasks = "tasks weighted core 2 / supplemental 1 (no task ratings imported)";
        }
        return tasks;
    }

    /** Sums one group's occupations. */
    private static final class Group {
        final String code;
        int occupations;
        int scored;
        int withEmployment;
        long tasks;
        double employment;
        final double[] equal = new double[4 + Quadrant.values().length]; // S, T, V, weight, shares
        final double[] byEmployment = new double[4 + Quadrant.values().length];

        Group(String code) {
            this.code = code;
        }

        void add(double s, double t, double v, double[] shares, Double employment) {
            scored++;
            accumulate(equal, 1.0, s, t, v, shares);
            if (employment != null && employment > 0) {
                withEmployment++;
                this.employment += employment;
                accumulate(byEmployment, employment, s, t, v, shares);
            }
        }

        private static void accumulate(double[] sums, double w, double s, double t, double v, double[] shares) {
            sums[0] += w * s;
            sums[1] += w * t;
            sums[2] += w * v;
            sums[3] += w;
            for (int q = 0; q < shares.length; q++) {
                sums[4 + q] += w * shares[q];
            }
        }

        Ranking.Row row(SocHierarchy hierarchy) {
            double[] sums = byEmployment[3] > 0 ? byEmployment : equal;
            Map<Quadrant, Double> shares = new EnumMap<>(Quadrant.class);
            for (Quadrant q : Quadrant.values()) {
                shares.put(q, sums[4 + q.ordinal()] / sums[3]);
            }
            return new Ranking.Row(code, hierarchy.title(code).orElse(null), null, null,
                    Scores.means(OptionalDouble.of(sums[1] / sums[3]), OptionalDouble.of(sums[2] / sums[3]),
                            OptionalDouble.of(sums[0] / sums[3])), tasks, scored,
                    withEmployment > 0 ? employment : null, shares);
        }
    }

    private static Map<String, Group> aggregate(IndexSearcher searcher, Query occupations, SocLevel level)
            throws IOException {
        Map<String, Group> groups = new HashMap<>();
        searcher.search(occupations, manager(() -> new SimpleCollector() {
            private SortedDocValues group;
            private NumericDocValues s;
            private NumericDocValues t;
            private NumericDocValues v;
            private NumericDocValues employment;
            private NumericDocValues tasks;
            private final NumericDocValues[] shares = new NumericDocValues[Quadrant.values().length];

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                var reader = context.reader();
                group = reader.getSortedDocValues(IndexFields.levelField(level));
                s = reader.getNumericDocValues(IndexFields.S);
                t = reader.getNumericDocValues(IndexFields.T);
                v = reader.getNumericDocValues(IndexFields.V);
                employment = reader.getNumericDocValues(IndexFields.EMPLOYMENT);
                tasks = reader.getNumericDocValues(IndexFields.TASKS);
                for (Quadrant q : Quadrant.values()) {
                    shares[q.ordinal()] = reader.getNumericDocValues(IndexFields.SHARE + q.name());
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                if (group == null || !group.advanceExact(doc)) {
                    return;
                }
                String code = group.lookupOrd(group.ordValue()).utf8ToString();
                Group g = groups.computeIfAbsent(code, Group::new);
                g.occupations++;
                if (tasks != null && tasks.advanceExact(doc)) {
                    g.tasks += tasks.longValue();
                }
                Double score = value(s, doc);
                if (score == null) {
                    return;
                }
                double[] q = new double[shares.length];
                for (int i = 0; i < shares.length; i++) {
                    Double share = value(shares[i], doc);
                    q[i] = share == null ? 0 : share;
                }
                g.add(score, value(t, doc), value(v, doc), q, value(employment, doc));
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }));
        return groups;
    }

    private static Double value(NumericDocValues values, int doc) throws IOException {
        return values != null && values.advanceExact(doc) ? Double.longBitsToDouble(values.longValue()) : null;
    }

    // the collectors write into shared state, so the search runs them on one slice at a time
    private static <C extends SimpleCollector> CollectorManager<C, Void> manager(java.util.function.Supplier<C> collector) {
        return new CollectorManager<>() {
            @Override
            public C newCollector() {
                return collector.get();
            }

            @Override
            public Void reduce(Collection<C> collectors) {
                return null;
            }
        };
    }
}
