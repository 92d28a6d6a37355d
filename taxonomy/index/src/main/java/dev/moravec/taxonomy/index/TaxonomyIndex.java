package dev.moravec.taxonomy.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.TaskWeighting;
import dev.moravec.model.Verdict;
import dev.moravec.taxonomy.index.internal.Codec;
import dev.moravec.taxonomy.index.internal.Documents;
import dev.moravec.taxonomy.index.internal.EstimatorCache;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.index.internal.StoredVerdicts;
import dev.moravec.taxonomy.index.internal.SupplementDocuments;
import dev.moravec.taxonomy.sources.ImportReport;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene index of the taxonomy: one document per occupation and per task, and one for metadata
 * (SOC titles, the import report). Imports replace its content in one commit, so a failed or
 * interrupted import leaves the previous index intact, and readers see either the old or the new
 * content, never a mix; searches keep working while an import runs. The commit records the schema
 * version, and an index of another version is refused with what to run.
 *
 * <p>Freshness: a search sees the latest commit that finished before it started, whichever process
 * made it, without searches waiting on each other in between commits (see {@link #search}).
 *
 * <p>Thread-safe for searching; one process writes at a time (Lucene's write lock).
 */
public final class TaxonomyIndex implements Closeable {

    /** Commit data: the schema version. */
    public static final String SCHEMA_KEY = "moravec.schema";
    /** Commit data: what was imported. */
    public static final String SOURCE_KEY = "moravec.source";
    /** Commit data: when it was imported. */
    public static final String IMPORTED_KEY = "moravec.imported";
    /** Commit data: when the tasks were last classified, and with which scorers and configuration. */
    public static final String CLASSIFIED_KEY = "moravec.classified";
    /** Commit data: when crosswalks, ESCO or industry employment were last added without a release. */
    public static final String SUPPLEMENTED_KEY = "moravec.supplemented";

    private final Path path;
    private final Directory directory;
    private final Codec codec;
    private final StoredVerdicts storedVerdicts;
    private final EstimatorCache estimators = new EstimatorCache();
    private final Documents documents;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private volatile SearcherManager searchers;
    /** The commit generation the searchers were last reopened on or after; none yet at first. */
    private volatile long refreshedGeneration = Long.MIN_VALUE;
    private final Map<String, Memo> memos = new java.util.concurrent.ConcurrentHashMap<>();

    private TaxonomyIndex(Path path, Directory directory, ObjectMapper mapper) {
        this.path = path;
        this.directory = directory;
        this.codec = new Codec(mapper);
        this.storedVerdicts = new StoredVerdicts(mapper);
        this.documents = new Documents(codec, storedVerdicts);
    }

    /**
     * Opens the index in a folder, which may not hold one yet.
     *
     * @param path the index folder
     * @param mapper the JSON mapper
     * @return the index
     * @throws IOException if the folder cannot be created or read
     * @throws BadInputException if the folder holds an index of another schema version
     */
    public static TaxonomyIndex open(Path path, ObjectMapper mapper) throws IOException, BadInputException {
        Files.createDirectories(path);
        TaxonomyIndex index = new TaxonomyIndex(path, FSDirectory.open(path), mapper);
        boolean success = false;
        try {
            index.checkSchema();
            success = true;
            return index;
        } finally {
            if (!success) {
                index.close();
            }
        }
    }

    private void checkSchema() throws IOException, BadInputException {
        if (!exists()) {
            return;
        }
        String schema = commitData().get(SCHEMA_KEY);
        if (!String.valueOf(IndexFields.SCHEMA_VERSION).equals(schema)) {
            throw new BadInputException("the taxonomy index at " + path + " was written by another version of Moravec"
                    + " (schema " + schema + "; this version reads " + IndexFields.SCHEMA_VERSION + "): run"
                    + " 'moravec taxonomy import' again to rebuild it");
        }
    }

    /** @return the index folder */
    public Path path() {
        return path;
    }

    /** @return the analyzer of the index's text fields */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** @return the stored JSON of verdicts and occupation scores */
    StoredVerdicts verdicts() {
        return storedVerdicts;
    }

    /** @return the schema's documents, for the classes that rewrite them */
    Documents documents() {
        return documents;
    }

    /** @return the recent interval estimates of this index */
    EstimatorCache estimators() {
        return estimators;
    }

    /** @return the JSON codec */
    Codec codec() {
        return codec;
    }

    /**
     * Whether anything was imported.
     *
     * @return true if the folder holds a committed index
     * @throws IOException if the folder cannot be read
     */
    public boolean exists() throws IOException {
        return DirectoryReader.indexExists(directory);
    }

    /**
     * The data of the last commit: schema, source, import and classification times.
     *
     * @return the commit data, empty when nothing was imported
     * @throws IOException if the index cannot be read
     */
    public Map<String, String> commitData() throws IOException {
        if (!exists()) {
            return Map.of();
        }
        // the commit point alone (segments_N), without opening the segments as a reader would
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }

    /**
     * Replaces the index's content with a release, in one commit. Verdicts of tasks whose statement,
     * occupation and type are unchanged are kept, so re-importing a release is idempotent.
     *
     * @param release what to index
     * @param progress told a line per step; if it throws, the import stops and the old index stays
     * @throws IOException if writing fails (the old index stays)
     * @throws BadInputException if another process holds the write lock
     */
    public void replace(Release release, Consumer<String> progress) throws IOException, BadInputException {
        replace(release, Supplements.NONE, progress);
    }

    /**
     * Replaces the index's content with a release and what the import adds beside it, in one commit. Verdicts
     * of unchanged tasks are kept; so are the crosswalks, ESCO and industry employment the index held, each
     * unless the import gives one of its kind.
     *
     * @param release what to index
     * @param supplements crosswalks, ESCO and industry employment to add or replace
     * @param progress told a line per step; if it throws, the import stops and the old index stays
     * @throws IOException if writing fails (the old index stays)
     * @throws BadInputException if another process holds the write lock
     */
    public void replace(Release release, Supplements supplements, Consumer<String> progress)
            throws IOException, BadInputException {
        Map<String, Carried> previous = exists() ? carried() : Map.of();
        Supplements held = exists() ? supplements() : Supplements.NONE;
        write(writer -> {
            writer.deleteAll();
            progress.accept("indexing " + release.occupations().size() + " occupations and "
                    + release.tasks().size() + " tasks");
            // an occupation's own title names it where rankings and shares list occupations as families
            Map<String, String> occupationTitles = new HashMap<>();
            release.occupations().forEach((code, occupation) -> occupationTitles.put(code, occupation.title()));
            SocHierarchy hierarchy = release.hierarchy().withTitles(occupationTitles);
            writer.addDocument(documents.meta(hierarchy, codec.write(codec.mapper().valueToTree(release.report()))));
            Map<String, List<TaxonomyTask>> byOccupation = new LinkedHashMap<>();
            for (TaxonomyTask task : release.tasks()) {
                byOccupation.computeIfAbsent(task.task().occupationCode(), c -> new ArrayList<>()).add(task);
            }
            int kept = 0;
            int written = 0;
            for (Occupation occupation : release.occupations().values()) {
                List<TaxonomyTask> tasks = byOccupation.getOrDefault(occupation.code(), List.of());
                TaskWeighting weighting = TaskWeighting.of(tasks.stream().map(TaxonomyTask::task).toList());
                List<Verdict> verdicts = new ArrayList<>();
                for (TaxonomyTask task : tasks) {
                    Carried old = previous.get(IndexFields.taskKey(occupation.code(), task.task().id()));
                    StoredVerdict verdict = null;
                    float[] vector = null;
                    if (old != null && old.verdict() != null) {
                        StoredVerdict stored = storedVerdicts.read(task.task(), old.verdict());
                        if (stored.contentKey().equals(Documents.contentKey(task.task()))) {
                            verdict = stored;
                            verdicts.add(stored.verdict());
                            kept++;
                        }
                    }
                    if (old != null && task.task().statement().equals(old.text())) {
                        vector = old.vector();
                    }
                    writer.addDocument(documents.task(task, occupation.title(), hierarchy,
                            weighting.weight(task.task()), verdict, vector));
                    if (++written % 5000 == 0) {
                        progress.accept("indexed " + written + " tasks");
                    }
                }
                OccupationScore score = verdicts.isEmpty() || verdicts.size() < tasks.size() ? null
                        : OccupationScore.of(verdicts);
                Carried old = previous.get(IndexFields.occupationKey(occupation.code()));
                float[] vector = old != null && Documents.vectorText(occupation).equals(old.text()) ? old.vector() : null;
                writer.addDocument(documents.occupation(occupation, hierarchy, tasks.isEmpty() ? null : weighting,
                        score, vector));
            }
            new SupplementDocuments(codec).write(writer, SupplementDocuments.merge(held, supplements));
            Map<String, String> data = new HashMap<>();
            data.put(SCHEMA_KEY, String.valueOf(IndexFields.SCHEMA_VERSION));
            data.put(SOURCE_KEY, release.report().source());
            data.put(IMPORTED_KEY, Instant.now().toString());
            if (kept > 0) {
                String classified = commitData().get(CLASSIFIED_KEY);
                if (classified != null) {
                    data.put(CLASSIFIED_KEY, classified);
                }
            }
            writer.setLiveCommitData(data.entrySet());
            progress.accept("committing" + (kept > 0 ? " (" + kept + " verdicts of unchanged tasks kept)" : ""));
        });
    }

    /**
     * Adds crosswalks, ESCO or industry employment to the index, each replacing what it held of its kind, in
     * one commit that leaves the occupations, tasks and verdicts as they are.
     *
     * @param supplements what to add
     * @param progress told a line per step
     * @throws IOException if writing fails (the index stays as it was)
     * @throws BadInputException if nothing was imported yet, or another process holds the write lock
     */
    public void supplement(Supplements supplements, Consumer<String> progress) throws IOException, BadInputException {
        if (!exists()) {
            throw new BadInputException("the taxonomy index at " + path + " is empty: import a release first with"
                    + " 'moravec taxonomy import SOURCE'");
        }
        Supplements merged = SupplementDocuments.merge(supplements(), supplements);
        Map<String, String> data = new HashMap<>(commitData());
        write(writer -> {
            progress.accept("indexing " + supplements.crosswalks().size() + " crosswalks"
                    + (supplements.esco() != null ? ", ESCO" : "") + (supplements.industry() != null
                            ? ", industry employment" : ""));
            new SupplementDocuments(codec).write(writer, merged);
            data.put(SUPPLEMENTED_KEY, Instant.now().toString());
            writer.setLiveCommitData(data.entrySet());
            progress.accept("committing");
        });
    }

    /**
     * The crosswalks, ESCO classification and industry employment the index holds.
     *
     * @return them; {@link Supplements#NONE} when none were imported
     * @throws IOException if the index cannot be read
     */
    public Supplements supplements() throws IOException {
        return search(this::supplements);
    }

    /**
     * The supplements as a searcher of this index sees them.
     *
     * @param searcher a searcher that {@link #search} gave
     * @return them
     * @throws IOException if the index cannot be read
     */
    Supplements supplements(IndexSearcher searcher) throws IOException {
        return new SupplementDocuments(codec).read(searcher);
    }

    /**
     * Something computed from one commit's content, kept until the next commit, so that queries asked
     * again on the same content do not compute it again.
     *
     * @param key what it is
     * @param searcher the searcher of the commit it is computed from
     * @param compute computes it
     * @param <T> its type
     * @return it
     * @throws IOException if the index cannot be read
     */
    @SuppressWarnings("unchecked")
    <T> T memo(String key, IndexSearcher searcher, SearchFunction<T> compute) throws IOException {
        long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
        Memo held = memos.get(key);
        if (held != null && held.version() == version) {
            return (T) held.value();
        }
        T value = compute.apply(searcher);
        memos.put(key, new Memo(version, value));
        return value;
    }

    /** A value computed from the commit of a reader version. */
    private record Memo(long version, Object value) {}

    /** One step of writing, committed by {@link #write}. */
    private interface WriteStep {
        void write(IndexWriter writer) throws IOException;
    }

    // runs a step on a writer and commits it, or rolls it back if the step fails, then reopens the searchers
    private void write(WriteStep step) throws IOException, BadInputException {
        try (IndexWriter writer = writer()) {
            boolean committed = false;
            try {
                step.write(writer);
                writer.commit();
                committed = true;
            } finally {
                if (!committed) {
                    writer.rollback();
                }
            }
        }
        refresh();
    }

    /**
     * Opens the index for writing.
     *
     * @return the writer; the caller commits or rolls back, and closes it
     * @throws IOException if the index cannot be opened
     * @throws BadInputException if another process is writing
     */
    IndexWriter writer() throws IOException, BadInputException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new BadInputException("another Moravec process is writing the taxonomy index at " + path
                    + " (an import or a classify --taxonomy); wait for it to finish", e);
        }
    }

    /** What a re-import keeps of a document when its text is unchanged: the verdict and the vector. */
    private record Carried(String text, String verdict, float[] vector) {}

    /** The verdicts and vectors stored in the index, by document key. */
    private Map<String, Carried> carried() throws IOException {
        return search(searcher -> {
            Map<String, Carried> carried = new HashMap<>();
            StoredFields fields = searcher.storedFields();
            TopDocs tasks = searcher.search(new TermQuery(new Term(IndexFields.KIND, "task")), Integer.MAX_VALUE);
            for (ScoreDoc hit : tasks.scoreDocs) {
                Document doc = fields.document(hit.doc, java.util.Set.of(IndexFields.CODE, IndexFields.TASK_ID,
                        IndexFields.STATEMENT, IndexFields.VERDICT, IndexFields.VECTOR_STORED));
                carried.put(IndexFields.taskKey(IndexFields.stored(doc, IndexFields.CODE), IndexFields.stored(doc, IndexFields.TASK_ID)),
                        new Carried(IndexFields.stored(doc, IndexFields.STATEMENT), IndexFields.stored(doc, IndexFields.VERDICT),
                                Documents.vector(doc)));
            }
            TopDocs occupations = searcher.search(new TermQuery(new Term(IndexFields.KIND, "occupation")), Integer.MAX_VALUE);
            for (ScoreDoc hit : occupations.scoreDocs) {
                Document doc = fields.document(hit.doc, java.util.Set.of(IndexFields.SOURCE, IndexFields.VECTOR_STORED));
                float[] vector = Documents.vector(doc);
                if (vector != null) {
                    Occupation occupation = codec.occupation(IndexFields.stored(doc, IndexFields.SOURCE));
                    carried.put(IndexFields.occupationKey(occupation.code()),
                            new Carried(Documents.vectorText(occupation), null, vector));
                }
            }
            return carried;
        });
    }

    /** A search over the index's current content. */
    @FunctionalInterface
    public interface SearchFunction<T> {
        /**
         * @param searcher the searcher; do not keep it after returning
         * @return the result
         * @throws IOException if reading fails
         */
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Runs a search on the latest committed content: a search that starts after a commit finished, made
     * by this process or another (an import, a classification), sees that commit or a later one.
     *
     * <p>Searches do not wait on each other. Each one lists the index folder to read the generation of
     * its latest commit (a directory listing: no lock, no file opened), and only when that differs from
     * the generation the searchers were last reopened on does it reopen them
     * ({@link SearcherManager#maybeRefreshBlocking}, which opens just the segments that changed). So the
     * searches that start right after a commit wait for one reopen, and all others share the current
     * searcher.
     *
     * @param function the search
     * @param <T> its result
     * @return the result
     * @throws IOException if reading fails, or nothing was imported
     */
    public <T> T search(SearchFunction<T> function) throws IOException {
        SearcherManager manager = searchers();
        long latest = SegmentInfos.getLastCommitGeneration(directory);
        if (latest != refreshedGeneration) {
            reopen(manager, latest);
        }
        IndexSearcher searcher = manager.acquire();
        try {
            return function.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * Reopens the searchers on the latest commit, one thread at a time, and remembers the commit
     * generation read before, so that searches skip the reopen until another commit lands. Threads that
     * race here may leave an older generation behind; the next search then reopens once more, finding
     * nothing new, which is harmless.
     */
    private void reopen(SearcherManager manager, long generation) throws IOException {
        manager.maybeRefreshBlocking();
        refreshedGeneration = generation;
    }

    private SearcherManager searchers() throws IOException {
        SearcherManager manager = searchers;
        if (manager != null) {
            return manager;
        }
        synchronized (this) {
            if (searchers == null) {
                searchers = new SearcherManager(directory, null);
            }
            return searchers;
        }
    }

    /**
     * The version of the content searches see now. It changes with every commit (an import, a
     * classification), whether this process or another made it, so it tells when something read from
     * the index earlier is out of date.
     *
     * @return the version of the latest commit
     * @throws IOException if reading fails, or nothing was imported
     */
    public long version() throws IOException {
        return search(searcher -> ((DirectoryReader) searcher.getIndexReader()).getVersion());
    }

    /**
     * Makes the next search see the latest commit.
     *
     * @throws IOException if the index cannot be read
     */
    public void refresh() throws IOException {
        SearcherManager manager = searchers;
        if (manager != null) {
            reopen(manager, SegmentInfos.getLastCommitGeneration(directory));
        }
    }

    /**
     * The SOC hierarchy with the titles the import gave.
     *
     * @return the hierarchy
     * @throws IOException if the index cannot be read
     */
    public SocHierarchy hierarchy() throws IOException {
        return search(this::hierarchy);
    }

    /**
     * The SOC hierarchy as a searcher of this index sees it, for a search that needs it with other
     * content of the same commit.
     *
     * @param searcher a searcher that {@link #search} gave
     * @return the hierarchy
     * @throws IOException if the index cannot be read
     */
    SocHierarchy hierarchy(IndexSearcher searcher) throws IOException {
        TopDocs meta = searcher.search(new TermQuery(new Term(IndexFields.KIND, "meta")), 1);
        if (meta.scoreDocs.length == 0) {
            return SocHierarchy.builtIn();
        }
        Document doc = searcher.storedFields().document(meta.scoreDocs[0].doc);
        JsonNode titles = codec.read(IndexFields.stored(doc, IndexFields.HIERARCHY));
        Map<String, String> map = new HashMap<>();
        titles.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return SocHierarchy.builtIn().withTitles(map);
    }

    /**
     * The report of the last import.
     *
     * @return the report
     * @throws IOException if the index cannot be read
     */
    public ImportReport report() throws IOException {
        return search(searcher -> {
            TopDocs meta = searcher.search(new TermQuery(new Term(IndexFields.KIND, "meta")), 1);
            if (meta.scoreDocs.length == 0) {
                return null;
            }
            Document doc = searcher.storedFields().document(meta.scoreDocs[0].doc);
            return codec.mapper().convertValue(codec.read(IndexFields.stored(doc, IndexFields.REPORT)), ImportReport.class);
        });
    }

    @Override
    public void close() throws IOException {
        try {
            if (searchers != null) {
                searchers.close();
            }
        } finally {
            directory.close();
        }
    }
}
