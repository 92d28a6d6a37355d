package dev.moravec.taxonomy.index;

import dev.moravec.api.Axis;
import dev.moravec.api.Embedder;
import dev.moravec.api.Task;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Digest;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.ScorerShare;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.scoring.VerdictAggregator;
import dev.moravec.taxonomy.index.internal.Documents;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Rates every task of the taxonomy index and stores the verdicts in it, with each occupation's score.
 * It is incremental: a task whose statement, occupation, type and scorers (ids, versions, settings)
 * are unchanged keeps its ratings; when only the configuration (weights, thresholds) changed, its
 * stored ratings are combined again without asking the scorers; only the rest is rated.
 */
public final class TaxonomyClassifier {

    /**
     * What a run did.
     *
     * @param tasks the tasks in the index
     * @param rated tasks the scorers rated
     * @param recombined tasks whose stored ratings were combined under a new configuration
     * @param reused tasks whose verdict was kept as it was
     * @param occupations occupations whose score was written
     * @param embedded tasks and occupations whose vector was computed and stored
     * @param quadrants the tasks per quadrant after the run
     * @param elapsed the run's time
     */
    public record Result(int tasks, int rated, int recombined, int reused, int occupations, int embedded,
            Map<Quadrant, Long> quadrants, Duration elapsed) {}

    private static final int BATCH = 1024;

    private final ScoringEngine engine;
    private final Embedder embedder;

    /**
     * @param engine the engine whose active scorers and configuration rate the tasks
     */
    public TaxonomyClassifier(ScoringEngine engine) {
        this(engine, null);
    }

    /**
     * A classifier that also stores every task's and occupation's vector, for semantic search.
     *
     * @param engine the engine whose active scorers and configuration rate the tasks
     * @param embedder embeds statements and occupations (its cache shares what scorers embedded), or
     *     {@code null} for no vectors
     */
    public TaxonomyClassifier(ScoringEngine engine, Embedder embedder) {
        this.engine = engine;
        this.embedder = embedder;
    }

    /**
     * The fingerprint of the scorers that would rate now: ids, versions and settings.
     *
     * @return a string that changes whenever ratings may change
     */
    public String scorerKey() {
        StringBuilder key = new StringBuilder();
        for (ScorerHandle scorer : engine.scorers()) {
            key.append(scorer.id()).append('@').append(scorer.info().version())
                    .append(new TreeMap<>(engine.config().scorer(scorer.id()).settings())).append(';');
        }
        return key.toString();
    }

    /**
     * The fingerprint of how ratings are combined: thresholds and the active scorers' weights.
     *
     * @return a string that changes whenever verdicts may change for the same ratings
     */
    public String configKey() {
        EngineConfig config = engine.config();
        StringBuilder key = new StringBuilder("T>=" + config.thresholds().transferability() + ";V<="
                + config.thresholds().verificationCost());
        for (ScorerHandle scorer : engine.scorers()) {
            ScorerSettings settings = config.scorer(scorer.id());
            key.append(";").append(scorer.id()).append("=").append(settings.weight(Axis.TRANSFERABILITY)).append("/")
                    .append(settings.weight(Axis.VERIFICATION_COST));
        }
        return Digest.sha256(key.toString());
    }

