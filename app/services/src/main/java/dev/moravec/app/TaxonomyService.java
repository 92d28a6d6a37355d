package dev.moravec.app;

import dev.moravec.api.Embedder;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Scores;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Thresholds;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.BottleneckShares;
import dev.moravec.taxonomy.index.CatalogCodeMapping;
import dev.moravec.taxonomy.index.Classifications;
import dev.moravec.taxonomy.index.GroupDetails;
import dev.moravec.taxonomy.index.IndustryRankings;
import dev.moravec.taxonomy.index.WeightBasis;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.index.ScenarioImpact;
import dev.moravec.taxonomy.index.OccupationDetails;
import dev.moravec.taxonomy.index.Ranking;
import dev.moravec.taxonomy.index.Rankings;
import dev.moravec.taxonomy.index.SearchHit;
import dev.moravec.taxonomy.index.TaskPoints;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.index.TaxonomySearch;
import dev.moravec.taxonomy.index.ViewOptions;
import dev.moravec.taxonomy.sources.ImportReport;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line, the server and the report ask of the taxonomy: search, rankings, occupation
 * drill-downs, scatter points, occupation titles and the tasks a user names. Each call reads the
 * index's latest commit. Thread-safe.
 */
public final class TaxonomyService {

    /** Marks the matched words in search results for the web page and JSON. */
    public static final String MARK_OPEN = "<mark>";
    /** Closes {@link #MARK_OPEN}. */
    public static final String MARK_CLOSE = "</mark>";

    private final TaxonomyIndex index;
    private final java.time.Duration searchTimeLimit;
    private volatile Titles titles;

    /** The occupations' titles as the index had them at a version of its content. */
    private record Titles(long version, Map<String, String> byCode) {}

    /**
     * @param index the taxonomy index; the caller keeps it open while the service is used, and closes it
     */
    public TaxonomyService(TaxonomyIndex index) {
        this(index, TaxonomySearch.DEFAULT_TIME_LIMIT);
    }

    /**
     * @param index the taxonomy index; the caller keeps it open while the service is used, and closes it
     * @param searchTimeLimit how long one search may take before it stops
     *     ({@link dev.moravec.taxonomy.index.SearchTimeoutException})
     */
    public TaxonomyService(TaxonomyIndex index, java.time.Duration searchTimeLimit) {
        this.index = index;
        this.searchTimeLimit = searchTimeLimit;
    }

    /** @return the index */
    public TaxonomyIndex index() {
        return index;
    }

    /**
     * Searches tasks or occupations by their words.
     *
     * @param request what to search
     * @param markOpen what goes before a matched word in the highlight
     * @param markClose what goes after it
     * @return the hits, best first
     * @throws BadInputException if the query cannot be read
     * @throws IOException if the index cannot be read
     */
    public List<SearchHit> search(TaxonomySearch.Request request, String markOpen, String markClose)
            throws BadInputException, IOException {
        return new TaxonomySearch(index, markOpen, markClose, searchTimeLimit).search(request);
    }

    /**
     * Searches tasks or occupations by meaning: those whose embeddings are nearest to the query's.
     *
     * @param request what to search
     * @param embedder the embedder that made the index's vectors
     * @return the hits, nearest first, their relevance the cosine similarity
     * @throws BadInputException if the index holds no vectors
     * @throws IOException if the index cannot be read
     */
    public List<SearchHit> semantic(TaxonomySearch.Request request, Embedder embedder)
            throws BadInputException, IOException {
        return new TaxonomySearch(index, "", "", searchTimeLimit).semantic(request, embedder);
    }

    /**
     * Ranks with analyst overrides and, if asked, 90% intervals and rank ranges.
     *
     * @param request the level, order, family and limit
     * @param relief the scenario, or {@code null} for the scores as classified
     * @param view the overrides and the interval settings (or none)
     * @return the ranking
     * @throws BadInputException if the level or family is unknown
     * @throws IOException if the index cannot be read
     */
    public Ranking rank(Rankings.Request request, Relief relief, ViewOptions view) throws BadInputException, IOException {
        return new Rankings(index).rank(request, relief, view);
    }

    /**
     * Why a level's families lag, with analyst overrides and, if asked, each family's score interval.
     *
     * @param level occupation, detailed, broad, minor or major
     * @param family a SOC group to stay within, or {@code null}
     * @param view the overrides and the interval settings (or none)
     * @return the families, the most lagging work first
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public BottleneckShares.Result bottlenecks(String level, String family, ViewOptions view)
            throws BadInputException, IOException {
        return new BottleneckShares(index).of(level, family, view);
    }

    /**
     * An occupation's drill-down with analyst overrides and, if asked, its interval and rank.
     *
     * @param code its O*NET-SOC code, or its SOC code
     * @param view the overrides and the interval settings (or none)
     * @return the occupation with its family path, score and tasks
     * @throws BadInputException if the taxonomy has no such occupation
     * @throws IOException if the index cannot be read
     */
    public OccupationDetails.Detail occupation(String code, ViewOptions view) throws BadInputException, IOException {
        return new OccupationDetails(index).show(code, view);
    }

