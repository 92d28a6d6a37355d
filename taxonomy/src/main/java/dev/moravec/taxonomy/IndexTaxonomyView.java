package dev.moravec.taxonomy;

import dev.moravec.api.OccupationDescriptor;
import dev.moravec.api.OccupationProfile;
import dev.moravec.api.Task;
import dev.moravec.api.TaxonomyView;
import dev.moravec.api.WorkActivity;
import dev.moravec.taxonomy.internal.Documents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The taxonomy index as scorers see it: each task's work activities and each occupation's profile.
 * Everything is read into memory on first use (a few megabytes for a full O*NET release), so scorers
 * look tasks up without touching the index. Thread-safe.
 */
public final class IndexTaxonomyView implements TaxonomyView {

    private final TaxonomyIndex index;
    private volatile Loaded loaded;

    private record Loaded(Map<String, List<WorkActivity>> activities, Map<String, OccupationProfile> occupations) {}

    /**
     * @param index the index; it must stay open while the view is used
     */
    public IndexTaxonomyView(TaxonomyIndex index) {
        this.index = index;
    }

    @Override
    public List<WorkActivity> activities(Task task) {
        if (task.occupationCode() == null) {
            return List.of();
        }
        return loaded().activities.getOrDefault(task.occupationCode() + "\u0000" + task.id(), List.of());
    }

    @Override
    public Optional<OccupationProfile> occupation(String code) {
        return Optional.ofNullable(loaded().occupations.get(code));
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    try {
                        current = load();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the taxonomy index at " + index.path(), e);
                    }
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Loaded load() throws IOException {
        return index.search(searcher -> {
            StoredFields fields = searcher.storedFields();
            Map<String, List<WorkActivity>> activities = new HashMap<>();
            TopDocs tasks = searcher.search(new TermQuery(new Term(Documents.KIND, "task")), Integer.MAX_VALUE);
            for (ScoreDoc hit : tasks.scoreDocs) {
                Document doc = fields.document(hit.doc, Set.of(Documents.SOURCE));
                TaxonomyTask task = index.codec().task(Documents.stored(doc, Documents.SOURCE));
                if (!task.activities().isEmpty()) {
                    activities.put(task.task().occupationCode() + "\u0000" + task.task().id(), task.activities());
                }
            }
            Map<String, OccupationProfile> occupations = new HashMap<>();
            TopDocs docs = searcher.search(new TermQuery(new Term(Documents.KIND, "occupation")), Integer.MAX_VALUE);
            for (ScoreDoc hit : docs.scoreDocs) {
                Document doc = fields.document(hit.doc, Set.of(Documents.SOURCE));
                Occupation occupation = index.codec().occupation(Documents.stored(doc, Documents.SOURCE));
                occupations.put(occupation.code(), profile(occupation));
            }
            return new Loaded(activities, occupations);
        });
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
