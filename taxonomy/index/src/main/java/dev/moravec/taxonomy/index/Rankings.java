package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.model.TaskWeighting;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.internal.FamilyTotals;
import dev.moravec.taxonomy.index.internal.Grouping;
import dev.moravec.taxonomy.index.internal.SocGrouping;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.index.internal.IntervalEstimator;
import dev.moravec.taxonomy.index.internal.OccupationFigures;
import dev.moravec.taxonomy.index.internal.OverrideTargets;
import dev.moravec.taxonomy.index.internal.Segments;
import dev.moravec.taxonomy.index.internal.TaskTable;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
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
 * Ranks tasks, occupations or SOC families by their reasoning score (DESIGN section 2), as classified
 * or under a breakthrough scenario. Tasks are sorted on their score's doc values. Occupations and
 * families are aggregated from the occupation documents' doc values in one pass
 * ({@link OccupationFigures}): an occupation's score is the weighted mean of its tasks (stored by
 * {@link TaxonomyClassifier}); a family's is the mean of its occupations' scores, weighted by
 * employment where an employment file was imported (else equally) ({@link FamilyTotals}). Under a
 * scenario every task is moved first ({@link Relief}) and its occupation scored again from its tasks.
 */
public final class Rankings {

    /**
     * A ranking.
     *
     * @param level {@code task}, {@code occupation}, {@code detailed}, {@code broad}, {@code minor} or {@code major}
     *     in SOC 2018; a level of the classification otherwise (see {@link Classifications#level}); {@code null}
     *     for the classification's finest
     * @param lagging lowest scores first when true, highest first when false
     * @param family a group or occupation code of the classification to rank within, or {@code null}
     * @param limit the most rows
     * @param classification the classification to rank the groups of
     * @param weight what occupations are weighted by within a group
     */
    public record Request(String level, boolean lagging, String family, int limit, Classification classification,
            WeightBasis weight) {

        /**
         * A ranking of SOC 2018 codes weighted by employment.
         *
         * @param level the level
         * @param lagging lowest first
         * @param family the family, or {@code null}
         * @param limit the most rows
         */
        public Request(String level, boolean lagging, String family, int limit) {
            this(level, lagging, family, limit, Classification.SOC_2018, WeightBasis.EMPLOYMENT);
        }
    }

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public Rankings(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * Ranks the scores as classified.
     *
     * @param request what to rank
     * @return the ranking
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public Ranking rank(Request request) throws BadInputException, IOException {
        return rank(request, null);
    }

    /**
     * Ranks under a breakthrough scenario: every task moved by it, occupations and families scored again.
     *
     * @param request what to rank
     * @param relief the scenario, or {@code null} for the scores as classified
     * @return the ranking
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public Ranking rank(Request request, Relief relief) throws BadInputException, IOException {
        return rank(request, relief, ViewOptions.PLAIN);
    }

    /**
     * Ranks with analyst overrides applied after the scorers, and with 90% intervals and rank ranges.
     *
     * @param request what to rank
     * @param relief the scenario, or {@code null} for the scores as classified
     * @param view the overrides, and how to estimate intervals (or none)
     * @return the ranking
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public Ranking rank(Request request, Relief relief, ViewOptions view) throws BadInputException, IOException {
        String level = request.level() == null ? null : request.level().toLowerCase(Locale.ROOT);
        if ("task".equals(level)) {
            if (request.classification() != Classification.SOC_2018) {
                throw new BadInputException("--level task ranks the taxonomy's tasks, which are O*NET's: leave out"
                        + " --classification, or rank a level of " + request.classification().title());
            }
            return rankTasks(request, relief, view);
        }
        if (request.classification() == Classification.SOC_2018 && level != null && parse(level) == null) {
            throw new BadInputException("--level must be task, occupation, detailed, broad, minor or major, not '"
                    + request.level() + "'");
        }
        new Classifications(index).require(request.classification());
        return rankGroups(request, Classifications.level(request.classification(), level), relief, view);
    }

    /**
     * The SOC level a name gives.
     *
     * @param name occupation, detailed, broad, minor or major
     * @return the level
     * @throws BadInputException if the name is no level
     */
    public static SocLevel level(String name) throws BadInputException {
        SocLevel level = parse(name);
        if (level == null) {
            throw new BadInputException("--level must be occupation, detailed, broad, minor or major, not '"
                    + name + "'");
        }
        return level;
    }

    private static SocLevel parse(String name) {
        for (SocLevel level : SocLevel.values()) {
            if (level.name().equalsIgnoreCase(name)) {
                return level;
            }
        }
        return null;
    }

    private static Query filtered(String kind, String family) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, kind)), BooleanClause.Occur.FILTER);
        if (family != null) {
            query.add(new TermQuery(new Term(IndexFields.FAMILY, family)), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /** The most task rows that get intervals and rank ranges; rows beyond them show none. */
    static final int MAX_TASK_INTERVALS = 5000;

    private Ranking rankTasks(Request request, Relief relief, ViewOptions view) throws IOException {
        return index.search(searcher -> {
            Query all = filtered("task", request.family());
            int total = searcher.count(all);
            List<ScoredTask> scored = new ArrayList<>();
            OverrideTargets targets = OverrideTargets.resolve(searcher, view.overrides());
            if (relief == null && targets.isEmpty() && view.intervals() == null) {
                Query withScore = new BooleanQuery.Builder()
                        .add(all, BooleanClause.Occur.FILTER)
                        .add(new FieldExistsQuery(IndexFields.S), BooleanClause.Occur.FILTER)
                        .build();
                SortField byScore = new SortField(IndexFields.S, SortField.Type.DOUBLE, !request.lagging());
                TopFieldDocs top = searcher.search(withScore, Math.max(1, request.limit()),
                        new Sort(byScore, SortField.FIELD_DOC));
                StoredFields fields = searcher.storedFields();
                for (ScoreDoc hit : top.scoreDocs) {
                    Document doc = fields.document(hit.doc);
                    StoredVerdictView verdict = new StoredVerdictView(index, doc);
                    scored.add(new ScoredTask(hit.doc, verdict.scores(), verdict.dominant(), null));
                }
                return tasks(request, searcher, scored, total - searcher.count(withScore), null, null, null, targets);
            }
            TaskTable table = TaskTable.read(searcher, request.family(), targets);
            for (TaskTable.Row task : table.rows()) {
                Relief.Moved moved = relief == null
                        ? new Relief.Moved(task.scores(), task.scores(), List.of(), task.bottlenecks())
                        : relief.apply(task.scores(), task.bottlenecks(), task.verification());
                if (moved.after().isRated()) {
                    scored.add(new ScoredTask(task.doc(), moved.after(), moved.remaining().dominant().orElse(null), task));
                }
            }
            Comparator<ScoredTask> byScore = Comparator.comparingDouble(t -> t.scores().score().getAsDouble());
            scored.sort((request.lagging() ? byScore : byScore.reversed()).thenComparingInt(ScoredTask::doc));
            int unscored = total - scored.size();
            List<ScoredTask> shown = scored.subList(0, Math.min(request.limit(), scored.size()));
            IntervalEstimator.Estimates estimates = null;
            if (view.intervals() != null) {
                List<TaskTable.Row> rated = scored.stream().map(ScoredTask::row).toList();
                estimates = IntervalEstimator.forTasks(table.scorers(), view.intervals())
                        .tasks(rated, rated.subList(0, Math.min(shown.size(), MAX_TASK_INTERVALS)), relief,
                                request.lagging());
            }
            return tasks(request, searcher, shown, unscored, relief == null ? null : relief.scenario().name(), estimates,
                    view.intervals(), targets);
        });
    }

    /** A task with its scores, as classified or under a scenario, and its row of the task table, if read. */
    private record ScoredTask(int doc, Scores scores, BottleneckFactor bottleneck, TaskTable.Row row) {}

    /** The scores and dominant bottleneck of a task document's stored verdict. */
    private record StoredVerdictView(Scores scores, BottleneckFactor dominant) {
        StoredVerdictView(TaxonomyIndex index, Document doc) {
            this(index.verdicts().scores(IndexFields.stored(doc, IndexFields.VERDICT)),
                    index.verdicts().dominant(IndexFields.stored(doc, IndexFields.VERDICT)).orElse(null));
        }
    }

    private Ranking tasks(Request request, IndexSearcher searcher, List<ScoredTask> top, int unscored, String scenario,
            IntervalEstimator.Estimates estimates, IntervalSettings settings, OverrideTargets targets) throws IOException {
        StoredFields fields = searcher.storedFields();
        List<Ranking.Row> rows = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            ScoredTask task = top.get(i);
            boolean estimated = estimates != null && i < estimates.intervals().size();
            Document doc = fields.document(task.doc(), TASK_FIELDS);
            Map<Quadrant, Double> shares = new EnumMap<>(Quadrant.class);
            shares.put(task.scores().quadrant(), 1.0);
            Map<BottleneckFactor, Double> laggingBy = task.scores().quadrant() == Quadrant.LAGGING && task.bottleneck() != null
                    ? Map.of(task.bottleneck(), 1.0) : Map.of();
            rows.add(new Ranking.Row(IndexFields.stored(doc, IndexFields.CODE), IndexFields.stored(doc, IndexFields.TITLE),
                    IndexFields.stored(doc, IndexFields.TASK_ID), IndexFields.stored(doc, IndexFields.STATEMENT),
                    task.scores(), 1, 1, null, shares, task.bottleneck(), laggingBy,
                    estimated ? estimates.intervals().get(i) : null, estimated ? estimates.ranges().get(i) : null,
                    task.row() != null && task.row().override() != null ? 1 : 0));
        }
        return new Ranking("task", request.lagging(), rows, describeTaskWeighting(searcher, request.family()), unscored,
                scenario, estimates == null ? null : settings, report(targets));
    }

    /**
     * What became of the overrides.
     *
     * @param targets the overrides, resolved
     * @return how many applied and which targets are unknown
     */
    static OverrideReport report(OverrideTargets targets) {
        return new OverrideReport(targets.applied(), targets.unknown());
    }

    private static final java.util.Set<String> TASK_FIELDS = java.util.Set.of(IndexFields.CODE, IndexFields.TITLE,
            IndexFields.TASK_ID, IndexFields.STATEMENT);

    private Ranking rankGroups(Request request, String level, Relief relief, ViewOptions view) throws IOException {
        Classification classification = request.classification();
        return index.search(searcher -> {
            Grouping grouping = Classifications.grouping(index, searcher, classification, level);
            String filter = grouping.occupationFilter(request.family());
            OverrideTargets targets = OverrideTargets.resolve(searcher, view.overrides());
            List<FamilyTotals> families = families(searcher, grouping, request.family(), relief, request.weight(),
                    targets);
            Map<String, Integer> overridden = overriddenTasks(searcher, filter, targets);
            List<Ranking.Row> rows = new ArrayList<>();
            List<Ranking.Unscored> withoutScore = new ArrayList<>();
            Map<String, FamilyTotals> byCode = new HashMap<>();
            int unscored = 0;
            java.util.Set<String> withEmployment = new java.util.HashSet<>();
            java.util.Set<String> withWages = new java.util.HashSet<>();
            java.util.Set<String> scoredOccupations = new java.util.HashSet<>();
            for (FamilyTotals family : families) {
                withEmployment.addAll(family.codes("employment"));
                withWages.addAll(family.codes("wages"));
                scoredOccupations.addAll(family.codes("scored"));
                if (family.scored() == 0) {
                    unscored++;
                    if (classification != Classification.SOC_2018) {
                        withoutScore.add(new Ranking.Unscored(family.code(), grouping.title(family.code()),
                                grouping.coverage(family.code()), family.occupations() == 0
                                        ? "no partner in the crosswalks reaches an O*NET-SOC occupation with tasks"
                                        : "none of its " + family.occupations() + " occupations is scored"));
                    }
                    continue;
                }
                byCode.put(family.code(), family);
                int changed = family.members().stream().mapToInt(code -> overridden.getOrDefault(code, 0)).sum();
                rows.add(row(family, grouping, changed));
            }
            Comparator<Ranking.Row> byScore = Comparator.comparingDouble(r -> r.scores().score().getAsDouble());
            rows.sort((request.lagging() ? byScore : byScore.reversed()).thenComparing(Ranking.Row::code));
            if (view.intervals() != null) {
                IntervalEstimator estimator = ScoreIntervals.estimator(index, searcher, filter, targets, relief,
                        view.intervals());
                boolean occupations = classification == Classification.SOC_2018 && "occupation".equals(level);
                List<double[]> replicates = new ArrayList<>(rows.size());
                for (Ranking.Row row : rows) {
                    replicates.add(ScoreIntervals.replicates(estimator, occupations, byCode.get(row.code())));
                }
                rows = ScoreIntervals.withUncertainty(rows, replicates, request.lagging());
            }
            if (rows.size() > request.limit()) {
                rows = rows.subList(0, request.limit());
            }
            withoutScore.sort(Comparator.comparing(Ranking.Unscored::code));
            String weighting = describeTaskWeighting(searcher, filter);
            boolean occupationLevel = classification == Classification.SOC_2018 && level.equals("occupation");
            if (!occupationLevel) {
                weighting += "; occupations within " + (classification == Classification.SOC_2018 ? "families" : "groups")
                        + ": " + describeOccupationWeighting(request.weight(), withEmployment.size(), withWages.size(),
                                scoredOccupations.size());
                if (classification != Classification.SOC_2018) {
                    weighting += "; an occupation reached by several " + classification.title() + " codes is shared"
                            + " equally among them";
                }
            }
            return new Ranking(level, request.lagging(), rows, weighting, unscored,
                    relief == null ? null : relief.scenario().name(), classification.label(), request.weight().label(),
                    withoutScore, Classifications.sources(index, searcher, classification), view.intervals(),
                    report(targets));
        });
    }

    private static String describeOccupationWeighting(WeightBasis basis, int withEmployment, int withWages, int scored) {
        if (basis == WeightBasis.WAGES && withWages > 0) {
            return "weighted by wage bill, employment x mean annual wage (" + withWages + " of " + scored
                    + " scored occupations have both; a family without any is weighted by employment, else equally)";
        }
        String fallback = basis == WeightBasis.WAGES ? " (no wages imported)" : "";
        return withEmployment > 0
                ? "weighted by employment" + fallback + " (" + withEmployment + " of " + scored
                        + " scored occupations have employment figures; a family without any is weighted equally)"
                : "weighted equally (no employment file imported)";
    }

    /**
     * How many tasks of each occupation an analyst override changes.
     *
     * @param searcher the searcher of one commit
     * @param family a SOC group to stay within, or {@code null}
     * @param targets the overrides, resolved
     * @return the count per occupation code, for occupations with any
     * @throws IOException if the index cannot be read
     */
    static Map<String, Integer> overriddenTasks(IndexSearcher searcher, String family, OverrideTargets targets)
            throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        if (!targets.isEmpty()) {
            for (TaskTable.Row task : TaskTable.read(searcher, family, targets).rows()) {
                if (task.override() != null) {
                    counts.merge(task.occupation(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Every SOC family of a level (or occupation) with its occupations' figures summed, as classified or
     * under a scenario, with the analyst overrides, weighted by employment.
     *
     * @param searcher the searcher of one commit
     * @param hierarchy the SOC hierarchy
     * @param family a SOC group to stay within, or {@code null}
     * @param level the level to group at
     * @param relief a scenario, or {@code null}
     * @param targets the analyst overrides, resolved on the commit
     * @return the families, in no particular order
     * @throws IOException if the index cannot be read
     */
    static List<FamilyTotals> families(IndexSearcher searcher, SocHierarchy hierarchy, String family, SocLevel level,
            Relief relief, OverrideTargets targets) throws IOException {
        return families(searcher, new SocGrouping(hierarchy, level), family, relief, WeightBasis.EMPLOYMENT, targets);
    }

    /**
     * Every SOC family of a level with its occupations' figures summed, as the scorers rated them.
     *
     * @param searcher the searcher of one commit
     * @param hierarchy the SOC hierarchy
     * @param family a SOC group to stay within, or {@code null}
     * @param level the level to group at
     * @param relief a scenario, or {@code null}
     * @return the families, in no particular order
     * @throws IOException if the index cannot be read
     */
    static List<FamilyTotals> families(IndexSearcher searcher, SocHierarchy hierarchy, String family, SocLevel level,
            Relief relief) throws IOException {
        return families(searcher, hierarchy, family, level, relief, OverrideTargets.NONE);
    }

    /**
     * Every group of a grouping with its occupations' figures summed, as the scorers rated them.
     *
     * @param searcher the searcher of one commit
     * @param grouping where each occupation's weight goes
     * @param family a family to stay within, or {@code null}
     * @param relief a scenario, or {@code null}
     * @param basis what occupations are weighted by
     * @return the groups, in no particular order
     * @throws IOException if the index cannot be read
     */
    static List<FamilyTotals> families(IndexSearcher searcher, Grouping grouping, String family, Relief relief,
            WeightBasis basis) throws IOException {
        return families(searcher, grouping, family, relief, basis, OverrideTargets.NONE);
    }

    /**
     * Every group of a grouping with its occupations' figures summed (each occupation's share of each group),
     * as classified or under a scenario, with the analyst overrides; the groups the classification knows but
     * no occupation reaches are there too, empty.
     *
     * @param searcher the searcher of one commit
     * @param grouping where each occupation's weight goes
     * @param family a family to stay within, or {@code null}
     * @param relief a scenario, or {@code null}
     * @param basis what occupations are weighted by
     * @param targets the analyst overrides, resolved on the commit
     * @return the groups, in no particular order
     * @throws IOException if the index cannot be read
     */
    static List<FamilyTotals> families(IndexSearcher searcher, Grouping grouping, String family, Relief relief,
            WeightBasis basis, OverrideTargets targets) throws IOException {
        String filter = grouping.occupationFilter(family);
        List<OccupationFigures> occupations = relief == null ? OccupationFigures.adjusted(searcher, filter, targets)
                : OccupationFigures.underScenario(searcher, filter, relief, targets);
        Map<String, FamilyTotals> families = new HashMap<>();
        for (OccupationFigures occupation : occupations) {
            for (Map.Entry<String, Double> group : grouping.groups(occupation.code()).entrySet()) {
                if (grouping.within(group.getKey(), family)) {
                    families.computeIfAbsent(group.getKey(), code -> new FamilyTotals(code, basis))
                            .add(occupation, group.getValue());
                }
            }
        }
        for (String known : grouping.known()) {
            if (grouping.within(known, family)) {
                families.computeIfAbsent(known, code -> new FamilyTotals(code, basis));
            }
        }
        return new ArrayList<>(families.values());
    }

    private static Ranking.Row row(FamilyTotals family, Grouping grouping, int overridden) {
        OccupationScore score = family.score();
        return new Ranking.Row(family.code(), grouping.title(family.code()), null, null, score.means(), family.tasks(),
                family.scored(), family.employment(), score.shares(), score.dominantBottleneck().orElse(null),
                score.laggingBy(), family.wageBill(), family.wageBillByQuadrant(), grouping.coverage(family.code()),
                null, null, overridden);
    }

    private String describeTaskWeighting(IndexSearcher searcher, String family) throws IOException {
        int[] counts = new int[TaskWeighting.values().length];
        searcher.search(filtered("occupation", family), Segments.inOrder(() -> new SimpleCollector() {
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

}