    /**
     * The classified tasks of a family as scatter points, with analyst overrides, moved by a scenario.
     *
     * @param family the family, or {@code null} for all
     * @param limit the most points
     * @param relief the scenario, or {@code null}
     * @param overrides the analyst overrides
     * @return the points
     * @throws IOException if the index cannot be read
     */
    public TaskPoints.Result points(String family, int limit, Relief relief, AnalystOverrides overrides) throws IOException {
        return new TaskPoints(index).points(family, limit, relief, overrides);
    }

    /**
     * What an override target's scores are under a set of overrides, to log a change with its effect.
     *
     * @param overrides the overrides
     * @param occupation the target's occupation code
     * @param taskId the target's task id, or {@code null} for the whole occupation
     * @return the task's scores (for a task) and the occupation's means
     * @throws BadInputException if the taxonomy has no such occupation, or the occupation no such task
     * @throws IOException if the index cannot be read
     */
    public OverrideStore.Effect effect(AnalystOverrides overrides, String occupation, String taskId)
            throws BadInputException, IOException {
        OccupationDetails.Detail detail = new OccupationDetails(index).show(occupation, new ViewOptions(overrides, null));
        Scores task = null;
        if (taskId != null) {
            task = detail.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst()
                    .map(OccupationDetails.TaskLine::effectiveScores)
                    .orElseThrow(() -> new BadInputException("occupation " + occupation + " has no task " + taskId
                            + " (see its tasks with 'moravec show " + occupation + "')"));
        }
        return new OverrideStore.Effect(task, detail.score() == null ? null : detail.score().means());
    }

    /**
     * Why a level's groups lag, in a classification, weighted by employment or wage bill.
     *
     * @param level a level of the classification, or {@code null} for its finest
     * @param family a group to stay within, or {@code null}
     * @param classification the classification
     * @param weight what occupations are weighted by
     * @param view the overrides and the interval settings (or none)
     * @return the groups, the most lagging work first
     * @throws BadInputException if the level is unknown or the classification's crosswalks were not imported
     * @throws IOException if the index cannot be read
     */
    public BottleneckShares.Result bottlenecks(String level, String family, Classification classification,
            WeightBasis weight, ViewOptions view) throws BadInputException, IOException {
        return new BottleneckShares(index).of(level, family, classification, weight, view);
    }

    /**
     * A group of another classification: an ESCO occupation, an ISCO-08 group, a SOC 2010 occupation.
     *
     * @param classification the classification
     * @param code its code (for ESCO also its concept URI)
     * @param view the overrides and the interval settings (or none)
     * @return its drill-down
     * @throws BadInputException if the crosswalks were not imported or the code is unknown
     * @throws IOException if the index cannot be read
     */
    public GroupDetails.Detail group(Classification classification, String code, ViewOptions view)
            throws BadInputException, IOException {
        return new GroupDetails(index).show(classification, code, view);
    }

    /**
     * Ranks the industries of the imported industry file.
     *
     * @param lagging lowest scores first
     * @param limit the most rows
     * @param weight what occupations are weighted by
     * @param relief a scenario, or {@code null}
     * @param view the overrides and the interval settings (or none)
     * @return the ranking
     * @throws BadInputException if no industry file was imported
     * @throws IOException if the index cannot be read
     */
    public IndustryRankings.Result industries(boolean lagging, int limit, WeightBasis weight, Relief relief,
            ViewOptions view) throws BadInputException, IOException {
        return new IndustryRankings(index).rank(lagging, limit, weight, relief, view);
    }

    /**
     * What the index holds for other classifications: crosswalks, their losses, ESCO, industry employment.
     *
     * @return the summary
     * @throws IOException if the index cannot be read
     */
    public Classifications.Summary classifications() throws IOException {
        return new Classifications(index).summary();
    }

    /**
     * The mapping of a catalog's occupation codes from another classification, for classify.
     *
     * @param classification the catalog's classification
     * @return the mapping, which counts what it mapped
     * @throws BadInputException if the crosswalks were not imported
     * @throws IOException if the index cannot be read
     */
    public CatalogCodeMapping codeMapping(Classification classification) throws BadInputException, IOException {
        return CatalogCodeMapping.of(index, classification);
    }

    /**
     * What each scenario changes.
     *
     * @param reliefs the scenarios
     * @param thresholds where the quadrants are split
     * @param level the level whose families are ranked by their rise
     * @param family a SOC group or occupation to stay within, or {@code null} for the whole taxonomy
     * @param limit the most families listed per scenario
     * @return one impact per scenario, in order
     * @throws BadInputException if the level is unknown
     * @throws IOException if the index cannot be read
     */
    public List<ScenarioImpact.Result> scenarios(List<Relief> reliefs, Thresholds thresholds, String level, String family,
            int limit)
            throws BadInputException, IOException {
        return new ScenarioImpact(index).of(reliefs, thresholds, level, family, limit);
    }

