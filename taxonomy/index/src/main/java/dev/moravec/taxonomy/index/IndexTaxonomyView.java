package dev.moravec.taxonomy.index;

import dev.moravec.api.OccupationDescriptor;
import dev.moravec.api.OccupationProfile;
import dev.moravec.api.Task;
import dev.moravec.api.TaxonomyView;
import dev.moravec.api.WorkActivity;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.sources.Descriptor;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The taxonomy index as scorers see it: each task's work activities and each occupation's profile.
 * An occupation is read from the index when a task of it first asks (its profile and the activities of
 * its tasks, a few kilobytes), and kept, so scorers look it up again without touching the index, and
 * the first task of a run waits for one occupation only. Once a run has asked for a quarter of the
 * occupations (and at least {@value #ONE_BY_ONE}), it likely spans the taxonomy, and the rest are read
 * in one pass, which costs less than reading them one by one. Thread-safe.
 */
public final class IndexTaxonomyView implements TaxonomyView {

    /** How many occupations are read one by one at least before the rest are read at once. */
    static final int ONE_BY_ONE = 64;

    private final TaxonomyIndex index;
    private final Map<String, Occupational> occupations = new ConcurrentHashMap<>();
    private volatile Set<String> codes;
    private volatile boolean allRead;

    /** What the index holds on one occupation: its profile, and its tasks' activities by task id. */
    private record Occupational(OccupationProfile profile, Map<String, List<WorkActivity>> activities) {}

    /**
     * @param index the index; it must stay open while the view is used
     */
    public IndexTaxonomyView(TaxonomyIndex index) {
        this.index = index;
    }

    @Override
    public List<WorkActivity> activities(Task task) {
        Occupational occupation = occupational(task.occupationCode());
        return occupation == null ? List.of() : occupation.activities().getOrDefault(task.id(), List.of());
    }

    @Override
    public Optional<OccupationProfile> occupation(String code) {
        Occupational occupation = occupational(code);
        return occupation == null ? Optional.empty() : Optional.of(occupation.profile());
    }

    // only the index's own codes are kept, so a catalog of unknown codes cannot fill memory
    private Occupational occupational(String code) {
        if (code == null || !codes().contains(code)) {
            return null;
        }
        Occupational known = occupations.get(code);
        if (known != null || allRead) {
            return known;
        }
        if (occupations.size() >= Math.max(ONE_BY_ONE, codes().size() / 4)) {
            readAll();
            return occupations.get(code);
        }
        return occupations.computeIfAbsent(code, c -> read(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, "task")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.CODE, c)), BooleanClause.Occur.FILTER)
                .build(), new TermQuery(new Term(IndexFields.KEY, IndexFields.occupationKey(c)))).get(c));
    }

    private Set<String> codes() {
        Set<String> known = codes;
        if (known == null) {
            synchronized (this) {
                known = codes;
                if (known == null) {
                    try {
                        // the terms of the code field: no stored field is read
                        known = index.search(searcher -> {
                            Set<String> all = new HashSet<>();
                            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.CODE);
                            if (terms != null) {
                                TermsEnum values = terms.iterator();
                                for (BytesRef value = values.next(); value != null; value = values.next()) {
                                    all.add(value.utf8ToString());
                                }
                            }
                            return Set.copyOf(all);
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the taxonomy index at " + index.path(), e);
                    }
                    codes = known;
                }
            }
        }
        return known;
    }

    /** Reads every occupation not read yet, in one pass over the index. */
    private synchronized void readAll() {
        if (!allRead) {
            // one read one by one meanwhile is kept: scorers may hold on to its profile
            read(new TermQuery(new Term(IndexFields.KIND, "task")), new TermQuery(new Term(IndexFields.KIND, "occupation")))
                    .forEach(occupations::putIfAbsent);
            allRead = true;
        }
    }

    /** The occupations the queries find, with the activities of the tasks they find, leaving out those read. */
    private Map<String, Occupational> read(Query tasks, Query occupationDocs) {
        try {
            return index.search(searcher -> {
                StoredFields fields = searcher.storedFields();
                Map<String, Map<String, List<WorkActivity>>> activities = new HashMap<>();
                for (ScoreDoc hit : searcher.search(tasks, Integer.MAX_VALUE).scoreDocs) {
                    Document doc = fields.document(hit.doc, Set.of(IndexFields.CODE, IndexFields.SOURCE));
                    String code = IndexFields.stored(doc, IndexFields.CODE);
                    if (!occupations.containsKey(code)) {
                        TaxonomyTask task = index.codec().task(IndexFields.stored(doc, IndexFields.SOURCE));
                        if (!task.activities().isEmpty()) {
                            activities.computeIfAbsent(code, c -> new HashMap<>()).put(task.task().id(),
                                    task.activities());
                        }
                    }
                }
                Map<String, Occupational> read = new HashMap<>();
                for (ScoreDoc hit : searcher.search(occupationDocs, Integer.MAX_VALUE).scoreDocs) {
                    Document doc = fields.document(hit.doc, Set.of(IndexFields.CODE, IndexFields.SOURCE));
                    String code = IndexFields.stored(doc, IndexFields.CODE);
                    if (!occupations.containsKey(code)) {
                        Occupation occupation = index.codec().occupation(IndexFields.stored(doc, IndexFields.SOURCE));
                        read.put(code, new Occupational(profile(occupation), activities.getOrDefault(code, Map.of())));
                    }
                }
                return read;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the taxonomy index at " + index.path(), e);
        }
    }

    static OccupationProfile profile(Occupation occupation) {
        List<OccupationDescriptor> descriptors = new ArrayList<>(occupation.descriptors().size());
        for (Descriptor d : occupation.descriptors()) {
            descriptors.add(new OccupationDescriptor(d.domain(), d.id(), d.name(), optional(d.importance()),
                    optional(d.level())));
        }
        return new OccupationProfile(occupation.code(), occupation.title(),
                occupation.jobZone() == null ? OptionalInt.empty() : OptionalInt.of(occupation.jobZone()),
                descriptors, occupation.tools(), occupation.technologies());
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