    /**
     * Classifies every task of the index.
     *
     * @param index the index
     * @param progress told how many tasks are done
     * @return what was done
     * @throws IOException if the index cannot be read or written
     * @throws BadInputException if another process is writing the index
     * @throws InterruptedException if interrupted while rating
     */
    public Result classify(TaxonomyIndex index, Consumer<String> progress)
            throws IOException, BadInputException, InterruptedException {
        long started = System.nanoTime();
        Documents documents = index.documents();
        SocHierarchy hierarchy = index.hierarchy();
        List<Entry> entries = readTasks(index);
        Map<String, OccupationEntry> occupations = readOccupations(index);
        String scorerKey = scorerKey();
        String configKey = configKey();
        VerdictAggregator aggregator = new VerdictAggregator(engine.config());

        List<Entry> toRate = new ArrayList<>();
        int recombined = 0;
        int reused = 0;
        for (Entry entry : entries) {
            String contentKey = Documents.contentKey(entry.task.task());
            entry.ratingKey = Digest.sha256(contentKey + "\u0000" + scorerKey);
            if (entry.stored != null && entry.stored.ratingKey().equals(entry.ratingKey)) {
                if (entry.stored.configKey().equals(configKey)) {
                    entry.verdict = entry.stored.verdict();
                    entry.shares = entry.stored.shares();
                    reused++;
                } else {
                    entry.verdict = aggregator.combine(entry.task.task(), entry.stored.verdict().outcomes());
                    entry.shares = aggregator.shares(entry.stored.verdict().outcomes());
                    entry.changed = true;
                    recombined++;
                }
            } else {
                toRate.add(entry);
            }
        }
        for (int from = 0; from < toRate.size(); from += BATCH) {
            List<Entry> batch = toRate.subList(from, Math.min(toRate.size(), from + BATCH));
            List<Task> tasks = batch.stream().map(e -> e.task.task()).toList();
            List<Verdict> verdicts = engine.classify(tasks);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).verdict = verdicts.get(i);
                batch.get(i).shares = aggregator.shares(verdicts.get(i).outcomes());
                batch.get(i).changed = true;
            }
            progress.accept("rated " + Math.min(toRate.size(), from + BATCH) + " of " + toRate.size() + " tasks");
        }

        int embedded = embed(entries, occupations, progress);

        Map<Quadrant, Long> quadrants = new EnumMap<>(Quadrant.class);
        Map<String, List<Entry>> byOccupation = new LinkedHashMap<>();
        for (Entry entry : entries) {
            quadrants.merge(entry.verdict.quadrant(), 1L, Long::sum);
            byOccupation.computeIfAbsent(entry.task.task().occupationCode(), c -> new ArrayList<>()).add(entry);
        }
        int changed = (int) entries.stream().filter(e -> e.changed).count();
        int occupationsWritten = 0;
        if (changed > 0 || embedded > 0) {
            try (IndexWriter writer = index.writer()) {
                boolean committed = false;
                try {
                    for (Entry entry : entries) {
                        if (entry.changed) {
                            String code = entry.task.task().occupationCode();
                            writer.updateDocument(IndexFields.keyTerm(IndexFields.taskKey(code, entry.task.task().id())),
                                    documents.task(entry.task, entry.occupationTitle, hierarchy, entry.weight,
                                            new StoredVerdict(entry.verdict, entry.shares, Documents.contentKey(entry.task.task()),
                                                    entry.ratingKey, configKey), entry.vector));
                        }
                    }
                    for (Map.Entry<String, List<Entry>> occupation : byOccupation.entrySet()) {
                        OccupationEntry record = occupations.get(occupation.getKey());
                        if (record == null || (occupation.getValue().stream().noneMatch(e -> e.changed) && !record.changed)) {
                            continue;
                        }
                        OccupationScore score = OccupationScore.of(
                                occupation.getValue().stream().map(e -> e.verdict).toList());
                        writer.updateDocument(IndexFields.keyTerm(IndexFields.occupationKey(record.occupation.code())),
                                documents.occupation(record.occupation, hierarchy, score.weighting(), score, record.vector));
                        record.changed = false;
                        occupationsWritten++;
                    }
                    for (OccupationEntry record : occupations.values()) {
                        if (record.changed) { // an occupation without tasks that got its vector
                            writer.updateDocument(IndexFields.keyTerm(IndexFields.occupationKey(record.occupation.code())),
                                    documents.occupation(record.occupation, hierarchy, null, null, record.vector));
                        }
                    }
                    Map<String, String> data = new HashMap<>(index.commitData());
                    data.put(TaxonomyIndex.CLASSIFIED_KEY, Instant.now() + " " + scorerKey);
                    writer.setLiveCommitData(data.entrySet());
                    writer.commit();
                    committed = true;
                } finally {
                    if (!committed) {
                        writer.rollback();
                    }
                }
            }
            index.refresh();
        }
        return new Result(entries.size(), toRate.size(), recombined, reused, occupationsWritten, embedded, quadrants,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** A task of the index with its stored and new verdict. */
    private static final class Entry {
        TaxonomyTask task;
        String occupationTitle;
        double weight;
        StoredVerdict stored;
        String ratingKey;
        Verdict verdict;
        List<ScorerShare> shares;
        float[] vector;
        boolean changed;
    }

    /** An occupation of the index with its vector. */
    private static final class OccupationEntry {
        Occupation occupation;
        float[] vector;
        boolean changed;
    }

    // vectors for the tasks and occupations that have none yet, in batches the embedder handles well
    private int embed(List<Entry> entries, Map<String, OccupationEntry> occupations, Consumer<String> progress) {
        if (embedder == null) {
            return 0;
        }
        List<Entry> missing = entries.stream().filter(e -> e.vector == null).toList();
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Entry> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> vectors = embedder.embedAll(batch.stream().map(e -> e.task.task().statement()).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).vector = vectors.get(i);
                batch.get(i).changed = true;
            }
            progress.accept("embedded " + Math.min(missing.size(), from + BATCH) + " of " + missing.size() + " tasks");
        }
        List<OccupationEntry> occupationsMissing = occupations.values().stream().filter(o -> o.vector == null).toList();
        List<float[]> vectors = embedder.embedAll(
                occupationsMissing.stream().map(o -> Documents.vectorText(o.occupation)).toList());
        for (int i = 0; i < occupationsMissing.size(); i++) {
            occupationsMissing.get(i).vector = vectors.get(i);
            occupationsMissing.get(i).changed = true;
        }
        return missing.size() + occupationsMissing.size();
    }

    private static List<Entry> readTasks(TaxonomyIndex index) throws IOException {
        Documents documents = index.documents();
        return index.search(searcher -> {
            TopDocs docs = searcher.search(new TermQuery(new Term(IndexFields.KIND, "task")), Integer.MAX_VALUE);
            StoredFields fields = searcher.storedFields();
            List<Entry> entries = new ArrayList<>(docs.scoreDocs.length);
            Set<String> wanted = Set.of(IndexFields.SOURCE, IndexFields.VERDICT, IndexFields.TITLE, IndexFields.WEIGHT,
                    IndexFields.VECTOR_STORED);
            for (ScoreDoc hit : docs.scoreDocs) {
                Document doc = fields.document(hit.doc, wanted);
                Entry entry = new Entry();
                entry.task = index.codec().task(IndexFields.stored(doc, IndexFields.SOURCE));
                entry.occupationTitle = IndexFields.stored(doc, IndexFields.TITLE);
                entry.weight = doc.getField(IndexFields.WEIGHT).numericValue().doubleValue();
                String verdict = IndexFields.stored(doc, IndexFields.VERDICT);
                entry.stored = verdict == null ? null : index.verdicts().read(entry.task.task(), verdict);
                entry.vector = Documents.vector(doc);
                entries.add(entry);
            }
            // the index's doc order is not the release's: rate and report in a stable order
            entries.sort(java.util.Comparator.comparing((Entry e) -> e.task.task().occupationCode())
                    .thenComparing(e -> e.task.task().id()));
            return entries;
        });
    }

    private static Map<String, OccupationEntry> readOccupations(TaxonomyIndex index) throws IOException {
        return index.search(searcher -> {
            TopDocs docs = searcher.search(new TermQuery(new Term(IndexFields.KIND, "occupation")), Integer.MAX_VALUE);
            StoredFields fields = searcher.storedFields();
            Map<String, OccupationEntry> occupations = new HashMap<>();
            for (ScoreDoc hit : docs.scoreDocs) {
                Document doc = fields.document(hit.doc, Set.of(IndexFields.SOURCE, IndexFields.VECTOR_STORED));
                OccupationEntry entry = new OccupationEntry();
                entry.occupation = index.codec().occupation(IndexFields.stored(doc, IndexFields.SOURCE));
                entry.vector = Documents.vector(doc);
                occupations.put(entry.occupation.code(), entry);
            }
            return occupations;
        });
    }
}