    /**
     * The relief of the scenarios a name gives, such as {@code robotics} or {@code robotics+memory}.
     *
     * @param config the configuration that defines the scenarios and the thresholds
     * @param names the name, or {@code null}
     * @return the relief, or {@code null} when no name is given
     * @throws BadInputException if a name is no scenario of the configuration
     */
    public static Relief relief(EngineConfig config, String names) throws BadInputException {
        return names == null || names.isBlank() ? null : new Relief(config.scenario(names), config.thresholds());
    }

    /**
     * The relief of every scenario of a configuration.
     *
     * @param config the configuration
     * @return one relief per scenario, in the configuration's order
     */
    public static List<Relief> reliefs(EngineConfig config) {
        return config.scenarios().values().stream().map(s -> new Relief(s, config.thresholds())).toList();
    }

    /**
     * @param code a SOC group or occupation code
     * @return whether the taxonomy has it
     * @throws IOException if the index cannot be read
     */
    public boolean hasFamily(String code) throws IOException {
        return new TaxonomySearch(index, "", "").hasFamily(code);
    }

    /**
     * The occupations' titles by code, read again once the index has changed (as after a
     * {@code moravec taxonomy import} while serving).
     *
     * @return the titles; none when the index cannot be read
     */
    public Map<String, String> titles() {
        Titles known = titles;
        try {
            long version = index.version();
            if (known == null || known.version() != version) {
                known = new Titles(version, new OccupationDetails(index).titles());
                titles = known;
            }
        } catch (IOException e) {
            return Map.of();
        }
        return known.byCode();
    }

    /**
     * @param code an O*NET-SOC code
     * @return the occupation's title, if the taxonomy has it
     */
    public Optional<String> title(String code) {
        return Optional.ofNullable(titles().get(code));
    }

    /**
     * The import report of the taxonomy served now.
     *
     * @return the report, or {@code null} when nothing was imported
     * @throws IOException if the index cannot be read
     */
    public ImportReport report() throws IOException {
        return index.report();
    }

    /**
     * The attribution of the taxonomy served now, as its import recorded it.
     *
     * @return the attribution, or {@code null} when nothing was imported
     * @throws IOException if the index cannot be read
     */
    public String attribution() throws IOException {
        ImportReport report = index.report();
        return report == null ? null : report.attribution();
    }

    /** A task to rate, with its occupation's title where the taxonomy knows it. */
    public record NamedTask(Task task, String occupationTitle, boolean ofTheTaxonomy) {}

    /**
     * The task a user names: a task of the taxonomy (by its id, or by its statement word for word within
     * the occupation), rated as {@code classify --taxonomy} rates it; else the statement as given.
     *
     * @param index the taxonomy index, or {@code null} when none is imported
     * @param statement the statement, or {@code null} when an id is given
     * @param occupation the occupation's code, or {@code null}
     * @param taskId the task's id within the occupation, or {@code null}
     * @param id the id to give a statement that is not a task of the taxonomy
     * @return the task
     * @throws BadInputException if an id names no task of the taxonomy
     * @throws IOException if the index cannot be read
     * @throws IllegalArgumentException if the statement or code is not a valid task's
     */
    public static NamedTask namedTask(TaxonomyIndex index, String statement, String occupation, String taskId, String id)
            throws BadInputException, IOException {
        OccupationDetails.Detail detail = null;
        if (occupation != null && index != null) {
            try {
                detail = new OccupationDetails(index).show(occupation);
            } catch (BadInputException e) {
                if (taskId != null) {
                    throw e;
                }
                // a statement with an occupation the taxonomy lacks is rated as given
            }
        }
        String title = null;
        if (detail != null) {
            title = detail.occupation().title();
            for (OccupationDetails.TaskLine line : detail.tasks()) {
                if (line.taskId().equals(taskId)
                        || (taskId == null && line.statement().strip().equalsIgnoreCase(statement.strip()))) {
                    return new NamedTask(new Task(line.taskId(), line.statement(), detail.occupation().code(),
                            line.type() == null ? null : TaskType.parse(line.type()).orElse(null), TaskWeights.NONE),
                            title, true);
                }
            }
        } else if (occupation != null) {
            title = StarterCatalog.title(occupation).orElse(null);
        }
        if (taskId != null) {
            throw new BadInputException(index == null
                    ? "no taxonomy is imported, so task " + taskId + " cannot be looked up: import one with 'moravec taxonomy"
                            + " import SOURCE', or give the task statement in quotes"
                    : "occupation " + occupation + " has no task " + taskId + " (see its tasks with 'moravec show "
                            + occupation + "')");
        }
        return new NamedTask(new Task(id, statement, detail != null ? detail.occupation().code() : occupation, null,
                TaskWeights.NONE), title, false);
    }
}
