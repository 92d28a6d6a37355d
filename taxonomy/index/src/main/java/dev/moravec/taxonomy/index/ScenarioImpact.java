package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Thresholds;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.internal.FamilyTotals;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.index.internal.OccupationFigures;
import dev.moravec.taxonomy.index.internal.TaskTable;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;

/**
 * What a breakthrough scenario changes (the arithmetic is {@link Relief}'s): the tasks that change
 * quadrant and the factors that moved them, the occupations whose mean T and V cross into another
 * quadrant, the families whose score rises most, and the employment that stops lagging (each
 * occupation's employment times the fall of its lagging share).
 */
public final class ScenarioImpact {

    /** A task that changed quadrant, with the factors whose relief moved it. */
    public record MovedTask(String code, String taskId, String statement, Quadrant from, Quadrant to,
            List<BottleneckFactor> movedBy, double scoreBefore, double scoreAfter) {}

    /** A family whose score rose. */
    public record Rise(String code, String title, double before, double after) {

        /** @return how much the score rose */
        public double delta() {
            return after - before;
        }
    }

    /**
     * A scenario's impact.
     *
     * @param scenario its name
     * @param description what the breakthrough is
     * @param relief the relief of each factor
     * @param tasks the classified tasks looked at
     * @param moved how many of them the scenario moved at all
     * @param changedQuadrant how many changed quadrant
     * @param transitions how many went from one quadrant to another, as "FROM -> TO"
     * @param movedBy for each factor, how many of the tasks that changed quadrant it moved
     * @param examples a few tasks that changed quadrant, the largest rises first
     * @param occupations the occupations with a score
     * @param occupationsChanged how many of them have mean T and V in another quadrant
     * @param level the level of the families
     * @param rises the families whose score rises most
     * @param employmentLeavingLagging the employment whose work stops lagging, or {@code null} without
     *     employment figures
     */
    public record Result(String scenario, String description, Map<BottleneckFactor, Double> relief, int tasks, int moved,
            int changedQuadrant, Map<String, Integer> transitions, Map<BottleneckFactor, Integer> movedBy,
            List<MovedTask> examples, int occupations, int occupationsChanged, String level, List<Rise> rises,
            Double employmentLeavingLagging) {}

