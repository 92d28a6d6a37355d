package dev.moravec.taxonomy.index.internal;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/** Counts tasks per family with the index's hierarchical sorted-set facets. */
public final class FamilyFacets {

    private FamilyFacets() {}

    /**
     * How many tasks lie below each child of a family.
     *
     * @param searcher the searcher
     * @param path the family's path from the top; empty for the major groups
     * @return each child's code and its number of tasks
     * @throws IOException if the index cannot be read
     */
    public static Map<String, Long> taskCounts(IndexSearcher searcher, String... path) throws IOException {
        FacetsCollector collector = FacetsCollectorManager.search(searcher,
                new TermQuery(new Term(IndexFields.KIND, "task")), 1, new FacetsCollectorManager()).facetsCollector();
        SortedSetDocValuesReaderState state =
                new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), IndexFields.FACETS);
        Facets facets = new SortedSetDocValuesFacetCounts(state, collector);
        FacetResult result = facets.getAllChildren(IndexFields.FAMILY_FACET, path);
        Map<String, Long> counts = new TreeMap<>();
        if (result != null) {
            for (LabelAndValue child : result.labelValues) {
                counts.put(child.label, child.value.longValue());
            }
        }
        return counts;
    }
}
