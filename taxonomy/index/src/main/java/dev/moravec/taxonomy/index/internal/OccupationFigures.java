package dev.moravec.taxonomy.index.internal;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.TaskWeighting;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
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
 * Each occupation's score and employment, the input of every family aggregate: as classified (read
 * from the occupation documents' doc values, without loading a stored document) or under a
 * breakthrough scenario (recomputed from its tasks, each moved by the scenario).
 *
 * @param code the O*NET-SOC code
 * @param score its score, {@code null} when none of its tasks is classified
 * @param employment its national employment, or {@code null} when not imported
 * @param tasks its number of tasks
 * @param annualWage the national mean annual wage of its SOC code, or {@code null} when not imported
 */
public record OccupationFigures(String code, OccupationScore score, Double employment, long tasks, Double annualWage) {

    /**
     * The same occupation with other employment and wage, as an industry holds it.
     *
     * @param employment its employment there
     * @param wage its mean annual wage there, or {@code null}
     * @return the figures
     */
    public OccupationFigures with(Double employment, Double wage) {
        return new OccupationFigures(code, score, employment, tasks, wage);
    }

    /** @return its wage bill (employment times mean annual wage), or {@code null} when either is unknown */
    public Double wageBill() {
        return employment == null || annualWage == null ? null : employment * annualWage;
    }

    /**
     * The occupations as classified.
     *
     * @param searcher the searcher of one commit
     * @param family a SOC group or occupation code, or {@code null} for all
     * @return one entry per occupation
     * @throws IOException if the index cannot be read
     */
    public static List<OccupationFigures> stored(IndexSearcher searcher, String family) throws IOException {
        List<OccupationFigures> figures = new ArrayList<>();
        searcher.search(occupations(family), Segments.inOrder(() -> new Stored(figures)));
        return figures;
    }

    /**
     * The occupations as classified, with the analyst overrides: an occupation an override touches is
     * scored again from its tasks, each with the override that applies to it.
     *
     * @param searcher the searcher of one commit
     * @param family a SOC group or occupation code, or {@code null} for all
     * @param overrides the overrides, resolved on this commit
     * @return one entry per occupation
     * @throws IOException if the index cannot be read
     */
    public static List<OccupationFigures> adjusted(IndexSearcher searcher, String family, OverrideTargets overrides)
            throws IOException {
        List<OccupationFigures> figures = stored(searcher, family);
        if (overrides.isEmpty()) {
            return figures;
        }
        Map<String, List<TaskTable.Row>> tasks = TaskTable.read(searcher, family, overrides).byOccupation();
        List<OccupationFigures> adjusted = new ArrayList<>(figures.size());
        for (OccupationFigures figure : figures) {
            List<TaskTable.Row> own = tasks.get(figure.code());
            adjusted.add(overrides.occupations().contains(figure.code()) && own != null && figure.score() != null
                    ? rescored(figure.code(), own, figure, task -> new OccupationScore.Weighted(task.weight(),
                            task.scores(), task.bottlenecks()))
                    : figure);
        }
        return adjusted;
    }

    /**
     * The occupations under a scenario: each task moved by it, each occupation scored again from its tasks
     * as {@link OccupationScore#of(List, TaskWeighting)} scores it, with the weights classification stored.
     *
     * @param searcher the searcher of one commit
     * @param family a SOC group or occupation code, or {@code null} for all
     * @param relief the scenario
     * @param overrides the analyst overrides, resolved on this commit, applied before the scenario
     * @return one entry per occupation with tasks
     * @throws IOException if the index cannot be read
     */
    public static List<OccupationFigures> underScenario(IndexSearcher searcher, String family, Relief relief,
            OverrideTargets overrides) throws IOException {
        Map<String, OccupationFigures> stored = new HashMap<>();
        for (OccupationFigures figure : stored(searcher, family)) {
            stored.put(figure.code(), figure);
        }
        List<OccupationFigures> figures = new ArrayList<>();
        TaskTable.read(searcher, family, overrides).byOccupation().forEach((code, tasks) -> figures.add(
                rescored(code, tasks, stored.get(code), task -> {
                    Relief.Moved m = relief.apply(task.scores(), task.bottlenecks(), task.verification());
                    return new OccupationScore.Weighted(task.weight(), m.after(), m.remaining());
                })));
        return figures;
    }