    private static final int EXAMPLES = 5;
    private static final Set<String> FIELDS = Set.of(IndexFields.CODE, IndexFields.TASK_ID, IndexFields.STATEMENT);

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public ScenarioImpact(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * Measures one scenario.
     *
     * @param relief the scenario
     * @param thresholds where the quadrants are split
     * @param levelName the level whose families are ranked by their rise
     * @param family a SOC group or occupation to stay within, or {@code null} for the whole taxonomy
     * @param limit the most families to list
     * @return the impact
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public Result of(Relief relief, Thresholds thresholds, String levelName, String family, int limit)
            throws BadInputException, IOException {
        return of(List.of(relief), thresholds, levelName, family, limit).get(0);
    }

    /**
     * Measures several scenarios, reading the tasks, the occupations and the families as classified once for all.
     *
     * @param reliefs the scenarios
     * @param thresholds where the quadrants are split
     * @param levelName the level whose families are ranked by their rise
     * @param family a SOC group or occupation to stay within, or {@code null} for the whole taxonomy
     * @param limit the most families to list per scenario
     * @return one impact per scenario, in order
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public List<Result> of(List<Relief> reliefs, Thresholds thresholds, String levelName, String family, int limit)
            throws BadInputException, IOException {
        SocLevel level = Rankings.level(levelName);
        return index.search(searcher -> {
            List<TaskTable.Row> rows = TaskTable.read(searcher, family).rows();
            List<OccupationFigures> before = OccupationFigures.stored(searcher, family);
            SocHierarchy hierarchy = index.hierarchy(searcher);
            List<FamilyTotals> familiesBefore = Rankings.families(searcher, hierarchy, family, level, null);
            List<Result> results = new ArrayList<>();
            for (Relief relief : reliefs) {
                List<OccupationFigures> after = OccupationFigures.underScenario(searcher, family, relief,
                        dev.moravec.taxonomy.index.internal.OverrideTargets.NONE);
                List<Rise> rises = rises(familiesBefore, Rankings.families(searcher, hierarchy, family, level, relief),
                        hierarchy);
                results.add(measure(searcher.storedFields(), relief, thresholds, rows, before, after, level,
                        rises.subList(0, Math.min(limit, rises.size()))));
            }
            return results;
        });
    }

    private static Result measure(StoredFields fields, Relief relief, Thresholds thresholds, List<TaskTable.Row> rows,
            List<OccupationFigures> before, List<OccupationFigures> after, SocLevel level, List<Rise> rises)
            throws IOException {
        int tasks = 0;
        int moved = 0;
        Map<String, Integer> transitions = new java.util.TreeMap<>();
        Map<BottleneckFactor, Integer> movedBy = new EnumMap<>(BottleneckFactor.class);
        List<MovedTask> changed = new ArrayList<>();
        List<Integer> changedDocs = new ArrayList<>();
        for (TaskTable.Row task : rows) {
            if (!task.scores().isRated()) {
                continue;
            }
            tasks++;
            Relief.Moved m = relief.apply(task.scores(), task.bottlenecks(), task.verification());
            if (m.movedBy().isEmpty()) {
                continue;
            }
            moved++;
            if (m.changedQuadrant()) {
                transitions.merge(m.before().quadrant() + " -> " + m.after().quadrant(), 1, Integer::sum);
                m.movedBy().forEach(f -> movedBy.merge(f, 1, Integer::sum));
                changed.add(new MovedTask(task.occupation(), null, null, m.before().quadrant(), m.after().quadrant(),
                        m.movedBy(), m.before().score().getAsDouble(), m.after().score().getAsDouble()));
                changedDocs.add(task.doc());
            }
        }
        // occupations before and after
        Map<String, OccupationFigures> afterByCode = new HashMap<>();
        after.forEach(f -> afterByCode.put(f.code(), f));
        int occupations = 0;
        int occupationsChanged = 0;
        double leaving = 0;
        boolean anyEmployment = false;
        for (OccupationFigures b : before) {
            OccupationFigures a = afterByCode.get(b.code());
            if (b.score() == null || a == null || a.score() == null) {
                continue;
            }
            occupations++;
            if (quadrant(b.score(), thresholds) != quadrant(a.score(), thresholds)) {
                occupationsChanged++;
            }
            if (b.employment() != null && b.employment() > 0) {
                anyEmployment = true;
                leaving += b.employment() * (b.score().shares().getOrDefault(Quadrant.LAGGING, 0.0)
                        - a.score().shares().getOrDefault(Quadrant.LAGGING, 0.0));
            }
        }
        return new Result(relief.scenario().name(), relief.scenario().description(), relief.scenario().relief(),
                tasks, moved, changed.size(), transitions, movedBy, examples(fields, changed, changedDocs), occupations,
                occupationsChanged, level.label(), rises, anyEmployment ? leaving : null);
    }

    /** Where an occupation's mean T and V fall. */
    private static Quadrant quadrant(OccupationScore score, Thresholds thresholds) {
        return Quadrant.of(score.transferability().getAsDouble(), score.verificationCost().getAsDouble(), thresholds);
    }

    private static List<MovedTask> examples(StoredFields fields, List<MovedTask> changed, List<Integer> docs)
            throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> changed.get(i).scoreAfter() - changed.get(i).scoreBefore())
                .reversed().thenComparingInt(docs::get));
        List<MovedTask> examples = new ArrayList<>();
        for (int i : order.subList(0, Math.min(EXAMPLES, order.size()))) {
            MovedTask t = changed.get(i);
            Document doc = fields.document(docs.get(i), FIELDS);
            examples.add(new MovedTask(IndexFields.stored(doc, IndexFields.CODE), IndexFields.stored(doc, IndexFields.TASK_ID),
                    IndexFields.stored(doc, IndexFields.STATEMENT), t.from(), t.to(), t.movedBy(), t.scoreBefore(),
                    t.scoreAfter()));
        }
        return examples;
    }

    private static List<Rise> rises(List<FamilyTotals> before, List<FamilyTotals> after, SocHierarchy hierarchy) {
        Map<String, FamilyTotals> afterByCode = new HashMap<>();
        after.forEach(f -> afterByCode.put(f.code(), f));
        List<Rise> rises = new ArrayList<>();
        for (FamilyTotals b : before) {
            FamilyTotals a = afterByCode.get(b.code());
            if (b.scored() == 0 || a == null || a.scored() == 0) {
                continue;
            }
            Rise rise = new Rise(b.code(), hierarchy.title(b.code()).orElse(null), b.score().score().getAsDouble(),
                    a.score().score().getAsDouble());
            if (rise.delta() > 1e-12) {   // a family the scenario leaves where it was does not rise
                rises.add(rise);
            }
        }
        rises.sort(Comparator.comparingDouble(Rise::delta).reversed().thenComparing(Rise::code));
        return rises;
    }
}