    // an occupation scored again from its tasks, each as given, with the weighting classification stored
    private static OccupationFigures rescored(String code, List<TaskTable.Row> tasks, OccupationFigures before,
            java.util.function.Function<TaskTable.Row, OccupationScore.Weighted> weighted) {
        List<OccupationScore.Weighted> moved = new ArrayList<>(tasks.size());
        for (TaskTable.Row task : tasks) {
            moved.add(weighted.apply(task));
        }
        TaskWeighting weighting = before != null && before.score() != null ? before.score().weighting()
                : TaskWeighting.TASK_TYPE;
        OccupationScore score = OccupationScore.of(moved, weighting);
        return new OccupationFigures(code, score.rated() == 0 ? null : score,
                before == null ? null : before.employment(), tasks.size(), before == null ? null : before.annualWage());
    }

    private static org.apache.lucene.search.Query occupations(String family) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, "occupation")), BooleanClause.Occur.FILTER);
        if (family != null) {
            query.add(new TermQuery(new Term(IndexFields.FAMILY, family)), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /** Reads the occupation documents' figures; the search runs one segment at a time. */
    private static final class Stored extends SimpleCollector {
        private final List<OccupationFigures> figures;
        private SortedDocValues code;
        private NumericDocValues s;
        private NumericDocValues t;
        private NumericDocValues v;
        private NumericDocValues employment;
        private NumericDocValues wage;
        private NumericDocValues tasks;
        private NumericDocValues weighting;
        private final NumericDocValues[] shares = new NumericDocValues[Quadrant.values().length];
        private final NumericDocValues[] factors = new NumericDocValues[BottleneckFactor.values().length];
        private final NumericDocValues[] laggingBy = new NumericDocValues[BottleneckFactor.values().length];

        Stored(List<OccupationFigures> figures) {
            this.figures = figures;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            LeafReader reader = context.reader();
            code = reader.getSortedDocValues(IndexFields.levelField(SocLevel.OCCUPATION));
            s = reader.getNumericDocValues(IndexFields.S);
            t = reader.getNumericDocValues(IndexFields.T);
            v = reader.getNumericDocValues(IndexFields.V);
            employment = reader.getNumericDocValues(IndexFields.EMPLOYMENT);
            wage = reader.getNumericDocValues(IndexFields.WAGE);
            tasks = reader.getNumericDocValues(IndexFields.TASKS);
            weighting = reader.getNumericDocValues(IndexFields.WEIGHTING);
            for (Quadrant q : Quadrant.values()) {
                shares[q.ordinal()] = reader.getNumericDocValues(IndexFields.SHARE + q.name());
            }
            for (BottleneckFactor f : BottleneckFactor.values()) {
                factors[f.ordinal()] = reader.getNumericDocValues(IndexFields.FACTOR + f.name());
                laggingBy[f.ordinal()] = reader.getNumericDocValues(IndexFields.LAGGING_BY + f.name());
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            if (code == null || !code.advanceExact(doc)) {
                return;
            }
            String occupation = code.lookupOrd(code.ordValue()).utf8ToString();
            long taskCount = tasks != null && tasks.advanceExact(doc) ? tasks.longValue() : 0;
            Double score = value(s, doc);
            OccupationScore occupationScore = null;
            if (score != null) {
                Map<Quadrant, Double> quadrantShares = new EnumMap<>(Quadrant.class);
                for (Quadrant q : Quadrant.values()) {
                    Double share = value(shares[q.ordinal()], doc);
                    quadrantShares.put(q, share == null ? 0 : share);
                }
                TaskWeighting scheme = weighting != null && weighting.advanceExact(doc)
                        ? TaskWeighting.values()[(int) weighting.longValue()] : TaskWeighting.TASK_TYPE;
                occupationScore = new OccupationScore((int) taskCount, (int) taskCount, OptionalDouble.of(value(t, doc)),
                        OptionalDouble.of(value(v, doc)), OptionalDouble.of(score), quadrantShares, scheme,
                        values(factors, doc), values(laggingBy, doc));
            }
            figures.add(new OccupationFigures(occupation, occupationScore, value(employment, doc), taskCount,
                    value(wage, doc)));
        }

        private static Map<BottleneckFactor, Double> values(NumericDocValues[] fields, int doc) throws IOException {
            Map<BottleneckFactor, Double> values = new EnumMap<>(BottleneckFactor.class);
            for (BottleneckFactor f : BottleneckFactor.values()) {
                Double value = value(fields[f.ordinal()], doc);
                if (value != null) {
                    values.put(f, value);
                }
            }
            return values;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static Double value(NumericDocValues values, int doc) throws IOException {
        return values != null && values.advanceExact(doc) ? Double.longBitsToDouble(values.longValue()) : null;
    }
}
